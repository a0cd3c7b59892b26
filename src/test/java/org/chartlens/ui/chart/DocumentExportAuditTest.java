package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.StoreOnlyPorts;
import org.chartlens.ui.shell.MainWindow;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.1, export: a PDF attachment opened with the system viewer leaves ChartLens (a copy is
 * written to the session folder and handed to another program), so it is recorded in the audit
 * log as an export of that patient's document, from the documents view. Through the main window's
 * own wiring: the button, the confirmation, the viewer port, the audit log.
 */
class DocumentExportAuditTest {
    @TempDir
    Path dir;

    @Test
    void aDocumentOpenedWithTheSystemViewerIsRecordedAsAnExport() throws Exception {
        Fx.stage();
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), new byte[32])) {
            cache.putAll(List.of(
                    new StoredResource("demo", "Patient", "p1", "p1", null, null, null,
                            "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Testa\",\"given\":[\"Ada\"]}]}"),
                    pdf("d2")));
            List<Path> opened = new CopyOnWriteArrayList<>();
            ShellPorts ports = StoreOnlyPorts.create(() -> cache, dir).withViewer(opened::add);
            MainWindow w = Fx.call(() -> new MainWindow(ports, new BackgroundTaskExecutor(2), false));
            Fx.show(w);
            ChartView chart = Fx.call(() -> w.openChart("demo", "p1", null));
            waitFor(() -> call(() -> chart.tabContent("summary") != null));
            Fx.run(() -> chart.select("documents"));
            Fx.settle();
            TableView<DocumentEntry> table = ChartViewTest.table(chart, "documents-table");
            assertNotNull(table);
            Fx.run(() -> table.getSelectionModel().clearAndSelect(0));
            waitFor(() -> call(() -> openButton(chart) != null));
            Button open = Fx.call(() -> openButton(chart));

            Platform.runLater(open::fire); // the confirmation waits for an answer (a nested event loop)
            waitFor(() -> call(() -> confirmation() != null));
            Fx.run(() -> ((Button) confirmation().lookupButton(ButtonType.OK)).fire());
            waitFor(() -> !opened.isEmpty());
            assertTrue(opened.get(0).getFileName().toString().endsWith(".pdf"), opened.toString());

            waitFor(() -> cache.auditEvents(null, "demo", "p1").stream().anyMatch(e -> e.event().equals("export")));
            AuditEvent export = cache.auditEvents(null, "demo", "p1").stream()
                    .filter(e -> e.event().equals("export")).findFirst().orElseThrow();
            assertEquals("DocumentReference/d2 type=application/pdf to=system-viewer", export.detail());
            assertEquals("view:documents", export.source());
            assertEquals(System.getProperty("user.name"), export.who());
            assertTrue(cache.auditIntact());
        }
    }

    private static StoredResource pdf(String id) {
        String data = Base64.getEncoder().encodeToString("%PDF-1.4 minimal".getBytes(StandardCharsets.UTF_8));
        String json = "{\"resourceType\":\"DocumentReference\",\"id\":\"" + id + "\",\"status\":\"current\","
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"date\":\"2024-01-01T10:00:00Z\","
                + "\"type\":{\"text\":\"Scanned letter\"},"
                + "\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\",\"data\":\"" + data + "\"}}]}";
        return new StoredResource("demo", "DocumentReference", id, "p1", "2024-01-01", "current", null, json);
    }

    private static Button openButton(ChartView chart) {
        Node tab = chart.tabContent("documents");
        return tab == null ? null : tab.lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && "Open with the system viewer…".equals(b.getText()))
                .map(Button.class::cast).findFirst().orElse(null);
    }

    private static DialogPane confirmation() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .map(win -> win.getScene() == null ? null : win.getScene().getRoot())
                .filter(DialogPane.class::isInstance).map(DialogPane.class::cast).findFirst().orElse(null);
    }

    private static boolean call(java.util.concurrent.Callable<Boolean> c) {
        try {
            return Fx.call(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for background work with a generous bound, then checks (no timed assertion). */
    private static void waitFor(BooleanSupplier done) throws Exception {
        for (int i = 0; i < 400 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(done.getAsBoolean(), "waited for the UI");
    }
}
