package org.chartlens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.ReconcileMark;
import org.chartlens.domain.ReconcileRow;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.ReviewPort;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 section 3: Danille Hegmann's record at a clinic and at a hospital, linked; the hospital
 * lists her current lisinopril 10 MG order as stopped at 20 MG. The Reconcile tab lists that row
 * first, in words ("⚠ Differs: status, dose"), the marks are made from the keyboard-reachable bar
 * and shown in the table; a record of one organization says there is nothing to reconcile. Both
 * themes (target/screenshots; docs/screenshots with -Dchartlens.updateScreenshots=true).
 */
class ReconcileScreenshotsTest {
    static final Function<String, String> NAMES = Map.of("riverside", "Riverside Family Clinic",
            "stmary", "St. Mary's Hospital")::get;

    @TempDir
    static Path dir;

    /** Alice's marks, kept in memory (the store's side is ReconcileOnDemoEhrTest's). */
    static final class Alice implements ReviewPort {
        final Map<String, ReconcileMark> marks = new ConcurrentHashMap<>();

        @Override
        public String reviewer() {
            return "alice";
        }

        @Override
        public Instant mark(List<PatientRef> records) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, ReconcileMark> reconcileMarks(List<PatientRef> records) {
            return Map.copyOf(marks);
        }

        @Override
        public ReconcileMark markRow(List<PatientRef> records, String rowKey, ReconcileMark.Verdict verdict, String note) {
            ReconcileMark m = new ReconcileMark("alice", rowKey, verdict, note, Instant.now());
            marks.put(rowKey, m);
            return m;
        }
    }

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    @Test
    void theDisagreementComesFirstInWordsAndIsMarkedFromTheBarInBothThemes() throws Exception {
        try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), new byte[32])) {
            List<StoredResource> base = SyntheaBundles.read(SyntheaBundles.columbus("Danille883"), "x");
            String patient = base.stream().filter(r -> r.type().equals("Patient")).findFirst().orElseThrow().id();
            List<StoredResource> rows = new ArrayList<>();
            for (StoredResource r : base) {
                rows.add(ReviewScreenshotsTest.copy(r, "riverside", r.json()));
                String json = r.json();
                if (r.type().equals("MedicationRequest") && json.contains("\"314076\"") && json.contains("\"status\":\"active\"")) {
                    json = json.replace("\"status\":\"active\"", "\"status\":\"stopped\"").replace("\"314076\"", "\"314077\"")
                            .replace("lisinopril 10 MG Oral Tablet", "lisinopril 20 MG Oral Tablet");
                }
                rows.add(ReviewScreenshotsTest.copy(r, "stmary", json));
            }
            cache.putAll(rows);
            PatientRef clinic = new PatientRef("riverside", patient);
            PatientRef hospital = new PatientRef("stmary", patient);
            cache.persons().link(clinic, hospital, List.of(), "test");
            List<PatientRef> records = List.of(clinic, hospital);
            ChartData data = ChartQuery.openPerson(cache, records, UnitSystem.METRIC, LocalDate.now());
            Alice alice = new Alice();

            for (boolean dark : List.of(false, true)) {
                String name = "reconcile-" + (dark ? "dark" : "light");
                Path out = ChartScreenshotsTest.OUT.resolve(name + ".png");
                Files.createDirectories(out.getParent());
                Files.deleteIfExists(out);
                ChartView[] view = new ChartView[1];
                Screenshots.render(() -> {
                    ChartViewModel vm = new ChartViewModel(cache, new SameThreadTaskExecutor(), records, () -> NAMES)
                            .withReviews(alice);
                    vm.show(data, NAMES, null);
                    view[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark);
                    return view[0];
                }, () -> {
                    view[0].select("reconcile");
                    if (alice.marks.isEmpty()) {
                        // mark the first row as a reviewer would: select it, type a note, press "Not the same"
                        @SuppressWarnings("unchecked")
                        TableView<ReconcileRow> t = (TableView<ReconcileRow>) view[0].tabContent("reconcile").lookup("#reconcile-table");
                        t.getSelectionModel().select(0);
                        ((TextField) view[0].tabContent("reconcile").lookup("#reconcile-note"))
                                .setText("Hospital stopped it; ask the patient");
                        ((Button) view[0].tabContent("reconcile").lookup("#reconcile-mark-different")).fire();
                        t.getSelectionModel().select(1);
                        ((TextField) view[0].tabContent("reconcile").lookup("#reconcile-note")).setText("");
                        ((Button) view[0].tabContent("reconcile").lookup("#reconcile-mark-same")).fire();
                        t.getSelectionModel().select(0);
                    }
                }, dark, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, out);
                List<String> texts = Fx.call(() -> ChartScreenshotsTest.visibleTexts(view[0].tabContent("reconcile")));
                String all = String.join("\n", texts);
                assertTrue(all.contains("2 organizations · 1 row where they differ"), all);
                assertTrue(all.contains("2 marked by alice"), all);
                @SuppressWarnings("unchecked")
                TableView<ReconcileRow> t = Fx.call(() -> (TableView<ReconcileRow>) view[0].tabContent("reconcile")
                        .lookup("#reconcile-table"));
                ReconcileRow first = Fx.call(() -> t.getItems().get(0));
                assertEquals("med:lisinopril", first.key());
                assertEquals("⚠ Differs: status, dose", Fx.call(() -> t.getColumns().get(0).getCellData(0)));
                assertTrue(Fx.call(() -> t.getColumns().get(3).getCellData(0).toString()).startsWith("stopped"));
                assertEquals("Not the same · Hospital stopped it; ask the patient",
                        Fx.call(() -> t.getColumns().get(t.getColumns().size() - 1).getCellData(0)));
                assertEquals(ReconcileMark.Verdict.DIFFERENT, alice.marks.get("med:lisinopril").verdict());
                // keyboard: the table, the three verdicts (Alt+S, Alt+N, Alt+R) and the note take the focus
                for (String id : List.of("#reconcile-table", "#reconcile-mark-same", "#reconcile-mark-different",
                        "#reconcile-mark-not-relevant", "#reconcile-note")) {
                    assertTrue(Fx.call(() -> view[0].tabContent("reconcile").lookup(id).isFocusTraversable()), id);
                }
                assertTrue(Fx.call(() -> ((Button) view[0].tabContent("reconcile").lookup("#reconcile-mark-different"))
                        .isMnemonicParsing()));
                ChartScreenshotsTest.assertPicture(out, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, dark);
                if (Boolean.getBoolean("chartlens.updateScreenshots")) {
                    Files.copy(out, Path.of("docs/screenshots").resolve(out.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }

            // one organization: nothing to reconcile, said so
            ChartData single = ChartQuery.open(cache, clinic, UnitSystem.METRIC, LocalDate.now());
            ChartView[] one = new ChartView[1];
            Fx.call(() -> {
                ChartViewModel vm = new ChartViewModel(cache, new SameThreadTaskExecutor(), List.of(clinic), () -> NAMES)
                        .withReviews(alice);
                vm.show(single, NAMES, null);
                one[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, false);
                one[0].select("reconcile");
                return null;
            });
            String text = String.join("\n", Fx.call(() -> ChartScreenshotsTest.visibleTexts(one[0].tabContent("reconcile"))));
            assertTrue(text.contains("One organization only: nothing to reconcile."), text);
        }
    }
}
