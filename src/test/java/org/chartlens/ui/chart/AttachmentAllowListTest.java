package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.Test;

/**
 * security.md 22: attachments open only for allow-listed content types, and nothing is executed.
 * A shell script attached to a DocumentReference gets no "open" action at all; a PDF gets one that
 * asks first. Real encrypted cache, real chart view, headless.
 */
class AttachmentAllowListTest {

    @Test
    void aScriptAttachmentCannotBeOpenedAndAPdfOnlyAfterConfirmation() throws Exception {
        Fx.stage();
        try (ChartCache cache = ChartCache.open(Files.createTempDirectory("chartlens-attach").resolve("c.db"), new byte[32])) {
            cache.putAll(List.of(
                    new StoredResource("demo", "Patient", "p1", "p1", null, null, null,
                            "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Testa\",\"given\":[\"Ada\"]}]}"),
                    doc("d1", "application/x-sh", "#!/bin/sh\ntouch /tmp/chartlens-pwned\n", "2024-01-02"),
                    doc("d2", "application/pdf", "%PDF-1.4 minimal", "2024-01-01")));
            cache.recordSuccess("demo", "DocumentReference", Instant.now());
            ChartView view = ChartViewTest.open(cache, cache.patients().get(0), UnitSystem.METRIC);
            Fx.run(() -> view.select("documents"));
            Fx.settle();
            TableView<DocumentEntry> table = ChartViewTest.table(view, "documents-table");
            assertEquals(2, Fx.call(() -> table.getItems().size()));

            Node script = select(view, table, "application/x-sh");
            assertTrue(texts(script).stream().anyMatch(t -> t.contains("does not open application/x-sh")), texts(script).toString());
            assertTrue(buttons(script).isEmpty(), "no action offered for a script");

            Node pdf = select(view, table, "application/pdf");
            List<String> pdfButtons = buttons(pdf);
            assertEquals(List.of("Open with the system viewer…"), pdfButtons);
            assertFalse(Files.exists(java.nio.file.Path.of("/tmp/chartlens-pwned")), "nothing was executed");
        }
    }

    private static StoredResource doc(String id, String type, String content, String date) {
        String data = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
        String json = "{\"resourceType\":\"DocumentReference\",\"id\":\"" + id + "\",\"status\":\"current\","
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"date\":\"" + date + "T10:00:00Z\","
                + "\"type\":{\"text\":\"Note " + id + "\"},"
                + "\"content\":[{\"attachment\":{\"contentType\":\"" + type + "\",\"data\":\"" + data + "\"}}]}";
        return new StoredResource("demo", "DocumentReference", id, "p1", date, "current", null, json);
    }

    /** Selects the row whose attachment has {@code type} and returns the tab once it has rendered. */
    private static Node select(ChartView view, TableView<DocumentEntry> table, String type) throws Exception {
        Fx.run(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).attachments().stream().anyMatch(a -> a.mimeType().equals(type))) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.getFocusModel().focus(i);
                }
            }
        });
        for (int i = 0; i < 100; i++) {
            Fx.settle();
            Node tab = Fx.call(() -> view.tabContent("documents"));
            // the viewer names the format in words ("PDF"); types it does not know, as given
            String words = org.chartlens.ui.documents.DocumentViewer.formatName(type);
            if (texts(tab).stream().anyMatch(t -> t.contains(type) || t.contains("This " + words + " document"))) {
                return tab;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the " + type + " document was not shown: " + texts(Fx.call(() -> view.tabContent("documents"))));
    }

    private static List<String> texts(Node root) throws Exception {
        return Fx.call(() -> root.lookupAll(".label").stream().filter(Labeled.class::isInstance)
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList());
    }

    private static List<String> buttons(Node root) throws Exception {
        return Fx.call(() -> root.lookupAll(".button").stream().filter(Button.class::isInstance)
                .map(n -> ((Button) n).getText()).filter(t -> t.startsWith("Open")).toList());
    }
}
