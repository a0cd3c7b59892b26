package org.chartlens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.BundleChartStore;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/**
 * Renders tabs of a demo chart and of the large chart to PNG (target/screenshots) the way the
 * {@code screenshot} command does, and checks what was rendered: the scene held the patient's
 * name and the tab's content from the model, and the PNG has the window's size, is not one flat
 * colour and has the theme's background.
 */
class ChartScreenshotsTest {
    static final Path OUT = Path.of("target/screenshots");
    static final int WIDTH = 1400;
    static final int HEIGHT = 860;

    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    /** One PNG: its size, its commonest colour (the background) and how many colours it has. */
    record Picture(int width, int height, int background, double backgroundShare, int colours) {
        static Picture read(Path png) throws Exception {
            BufferedImage img = ImageIO.read(png.toFile());
            Map<Integer, Integer> counts = new HashMap<>();
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    counts.merge(img.getRGB(x, y) & 0xffffff, 1, Integer::sum);
                }
            }
            Map.Entry<Integer, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            return new Picture(img.getWidth(), img.getHeight(), top.getKey(),
                    top.getValue() / (double) (img.getWidth() * img.getHeight()), counts.size());
        }

        /** Relative luminance of the background, 0 (black) to 1 (white). */
        double backgroundLuminance() {
            return (0.2126 * (background >> 16 & 0xff) + 0.7152 * (background >> 8 & 0xff) + 0.0722 * (background & 0xff)) / 255;
        }
    }

    static void assertPicture(Path png, int width, int height, boolean dark) throws Exception {
        Picture p = Picture.read(png);
        assertEquals(width, p.width(), png + " width");
        assertEquals(height, p.height(), png + " height");
        assertTrue(p.backgroundShare() < 0.97 && p.colours() > 50,
                png + " is (nearly) one flat colour: " + p);
        if (dark) {
            assertTrue(p.backgroundLuminance() < 0.3, png + " should have a dark background: " + p);
        } else {
            assertTrue(p.backgroundLuminance() > 0.7, png + " should have a light background: " + p);
        }
    }

    /** Every text a user or a screen reader gets from the visible part of the scene graph. */
    static List<String> visibleTexts(Node n) {
        List<String> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        String s = n instanceof Labeled l ? l.getText() : n instanceof Text t ? t.getText()
                : n instanceof TextInputControl c ? c.getText() : n instanceof Canvas ? n.getAccessibleText() : null;
        if (s != null && !s.isBlank()) {
            out.add(s);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    static boolean showsAny(List<String> texts, Stream<String> expected) {
        List<String> e = expected.filter(s -> s != null && !s.isBlank()).toList();
        return e.stream().anyMatch(x -> texts.stream().anyMatch(t -> t.contains(x)));
    }

    /** What a tab must show for this model, checked on the scene graph as it was snapshotted. */
    static void assertTabShows(ChartView view, String tab, ChartModel m) {
        List<String> texts = visibleTexts(view);
        String where = tab + " tab of " + m.patient().name();
        assertTrue(texts.stream().anyMatch(t -> t.contains(m.patient().name())), "the banner names the patient: " + where);
        Node content = view.tabContent(tab);
        assertTrue(content.getScene() != null && content.isVisible() && content.getLayoutBounds().getWidth() > 100,
                "the tab's content was laid out: " + where);
        List<String> shown = visibleTexts(content);
        switch (tab) {
            case "summary" -> {
                assertTrue(shown.contains("Active problems") && shown.contains("Latest vital signs"), where + ": " + shown);
                // clinical problems get the Summary's room; social findings are one click away (issue 16)
                assertTrue(m.problems().activeProblems().isEmpty()
                        || showsAny(shown, Stream.of(m.problems().activeProblems().get(0).code().label())), where + ": " + shown);
            }
            case "timeline" -> assertTrue(shown.stream().anyMatch(t -> t.startsWith("Timeline, ")), where + ": " + shown);
            case "vitals" -> assertTrue(shown.stream().anyMatch(t -> t.matches("(?s).+ chart, \\d+ readings.*")),
                    where + ": " + shown);
            case "problems" -> assertTrue(showsAny(shown, Stream.concat(m.problems().active().stream(),
                    m.problems().inactive().stream()).map(p -> p.code().label())), where + ": " + shown);
            case "labs" -> assertTrue(showsAny(shown, m.labs().stream().map(l -> l.name().label())), where);
            case "medications" -> assertTrue(showsAny(shown, m.medications().stream().map(x -> x.medication().label())), where);
            case "allergies" -> assertTrue(showsAny(shown, m.allergies().stream().map(x -> x.substance().label())), where);
            case "immunizations" -> assertTrue(showsAny(shown, m.immunizations().stream().map(x -> x.vaccine().label())), where);
            case "encounters" -> assertTrue(showsAny(shown, m.encounters().stream().map(x -> x.type().label())), where);
            case "documents" -> assertTrue(showsAny(shown, m.documents().stream().map(x -> x.type().label())), where);
            case "claims" -> assertTrue(showsAny(shown, Stream.concat(m.coverage().stream().map(x -> x.payer()),
                    m.claims().stream().map(x -> x.type()))), where);
            default -> throw new AssertionError("no expectation for tab " + tab);
        }
        // Tables that hold rows laid out at least one visible row (an empty table, such as the
        // orders of no selected medication, shows its placeholder).
        for (TableView<?> t : tables(content)) {
            assertFalse(!t.getItems().isEmpty() && t.lookupAll(".table-row-cell").stream().noneMatch(Node::isVisible),
                    where + ": a table with rows shows none: " + t.getId() + " " + t.getItems().size() + " rows, "
                            + t.lookupAll(".table-row-cell").size() + " row cells, height " + t.getHeight());
        }
    }

    static List<TableView<?>> tables(Node n) {
        List<TableView<?>> out = new ArrayList<>();
        if (n instanceof TableView<?> t && t.isVisible()) {
            out.add(t);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(tables(c));
            }
        }
        return out;
    }

    static void renderAll(Path bundle, String prefix, boolean dark, String... tabs) throws Exception {
        ChartStore store = new BundleChartStore(Instant.now().minusSeconds(600), bundle);
        var p = store.patients().get(0);
        ChartData data = ChartQuery.open(store, new PatientRef(p.org(), p.id()), UnitSystem.METRIC, LocalDate.now());
        for (String tab : tabs) {
            Path out = OUT.resolve(prefix + "-" + tab + ".png");
            Files.deleteIfExists(out);
            long t0 = System.nanoTime();
            ChartView[] view = new ChartView[1];
            Screenshots.render(() -> {
                ChartViewModel vm = new ChartViewModel(store, new SameThreadTaskExecutor(), p.org(), p.id());
                vm.dataProperty().set(data);
                view[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark);
                return view[0];
            }, () -> view[0].select(tab), dark, WIDTH, HEIGHT, out);
            System.out.println(out + " rendered in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            // The stage is closed, but the view keeps the nodes and layout it was snapshotted with.
            Fx.run(() -> assertTabShows(view[0], tab, data.model()));
            assertPicture(out, WIDTH, HEIGHT, dark);
        }
    }

    @Test
    void mainWindowWithTwoChartsOpen() throws Exception {
        ChartStore store = org.chartlens.ui.testing.RealCache.of(Files.createTempDirectory("chartlens-shot"),
                Instant.now().minusSeconds(1800), SyntheaBundles.columbus("Danille883"),
                SyntheaBundles.columbus("Babette571"), SyntheaBundles.columbus("Jen355"));
        var services = org.chartlens.ui.port.StoreOnlyPorts.create(() -> store, Path.of("/tmp/chartlens-test"), "x");
        Path out = OUT.resolve("main-window.png");
        Files.deleteIfExists(out);
        var jen = store.patients().stream().filter(p -> p.json().contains("Jen355")).findFirst().orElseThrow();
        var dan = store.patients().stream().filter(p -> p.json().contains("Danille883")).findFirst().orElseThrow();
        org.chartlens.ui.shell.MainWindow[] w = new org.chartlens.ui.shell.MainWindow[1];
        Screenshots.render(() -> {
            w[0] = new org.chartlens.ui.shell.MainWindow(services, new SameThreadTaskExecutor(), false);
            w[0].openChart(jen.org(), jen.id(), null);
            w[0].openChart(dan.org(), dan.id(), null).select("summary");
            return w[0];
        }, null, false, WIDTH, 880, out);
        List<String> texts = Fx.call(() -> visibleTexts(w[0]));
        for (var p : List.of(jen, dan)) {
            String name = ChartQuery.open(store, new PatientRef(p.org(), p.id()), UnitSystem.METRIC, LocalDate.now())
                    .model().patient().name();
            assertTrue(texts.stream().anyMatch(t -> t.startsWith(name.substring(0, Math.min(20, name.length())))),
                    "a tab for " + name + ": " + texts);
        }
        assertTrue(texts.contains("Active problems"), "the selected chart shows its summary: " + texts);
        assertPicture(out, WIDTH, 880, false);
        if (Boolean.getBoolean("chartlens.updateScreenshots")) { // refresh the README's picture on request only
            Path docs = Path.of("docs/screenshots/main-window.png");
            Files.createDirectories(docs.getParent());
            Files.copy(out, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void demoPatientEveryTab() throws Exception {
        // Every tab with -Dchartlens.allScreenshots=true (about a minute); three by default to keep CI lean.
        String[] tabs = Boolean.getBoolean("chartlens.allScreenshots") ? ChartView.TAB_NAMES.toArray(String[]::new)
                : new String[] {"summary", "vitals", "documents"};
        renderAll(SyntheaBundles.columbus("Babette571"), "babette", false, tabs);
        if (Boolean.getBoolean("chartlens.allScreenshots")) {
            renderAll(SyntheaBundles.columbus("Babette571"), "babette-dark", true, "vitals", "timeline");
        }
    }

    @Test
    void lightAndDarkThemesPaintDifferentBackgrounds() throws Exception {
        renderAll(SyntheaBundles.columbus("Babette571"), "theme-light", false, "vitals");
        renderAll(SyntheaBundles.columbus("Babette571"), "theme-dark", true, "vitals");
        Picture light = Picture.read(OUT.resolve("theme-light-vitals.png"));
        Picture dark = Picture.read(OUT.resolve("theme-dark-vitals.png"));
        assertNotEquals(light.background(), dark.background(), "the same tab in both themes");
        assertTrue(light.backgroundLuminance() - dark.backgroundLuminance() > 0.5, light + " vs " + dark);
    }

    @Test
    void everyTabInBothThemesOnRequest() throws Exception {
        // Only with -Dchartlens.allScreenshots=true: the demo patient dark, the large chart in both themes.
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("chartlens.allScreenshots"));
        String[] tabs = ChartView.TAB_NAMES.toArray(String[]::new);
        renderAll(SyntheaBundles.columbus("Babette571"), "babette-dark", true, tabs);
        renderAll(SyntheaBundles.large(), "large-light", false, tabs);
        renderAll(SyntheaBundles.large(), "large-dark", true, tabs);
    }

    @Test
    void largeChartTimelineAndVitalsDark() throws Exception {
        renderAll(SyntheaBundles.large(), "large", true, "timeline", "problems", "vitals");
    }

    /**
     * Issue 16's triage views, light and dark, for the large chart (87 years) and a child (Tangela,
     * born 2016: heart-rate bands for each age), copied to docs/screenshots. Only with
     * -Dchartlens.triageScreenshots=true.
     */
    @Test
    void triageViewsForTheLargeChartAndAChildOnRequest() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("chartlens.triageScreenshots"));
        String[] tabs = {"summary", "labs", "vitals", "medications"};
        Path docs = Path.of("docs/screenshots");
        Files.createDirectories(docs);
        for (String who : new String[] {"large", "child"}) {
            Path bundle = who.equals("large") ? SyntheaBundles.large() : SyntheaBundles.columbus("Tangela812");
            for (boolean dark : new boolean[] {false, true}) {
                String prefix = "triage-" + who + "-" + (dark ? "dark" : "light");
                renderAll(bundle, prefix, dark, tabs);
                for (String tab : tabs) {
                    Files.copy(OUT.resolve(prefix + "-" + tab + ".png"), docs.resolve(prefix + "-" + tab + ".png"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
