package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Problem;
import org.chartlens.domain.Source;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.Freshness;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.common.RawJsonDialog;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.BundleChartStore;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every chart tab, headless (Monocle), on real demo patients; and a patient with missing data. */
class ChartViewTest {
    static ChartStore store;
    static CachedPatient babette;

    @BeforeAll
    static void setUp() throws Exception {
        Fx.stage();
        // The real encrypted SQLite cache, filled from the demo patient's bundle.
        store = org.chartlens.ui.testing.RealCache.of(java.nio.file.Files.createTempDirectory("chartlens-ui-test"),
                Instant.now().minusSeconds(300), SyntheaBundles.columbus("Babette571"));
        babette = store.patients().get(0);
    }

    /** Opens the chart through the real view model on the background executor, as the app does. */
    static ChartView open(ChartStore s, CachedPatient p, UnitSystem units) throws Exception {
        BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(1);
        ChartView view = Fx.call(() -> {
            ChartViewModel vm = new ChartViewModel(s, tasks, p.org(), p.id());
            ChartView v = new ChartView(vm, tasks, f -> { }, false);
            vm.load(units);
            return v;
        });
        Fx.show(view);
        for (int i = 0; i < 200 && Fx.call(() -> view.tabContent("summary")) == null; i++) {
            Thread.sleep(50);
        }
        Fx.settle();
        assertNotNull(Fx.call(() -> view.tabContent("summary")), "chart loaded");
        return view;
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(ChartView v, String id) throws Exception {
        return (TableView<T>) Fx.call(() -> {
            for (String tab : ChartView.TAB_NAMES) {
                Node content = v.tabContent(tab);
                // a tab is built when first asked for; its SplitPanes have no children until their
                // skins exist, which CSS makes (otherwise only the next pulse would: a flaky lookup)
                content.applyCss();
                Node n = content.lookup("#" + id);
                if (n != null) {
                    return n;
                }
            }
            return null;
        });
    }

    static Set<String> labels(Node root) {
        return root.lookupAll(".label").stream().map(n -> ((Label) n).getText()).collect(Collectors.toSet());
    }

    @Test
    void bannerAndSummaryShowTheRealPatient() throws Exception {
        ChartView v = open(store, babette, UnitSystem.METRIC);
        assertEquals("Babette571 Bernetta267 Bechtelar572", Fx.call(() -> ((Label) v.lookup("#banner-name")).getText()));
        String allergies = Fx.call(() -> ((Label) v.lookup("#banner-allergies")).getText());
        assertTrue(allergies.contains("Bee venom"), allergies);
        assertTrue(Fx.call(() -> ((Label) v.lookup("#banner-freshness")).getText()).matches("Source: demo · synced \\d+ min ago"));
        Set<String> summary = Fx.call(() -> labels(v.tabContent("summary")));
        assertTrue(summary.stream().anyMatch(s -> s.startsWith("Atopic dermatitis")), summary.toString());
        assertTrue(summary.stream().anyMatch(s -> s.startsWith("Weight:  65.9 kg")), summary.toString());
    }

    @Test
    void problemsTabListsAKnownConditionWithCodeSystemAndSections() throws Exception {
        ChartView v = open(store, babette, UnitSystem.METRIC);
        Fx.run(() -> v.select("problems"));
        Fx.settle();
        TableView<Problem> active = table(v, "problems-active");
        TableView<Problem> inactive = table(v, "problems-inactive");
        Problem derm = Fx.call(() -> active.getItems().stream()
                .filter(p -> p.code().label().equals("Atopic dermatitis")).findFirst().orElseThrow());
        assertEquals("SNOMED CT 24079001", derm.code().codeLabel());
        assertTrue(Fx.call(() -> inactive.getItems().stream().anyMatch(p -> p.code().label().equals("Childhood asthma"))));
        // The rendered cells show the display, not the bare code.
        Set<String> cells = Fx.call(() -> active.lookupAll(".table-cell").stream()
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()).collect(Collectors.toSet()));
        assertTrue(cells.contains("Atopic dermatitis"), cells.toString());
        assertTrue(cells.contains("SNOMED CT 24079001"), cells.toString());
        // Synthea never says who recorded a Condition: the always-empty column is left out.
        assertTrue(Fx.call(() -> active.getColumns().stream().noneMatch(c -> c.getText().equals("Recorded by"))));
        assertTrue(Fx.call(() -> inactive.getColumns().stream().noneMatch(c -> c.getText().equals("Recorded by"))));
    }

    @Test
    void recordedByIsShownWhenAnyProblemOfTheChartSaysWho() throws Exception {
        org.chartlens.domain.ChartDate none = org.chartlens.domain.ChartDate.NONE;
        Problem said = new Problem(new org.chartlens.domain.Coded("SNOMED CT", "http://snomed.info/sct", "38341003",
                "Hypertension"), "resolved", "confirmed", "Problem list item", none, none, none, "Dr. Adams", false,
                new org.chartlens.domain.Source("demo", "Condition", "c2"));
        Problem unsaid = new Problem(new org.chartlens.domain.Coded("SNOMED CT", "http://snomed.info/sct", "44054006",
                "Diabetes"), "active", "confirmed", "Problem list item", none, none, none, "", true,
                new org.chartlens.domain.Source("demo", "Condition", "c1"));
        Node n = Fx.call(() -> TableTabs.problems(new org.chartlens.domain.ProblemList(List.of(unsaid), List.of(said))));
        TableView<?> active = (TableView<?>) Fx.call(() -> n.lookup("#problems-active"));
        assertTrue(Fx.call(() -> active.getColumns().stream().anyMatch(c -> c.getText().equals("Recorded by"))));
    }

    @Test
    void vitalsTableHasAKnownWeightInBothUnitSystems() throws Exception {
        ChartView v = open(store, babette, UnitSystem.METRIC);
        Fx.run(() -> v.select("vitals"));
        VitalsTab vitals = (VitalsTab) Fx.call(() -> v.tabContent("vitals"));
        Fx.run(() -> vitals.select(VitalKind.WEIGHT));
        Fx.settle();
        List<String> values = Fx.call(() -> vitals.table().getItems().stream().map(VitalReading::valueText).toList());
        assertTrue(values.contains("65.9 kg"), values.toString());
        assertEquals("65.9 kg", values.get(0), "newest first");
        assertNotNull(Fx.call(vitals::chart));
        assertEquals(1, Fx.call(() -> vitals.chart().seriesCount()));

        Fx.run(() -> vitals.select(VitalKind.BLOOD_PRESSURE));
        assertEquals(2, Fx.call(() -> vitals.chart().seriesCount()), "systolic and diastolic together");
        Fx.settle();
        // Hover: the chart is drawn on a Canvas, so the nearest displayed point is found by position.
        VitalsChart bp = Fx.call(vitals::chart);
        String tip = Fx.call(() -> {
            VitalReading r = bp.shown().get(0);
            javafx.geometry.Point2D at = bp.canvas().localToScene(bp.xOf(r.when().millisOr(0)) + 2, bp.yOf(r.second()) - 2);
            javafx.event.Event.fireEvent(bp.canvas(), new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                    at.getX(), at.getY(), at.getX(), at.getY(), javafx.scene.input.MouseButton.NONE, 0, false, false, false,
                    false, false, false, false, false, false, false, null));
            return bp.readout();
        });
        assertNotNull(tip, "hovering a point shows its reading");
        assertTrue(tip.contains("mmHg") && tip.contains("Source: demo"), tip);
        assertEquals(tip, Fx.call(() -> vitals.readout().getText()), "the read-out line shows it too");
        String away = Fx.call(() -> {
            javafx.geometry.Point2D at = bp.canvas().localToScene(1, 1);
            javafx.event.Event.fireEvent(bp.canvas(), new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                    at.getX(), at.getY(), at.getX(), at.getY(), javafx.scene.input.MouseButton.NONE, 0, false, false, false,
                    false, false, false, false, false, false, false, null));
            return bp.readout();
        });
        assertNull(away, "no point near the mouse, no read-out");

        ChartView us = open(store, babette, UnitSystem.US);
        VitalsTab usVitals = (VitalsTab) Fx.call(() -> us.tabContent("vitals"));
        Fx.run(() -> usVitals.select(VitalKind.WEIGHT));
        assertTrue(Fx.call(() -> usVitals.table().getItems().stream().map(VitalReading::valueText).toList())
                .contains("145.3 lb"));
    }

    @Test
    void timelineShowsAKnownEncounterAndClickShowsDetails() throws Exception {
        ChartView v = open(store, babette, UnitSystem.METRIC);
        Fx.run(() -> v.select("timeline"));
        Fx.settle();
        TimelineView tl = (TimelineView) Fx.call(() -> v.tabContent("timeline"));
        // Zoom to the encounter's month, then click where it is drawn.
        long day = 86_400_000L;
        long t = Instant.parse("2024-11-26T05:46:12Z").toEpochMilli();
        Fx.run(() -> tl.setRange(t - 20 * day, t + 20 * day));
        Fx.settle();
        double x = Fx.call(() -> TimelineView.LANE_LABEL + (t - tl.viewStart()) / (double) (tl.viewEnd() - tl.viewStart())
                * (tl.canvas().getWidth() - TimelineView.LANE_LABEL - 10));
        TimelineItem hit = Fx.call(() -> tl.hit(x, TimelineLayout.AXIS + 10));
        assertNotNull(hit, "an encounter is drawn at its date");
        assertEquals(TimelineLane.ENCOUNTERS, hit.lane());
        assertEquals("Prenatal initial visit", hit.label());
        Fx.run(() -> tl.select(hit));
        String details = Fx.call(() -> tl.details().getText());
        assertTrue(details.contains("Prenatal initial visit") && details.contains("2024-11-26"), details);
        assertTrue(details.contains("Source: demo · Encounter/"), details);
        // Zoom and pan stay within days..decades.
        Fx.run(() -> {
            for (int i = 0; i < 30; i++) {
                tl.zoom(0.5, 0.5);
            }
        });
        assertEquals(TimelineView.MIN_SPAN, Fx.call(() -> tl.viewEnd() - tl.viewStart()));
    }

    @Test
    void otherTabsShowRealRows() throws Exception {
        ChartView v = open(store, babette, UnitSystem.METRIC);
        assertEquals(8, Fx.call(() -> table(v, "allergies-table").getItems().size()));
        assertEquals(8, Fx.call(() -> table(v, "immunizations-table").getItems().size()));
        assertEquals(47, Fx.call(() -> table(v, "encounters-table").getItems().size()));
        assertFalse(Fx.call(() -> table(v, "medications-table").getItems().isEmpty()));
        assertFalse(Fx.call(() -> table(v, "labs-reports").getItems().isEmpty()));
        assertFalse(Fx.call(() -> table(v, "coverage-table").getItems().isEmpty()));
        assertEquals(76, Fx.call(() -> table(v, "claims-table").getItems().size()), "EOBs only by default");
        // Documents: the first (newest) note is decoded and shown as text.
        Fx.run(() -> v.select("documents"));
        Fx.settle();
        DocumentsTab docs = (DocumentsTab) Fx.call(() -> v.tabContent("documents"));
        for (int i = 0; i < 100 && !(Fx.call(() -> docs.viewer().getCenter()) instanceof TextArea); i++) {
            Thread.sleep(50);
        }
        String text = Fx.call(() -> ((TextArea) docs.viewer().getCenter()).getText());
        assertTrue(text.contains("2026-09-17") || text.length() > 50, text);
    }

    @Test
    void rawJsonAndSourceForARowAreReadFromTheCacheWhenAsked() throws Exception {
        ChartView v = open(store, babette, UnitSystem.METRIC);
        Fx.run(() -> v.select("problems"));
        Fx.settle();
        TableView<Problem> active = table(v, "problems-active");
        Problem p = Fx.call(() -> active.getItems().get(0));
        var dialog = Fx.call(() -> RawJsonDialog.dialog(active, p.source(), OrgLegend.NONE));
        assertTrue(Fx.call(dialog::getHeaderText).startsWith("Source: demo · Condition/"));
        String cached = store.resource("demo", "Condition", p.source().id()).orElseThrow().json();
        assertEquals(RawJsonDialog.pretty(cached), rawJson(dialog));
        assertTrue(rawJson(dialog).contains("\"id\" : \"" + p.source().id() + "\""));
        assertNotNull(Fx.call(() -> active.getContextMenu().getItems().get(0)));

        // a row whose resource has left the cache since the chart was read: said, no exception
        var gone = Fx.call(() -> RawJsonDialog.dialog(active, new Source("demo", "Condition", "left-the-cache"), OrgLegend.NONE));
        assertTrue(rawJson(gone).startsWith("This resource is no longer in the cache"), rawJson(gone));
    }

    /** The dialog's JSON once read (the read runs on the chart's background executor). */
    static String rawJson(javafx.scene.control.Dialog<?> d) throws Exception {
        TextArea area = (TextArea) Fx.call(() -> d.getDialogPane().lookup(".raw-json"));
        for (int i = 0; i < 200 && Fx.call(area::getText).startsWith("Reading"); i++) {
            Thread.sleep(25);
        }
        return Fx.call(area::getText);
    }

    @Test
    void patientWithMissingDataShowsEmptyStatesAndNoException() throws Exception {
        String pid = "sparse-1";
        List<StoredResource> rows = List.of(
                new StoredResource("clinic", "Patient", pid, pid, null, null, null,
                        "{\"resourceType\":\"Patient\",\"id\":\"sparse-1\",\"name\":[{\"family\":\"Doe\",\"given\":[\"Sam\"]}],"
                                + "\"birthDate\":\"8/27/1930 12:00:00 AM\"}"),
                new StoredResource("clinic", "Observation", "o1", pid, null, "final", "urn:x|1",
                        "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"coding\":"
                                + "[{\"system\":\"urn:example:unknown\",\"code\":\"1\"}]},\"valueQuantity\":{\"value\":3}}"),
                new StoredResource("clinic", "Observation", "o2", pid, null, "final", "http://loinc.org|29463-7",
                        "{\"resourceType\":\"Observation\",\"id\":\"o2\",\"status\":\"final\",\"code\":{\"coding\":"
                                + "[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},\"valueQuantity\":{\"value\":80,\"unit\":\"kg\"}}"));
        ChartStore sparse = new ChartStore() {
            public List<CachedPatient> patients() {
                return List.of(new CachedPatient("clinic", pid, rows.get(0).json(), null));
            }

            public List<StoredResource> chart(String org, String id) {
                return rows;
            }

            public java.util.Optional<StoredResource> resource(String org, String type, String id) {
                return java.util.Optional.empty();
            }

            public List<Freshness> freshness(String org) {
                return List.of();
            }

            public void close() {
            }
        };
        ChartView v = open(sparse, sparse.patients().get(0), UnitSystem.METRIC);
        for (String tab : ChartView.TAB_NAMES) {
            Fx.run(() -> v.select(tab));
            Fx.settle();
        }
        Set<String> problems = Fx.call(() -> labels(v.tabContent("problems")));
        assertTrue(problems.contains("No problems are recorded for this patient in the cache."), problems.toString());
        String fresh = Fx.call(() -> ((Label) v.lookup("#banner-freshness")).getText());
        assertTrue(fresh.contains("never synced") && fresh.contains("may be out of date"), fresh);
        assertTrue(Fx.call(() -> ((Label) v.lookup("#banner-name")).getParent().lookupAll(".label").stream()
                .anyMatch(n -> ((Label) n).getText().contains("8/27/1930 12:00:00 AM"))));
        VitalsTab vitals = (VitalsTab) Fx.call(() -> v.tabContent("vitals"));
        Fx.run(() -> vitals.select(VitalKind.WEIGHT));
        Set<String> vl = Fx.call(() -> labels(vitals));
        assertTrue(vl.stream().anyMatch(s -> s.startsWith("No weight readings with a date")), vl.toString());
        assertEquals(List.of("80 kg"), Fx.call(() -> vitals.table().getItems().stream().map(VitalReading::valueText).toList()));
        TableView<?> docTable = table(v, "documents-table");
        Set<String> docs = Fx.call(() -> docTable.getPlaceholder() instanceof Label l
                ? Set.of(l.getText()) : Set.of());
        assertTrue(docs.iterator().next().startsWith("No documents"));
    }

    @Test
    void largeChartOpensAndEveryTabRenders() throws Exception {
        ChartStore large = org.chartlens.ui.testing.RealCache.of(java.nio.file.Files.createTempDirectory("chartlens-ui-large"),
                Instant.now(), SyntheaBundles.large());
        CachedPatient p = large.patients().get(0);
        ChartData built = ChartQuery.open(large, new PatientRef(p.org(), p.id()), UnitSystem.METRIC, LocalDate.now());
        ChartView offscreen = Fx.call(() -> {
            ChartViewModel vm = new ChartViewModel(large, new SameThreadTaskExecutor(), p.org(), p.id());
            vm.dataProperty().set(built);
            return new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, false);
        });
        assertNotNull(offscreen);
        ChartView v = open(large, p, UnitSystem.METRIC);
        for (String tab : ChartView.TAB_NAMES) {
            Fx.run(() -> v.select(tab));
            Fx.settle();
        }
        TimelineView tl = (TimelineView) Fx.call(() -> v.tabContent("timeline"));
        Fx.run(() -> v.select("timeline"));
        Fx.run(() -> {
            for (int i = 0; i < 50; i++) {
                tl.pan(0.02);
                tl.redraw();
            }
        });
        // Speed is the benchmark's job (docs/performance.md, figure 6), not a timed test's.
        assertEquals(302, Fx.call(() -> table(v, "encounters-table").getItems().size()));
        ChartData d = Fx.call(() -> v.viewModel().dataProperty().get());
        assertTrue(d.model().timeline().size() > 3000);
        new SameThreadTaskExecutor();
    }
}
