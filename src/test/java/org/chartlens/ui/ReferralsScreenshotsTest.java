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
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Referral;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.CachePort;
import org.chartlens.ui.port.PersonsPort;
import org.chartlens.ui.port.ReferralsPort;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.worklist.HomeArea;
import org.chartlens.ui.worklist.ReferralDialog;
import org.chartlens.ui.worklist.ReferralsView;
import org.chartlens.ui.worklist.ReferralsViewModel;
import org.chartlens.ui.worklist.WorklistView;
import org.chartlens.ui.worklist.WorklistViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, the clinic day: the Referrals view beside the worklist, four persons due (one overdue,
 * one today, tomorrow, next week), by due day, overdue and due today in words, the reason, and
 * "new since your review" for the one Alice reviewed; the empty state; "Add to referrals…" from a
 * worklist row through the dialog (audited in the store). Both themes (target/screenshots;
 * docs/screenshots with -Dchartlens.updateScreenshots=true).
 */
class ReferralsScreenshotsTest {
    @TempDir
    static Path dir;

    private static final LocalDate TODAY = LocalDate.now();
    private static final Map<String, String> BORN = Map.of("p1", "1948-03-02", "p2", "1961-11-19", "p3", "1979-06-30",
            "p4", "1955-02-14", "p5", "1990-08-08");

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    private static StoredResource patient(String org, String id, String given, String family, String born) {
        return new StoredResource(org, "Patient", id, id, null, null, null, "{\"resourceType\":\"Patient\",\"id\":\"" + id
                + "\",\"name\":[{\"given\":[\"" + given + "\"],\"family\":\"" + family + "\"}],\"gender\":\"female\","
                + "\"birthDate\":\"" + born + "\"}");
    }

    /** The referral list over the cache, as the app's port does it (names from the Patient). */
    private static ReferralsPort port(ChartCache cache, Map<String, String> names) {
        return new ReferralsPort() {
            @Override
            public List<Entry> list() {
                List<Entry> out = new ArrayList<>();
                for (Referral r : cache.referrals().list()) {
                    PatientRef f = r.person().records().get(0);
                    out.add(new Entry(r.person().id(), r.person().records(), names.get(f.id()), BORN.get(f.id()),
                            List.of("Riverside Family Clinic"), r.due(), r.reason()));
                }
                return out;
            }

            @Override
            public void add(PatientRef record, LocalDate due, String reason, String source) {
                cache.referrals().add(record, due, reason, source);
            }

            @Override
            public void change(PatientRef record, LocalDate due, String reason, String source) {
                cache.referrals().change(record, due, reason, source);
            }

            @Override
            public void remove(PatientRef record, String source) {
                cache.referrals().remove(record, source);
            }
        };
    }

    @Test
    void theReferralListByDueDayWithOverdueAndTodayInWordsInBothThemes() throws Exception {
        try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), new byte[32])) {
            Map<String, String> names = Map.of("p1", "Maria Okonkwo", "p2", "Jun Tanaka", "p3", "Elena Petrova",
                    "p4", "Samuel Adeyemi", "p5", "Grace O'Neill");
            cache.putAll(List.of(patient("riverside", "p1", "Maria", "Okonkwo", "1948-03-02"),
                    patient("riverside", "p2", "Jun", "Tanaka", "1961-11-19"),
                    patient("riverside", "p3", "Elena", "Petrova", "1979-06-30"),
                    patient("riverside", "p4", "Samuel", "Adeyemi", "1955-02-14"),
                    patient("riverside", "p5", "Grace", "O'Neill", "1990-08-08")));
            cache.referrals().add(new PatientRef("riverside", "p3"), TODAY.plusDays(6), "Routine diabetes review", "test");
            cache.referrals().add(new PatientRef("riverside", "p1"), TODAY, "Referred by Dr Osei, cardiology: new murmur",
                    "test");
            cache.referrals().add(new PatientRef("riverside", "p2"), TODAY.minusDays(2),
                    "Referred by Dr Lindqvist, nephrology: eGFR falling", "test");
            cache.referrals().add(new PatientRef("riverside", "p4"), TODAY.plusDays(1), "Post-discharge follow-up", "test");
            cache.reviews().mark("alice", new PatientRef("riverside", "p1"), Instant.now().minusSeconds(86400),
                    List.of(), Map.of(), "test");
            CachePort store = () -> cache;

            for (boolean dark : List.of(false, true)) {
                String name = "referrals-" + (dark ? "dark" : "light");
                Path out = ChartScreenshotsTest.OUT.resolve(name + ".png");
                Files.createDirectories(out.getParent());
                Files.deleteIfExists(out);
                HomeArea[] home = new HomeArea[1];
                ReferralsViewModel[] vm = new ReferralsViewModel[1];
                Screenshots.render(() -> {
                    WorklistViewModel worklist = new WorklistViewModel(store, PersonsPort.NONE, new SameThreadTaskExecutor(),
                            Runnable::run);
                    worklist.setReviewer(() -> "alice");
                    vm[0] = worklist.setReferrals(port(cache, names));
                    worklist.refresh();
                    home[0] = new HomeArea(new WorklistView(worklist, r -> { }, r -> { }, () -> { }),
                            new ReferralsView(vm[0], refs -> { }, (refs, n) -> { }), vm[0]);
                    return home[0];
                }, () -> home[0].showReferrals(), dark, ChartScreenshotsTest.WIDTH, 520, out);
                List<String> texts = Fx.call(() -> ChartScreenshotsTest.visibleTexts(home[0]));
                String all = String.join("\n", texts);
                List<String> order = Fx.call(() -> vm[0].rows().stream().map(r -> r.entry().name()).toList());
                assertEquals(List.of("Jun Tanaka", "Maria Okonkwo", "Samuel Adeyemi", "Elena Petrova"), order, "by due day");
                assertTrue(all.contains("Overdue by 2 days") && all.contains("Due today") && all.contains("Tomorrow")
                        && all.contains("In 6 days"), all);
                assertTrue(all.contains("4 persons on the list, 1 due today, 1 overdue"), all);
                assertTrue(all.contains("Referrals (2 due)"), "the toggle says how many are due: " + all);
                assertTrue(all.contains("1 new since ") && all.contains("Not reviewed yet"), "Alice reviewed Maria before the Patient came: " + all);
                assertTrue(all.contains("Referred by Dr Osei, cardiology: new murmur"), all);
                ChartScreenshotsTest.assertPicture(out, ChartScreenshotsTest.WIDTH, 520, dark);
                if (Boolean.getBoolean("chartlens.updateScreenshots")) {
                    Files.copy(out, Path.of("docs/screenshots").resolve(out.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }

            // "Add to referrals…" from the worklist: the dialog, a day and a reason, saved (and audited by the store)
            ReferralsViewModel vm = Fx.call(() -> {
                WorklistViewModel worklist = new WorklistViewModel(store, PersonsPort.NONE, new SameThreadTaskExecutor(),
                        Runnable::run);
                ReferralsViewModel r = worklist.setReferrals(port(cache, names));
                worklist.refresh();
                return r;
            });
            boolean[] closed = {false};
            Fx.run(() -> {
                ReferralDialog d = new ReferralDialog(vm, List.of(new PatientRef("riverside", "p5")), "Grace O'Neill", TODAY,
                        () -> closed[0] = true);
                ((javafx.scene.control.DatePicker) d.lookup("#referral-due")).setValue(TODAY.plusDays(3));
                ((javafx.scene.control.TextField) d.lookup("#referral-reason")).setText("Referred by Dr Ali, dermatology");
                ((javafx.scene.control.Button) d.lookup("#referral-save")).fire();
            });
            assertTrue(closed[0], "saved and closed");
            assertEquals(TODAY.plusDays(3), cache.referrals().of(new PatientRef("riverside", "p5")).orElseThrow().due());
            assertEquals(5, Fx.call(() -> vm.rows().size()));
            assertTrue(cache.auditLog(null, null).stream().anyMatch(e -> e.event().equals("referral-added")
                    && "p5".equals(e.patientId()) && ReferralsViewModel.SOURCE.equals(e.source())));
        }
    }

    @Test
    void ctrlROnAWorklistRowOpensAddToReferralsAndEnterSavesIt() throws Exception {
        try (ChartCache cache = ChartCache.open(dir.resolve("keys.db"), new byte[32])) {
            cache.putAll(List.of(patient("riverside", "p1", "Maria", "Okonkwo", "1948-03-02")));
            CachePort store = () -> cache;
            javafx.stage.Stage dialog = Fx.call(() -> {
                WorklistViewModel worklist = new WorklistViewModel(store, PersonsPort.NONE, new SameThreadTaskExecutor(),
                        Runnable::run);
                ReferralsViewModel vm = worklist.setReferrals(port(cache, Map.of("p1", "Maria Okonkwo")));
                worklist.refresh();
                WorklistView view = new WorklistView(worklist, r -> { }, r -> { }, () -> { });
                HomeArea.withReferrals(view, vm, refs -> { });
                view.table().getSelectionModel().select(0);
                view.table().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        javafx.scene.input.KeyCode.R, false, true, false, false));
                return (javafx.stage.Stage) javafx.stage.Window.getWindows().stream()
                        .filter(w -> w instanceof javafx.stage.Stage st && "Referral list".equals(st.getTitle()))
                        .findFirst().orElseThrow();
            });
            Fx.run(() -> {
                javafx.scene.Node form = dialog.getScene().getRoot();
                assertEquals("Put on the referral list: Maria Okonkwo", ((javafx.scene.control.Label)
                        ((javafx.scene.layout.GridPane) form).getChildren().get(0)).getText());
                assertEquals(TODAY.plusDays(1), ((javafx.scene.control.DatePicker) form.lookup("#referral-due")).getValue(),
                        "tomorrow unless said otherwise");
                ((javafx.scene.control.TextField) form.lookup("#referral-reason")).setText("Referred by Dr Osei");
                ((javafx.scene.control.Button) form.lookup("#referral-save")).fire(); // the default button: Enter
            });
            assertEquals(TODAY.plusDays(1), cache.referrals().of(new PatientRef("riverside", "p1")).orElseThrow().due());
            assertTrue(!Fx.call(dialog::isShowing), "closed after the save");
        }
    }

    @Test
    void anEmptyListSaysHowToPutSomeoneOnIt() throws Exception {
        Path out = ChartScreenshotsTest.OUT.resolve("referrals-empty.png");
        Files.createDirectories(out.getParent());
        ReferralsView[] view = new ReferralsView[1];
        Screenshots.render(() -> {
            ReferralsViewModel vm = new ReferralsViewModel(ReferralsPort.NONE, new SameThreadTaskExecutor(), r -> "",
                    () -> TODAY);
            vm.refresh();
            view[0] = new ReferralsView(vm, refs -> { }, (refs, n) -> { });
            return view[0];
        }, null, false, 900, 300, out);
        String all = String.join("\n", Fx.call(() -> ChartScreenshotsTest.visibleTexts(view[0])));
        assertTrue(all.contains("Nobody is on the referral list.") && all.contains("Add to referrals…"), all);
    }
}
