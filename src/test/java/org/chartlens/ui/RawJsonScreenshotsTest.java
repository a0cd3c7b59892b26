package org.chartlens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.Source;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.common.RawJsonDialog;
import org.chartlens.ui.common.Themes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Raw JSON and source" of a row two organizations recorded, read from the cache when it opens:
 * one organization's resource shown, the other's restricted since the chart was read (issue 21
 * with issue 18). Light and dark PNGs in target/screenshots.
 */
class RawJsonScreenshotsTest {
    private static final String JSON = "{\"resourceType\":\"Condition\",\"id\":\"h7\",\"clinicalStatus\":{\"coding\":"
            + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
            + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\","
            + "\"display\":\"Diabetes mellitus type 2\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
            + "\"onsetDateTime\":\"2019-03-02\"}";

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    @Test
    void aMergedRowInBothThemes() throws Exception {
        Source clinic = new Source("clinic", "Condition", "c1");
        Source merged = clinic.mergedWith(List.of(new Source("hospital", "Condition", "h7")), List.of());
        for (boolean dark : List.of(false, true)) {
            Path out = ChartScreenshotsTest.OUT.resolve("raw-json-" + (dark ? "dark" : "light") + ".png");
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
            Fx.run(() -> Themes.apply(dark));
            StackPane chart = new StackPane();
            RawJsonDialog.readFrom(chart, new RawJsonDialog.Reader(new SameThreadTaskExecutor(), one -> {
                if (one.org().equals("clinic")) {
                    throw new ChartQuery.RestrictedSinceOpened();
                }
                return Optional.of(JSON);
            }));
            Dialog<ButtonType> d = Fx.call(() -> RawJsonDialog.dialog(chart, merged, OrgLegend.NONE));
            Fx.run(() -> {
                Themes.style(d.getDialogPane().getScene());
                d.show();
            });
            TabPane tabs = (TabPane) Fx.call(() -> d.getDialogPane().lookup(".tab-pane"));
            assertEquals(List.of(RawJsonDialog.RESTRICTED, RawJsonDialog.pretty(JSON)),
                    Fx.call(() -> tabs.getTabs().stream().map(t -> ((TextArea) t.getContent()).getText()).toList()));
            assertEquals(List.of(true, false), Fx.call(() -> tabs.getTabs().stream()
                    .map(t -> ((TextArea) t.getContent()).isWrapText()).toList()), "a sentence wraps, JSON keeps its lines");
            WritableImage img = Fx.call(() -> {
                d.getDialogPane().applyCss();
                d.getDialogPane().layout();
                return d.getDialogPane().getScene().snapshot(null);
            });
            assertTrue(javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", out.toFile()));
            Fx.run(tabs.getSelectionModel()::selectLast);
            WritableImage second = Fx.call(() -> {
                d.getDialogPane().applyCss();
                d.getDialogPane().layout();
                return d.getDialogPane().getScene().snapshot(null);
            });
            assertTrue(javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(second, null), "png",
                    ChartScreenshotsTest.OUT.resolve("raw-json-second-" + (dark ? "dark" : "light") + ".png").toFile()));
            Fx.run(() -> ((Stage) d.getDialogPane().getScene().getWindow()).close());
        }
        Fx.run(() -> Themes.apply(false));
    }
}
