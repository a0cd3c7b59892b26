package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.DesktopServices;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.domain.PatientRef;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.AuditEvent;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.common.Themes;
import org.chartlens.ui.persons.CandidatesView;
import org.chartlens.ui.port.PersonsPort;
import org.chartlens.ui.shell.MainWindow;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.worklist.WorklistRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 14 in the desktop, by clicks (the glass robot, headless Monocle) on the app's real
 * services and three profiles of the real demo EHR (credible, insync, veracity: each its own ids
 * and MRNs for the same people, docs/demo-ehr.md), every patient signed in and synced into one
 * encrypted cache: the worklist shows 37 records as 37 persons with 36 possible matches and the
 * status bar says so; from a row's "2 possible matches" the candidate dialog links Irene's three
 * records; Elana's (a birth date with day and month swapped at Credible) asks to confirm and keeps
 * the warning; one pair is kept apart and one left for later from the status bar's Review; the
 * worklist shows one row per person with organization chips; the person's chart opens with every
 * record; a record is unlinked from the row's menu. Every choice is in the audit log from
 * view:worklist. Saves the worklist and the candidate dialog, light and dark (docs/views.md).
 */
class PersonsDesktopTest {
    private static final List<String> PROFILES = List.of("credible", "insync", "veracity");
    private static final String ELANA = "6c5f5393";
    private static final String IRENE = "d7ad2617";
    private static final Path SHOTS = Path.of("docs/screenshots");

    @TempDir
    Path data;
    private final FxRobot robot = new FxRobot();
    private final Map<String, DemoEhr> ehrs = new LinkedHashMap<>();
    private List<String> synthea;

    @Test
    void linkRejectLaterAndUnlinkFromTheWorklistAndTheCandidateDialog() throws Exception {
        Fx.stage();
        DesktopServices services = new DesktopServices(data, Map.of(
                "CHARTLENS_PASSPHRASE", "persons-desktop-pass", "CHARTLENS_SECRET_STORE", "file"));
        ChartLensContext ctx = services.context();
        try (BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(2)) {
            signInAndSyncEveryPatient(ctx);
            MainWindow w = Fx.call(() -> new MainWindow(services.ports(), tasks, false));
            Fx.show(w);
            Fx.front();

            // 37 records, no link yet: 37 persons, 36 proposed pairs (docs/demo-ehr.md), said in the status bar
            waitFor(() -> w.worklist().total() == 37 && w.worklist().possibleMatchesProperty().get() == 36, 120);
            assertEquals("36 possible matches to review", text(w, "#status-matches"));
            assertEquals("Review possible matches (36)", Fx.call(() -> ((Button) w.lookup("#worklist-review-matches")).getText()));
            PatientRef ireneC = record("credible", IRENE);
            assertEquals(2, row(w, ireneC).possibleMatches());

            // Irene, from her Credible row's action: two proposals, both strong; link both
            clickMatches(w, ireneC, "2 possible matches");
            Stage dialog = dialog();
            CandidatesView candidates = (CandidatesView) dialog.getScene().getRoot();
            waitFor(() -> "Possible match 1 of 2".equals(text(candidates, "#candidates-position")), 60);
            assertTrue(text(candidates, "#candidates-score").contains("Strong match (pre-selected)"));
            assertTrue(Fx.call(() -> candidates.lookup("#candidates-records").lookupAll(".org-chip").size()) == 2,
                    "both records' organizations as chips");
            shot(dialog.getScene(), "persons-candidates-light.png", false);
            shot(dialog.getScene(), "persons-candidates-dark.png", true);
            robot.clickOn(Fx.call(() -> candidates.lookup("#candidates-link")));
            // linked with InSync's record: the person's proposals are now Credible's and InSync's with Veracity's
            waitFor(() -> text(candidates, "#candidates-message").startsWith("Linked: ")
                    && "Possible match 1 of 2".equals(text(candidates, "#candidates-position")), 60);
            robot.clickOn(Fx.call(() -> candidates.lookup("#candidates-link")));
            waitFor(() -> "Nothing to review".equals(text(candidates, "#candidates-position")), 60);
            robot.clickOn(Fx.call(() -> candidates.lookup("#candidates-close")));
            waitFor(() -> !dialog.isShowing() && w.worklist().total() == 35, 60);
            WorklistRow irene = row(w, ireneC);
            assertEquals(3, irene.records().size(), "one row for Irene's three records");
            assertEquals(Set.of("credible", "insync", "veracity"), Set.copyOf(irene.refs().stream().map(PatientRef::org).toList()));
            assertEquals(0, irene.possibleMatches());

            // Elana: Credible's birth date has day and month swapped: not strong, linking asks first and keeps the warning
            PatientRef elanaC = record("credible", ELANA);
            clickMatches(w, elanaC, "2 possible matches");
            Stage second = dialog();
            CandidatesView elanaView = (CandidatesView) second.getScene().getRoot();
            List<String> asked = new ArrayList<>();
            Fx.run(() -> elanaView.setConfirm(p -> asked.add(String.join("; ", p.conflicts()))));
            waitFor(() -> "Possible match 1 of 2".equals(text(elanaView, "#candidates-position")), 60);
            assertTrue(Fx.call(() -> elanaView.lookup("#candidates-conflicts") != null), "where they differ, in words");
            shot(second.getScene(), "persons-candidates-conflict-light.png", false);
            robot.clickOn(Fx.call(() -> elanaView.lookup("#candidates-link")));
            waitFor(() -> text(elanaView, "#candidates-message").contains("kept as a warning")
                    && "Possible match 1 of 2".equals(text(elanaView, "#candidates-position")), 60);
            // next: InSync's and Veracity's records, which agree (strong): linked without a question
            assertTrue(Fx.call(() -> candidatesShown(elanaView).preselected()));
            robot.clickOn(Fx.call(() -> elanaView.lookup("#candidates-link")));
            waitFor(() -> "Nothing to review".equals(text(elanaView, "#candidates-position")), 60);
            assertEquals(1, asked.size(), "the link in conflict was confirmed first, the other not asked: " + asked);
            assertTrue(asked.get(0).contains("birth dates differ"), asked.get(0));
            Fx.run(second::close);
            waitFor(() -> w.worklist().total() == 33 && row(w, elanaC).warnings().size() == 2, 60);

            // the status bar's Review: every proposal left; one kept apart, one left for later
            waitFor(() -> "30 possible matches to review".equals(text(w, "#status-matches")), 60);
            robot.clickOn(Fx.call(() -> w.lookup("#status-review-matches")));
            Stage all = dialog();
            CandidatesView allView = (CandidatesView) all.getScene().getRoot();
            waitFor(() -> "Possible match 1 of 30".equals(text(allView, "#candidates-position")), 60);
            PersonsPort.Proposal kept = Fx.call(() -> candidatesShown(allView));
            robot.clickOn(Fx.call(() -> allView.lookup("#candidates-reject")));
            waitFor(() -> "Possible match 1 of 29".equals(text(allView, "#candidates-position")), 60);
            assertTrue(text(allView, "#candidates-message").contains("will not be proposed again"));
            robot.clickOn(Fx.call(() -> allView.lookup("#candidates-later")));
            waitFor(() -> "Possible match 1 of 29".equals(text(allView, "#candidates-position"))
                    && text(allView, "#candidates-message").equals("Left for later."), 60);
            Fx.run(all::close);
            waitFor(() -> w.worklist().possibleMatchesProperty().get() == 29, 60);
            assertFalse(row(w, kept.a().ref()).refs().contains(kept.b().ref()), "kept apart");

            // the worklist, one row per person with chips: Elana's row in view
            Fx.run(() -> table(w).scrollTo(Math.max(0, table(w).getItems().indexOf(onFx(w, elanaC)) - 3)));
            Fx.settle();
            shot(w.getScene(), "persons-worklist-light.png", false);
            shot(w.getScene(), "persons-worklist-dark.png", true);

            // Irene's chart: every record, by double click on her row
            Fx.run(() -> table(w).scrollTo(table(w).getItems().indexOf(onFx(w, ireneC))));
            Fx.settle();
            robot.doubleClickOn(Fx.call(() -> tableRow(w, ireneC)));
            waitFor(() -> chart(w) != null && chart(w).viewModel().dataProperty().get() != null, 120);
            assertEquals(3, Fx.call(() -> chart(w).viewModel().records().size()), "the person's chart reads all three records");
            assertNotNull(Fx.call(() -> chart(w).lookup("#banner-records")), "the banner lists the records");

            // unlink Veracity's record from Irene's row's menu: the row, and the open chart, keep the other two
            robot.clickOn(Fx.call(() -> w.lookupAll(".button").stream().map(Button.class::cast)
                    .filter(x -> "Worklist".equals(x.getText())).findFirst().orElseThrow()));
            Fx.settle();
            PatientRef ireneV = record("veracity", IRENE);
            Fx.run(() -> table(w).scrollTo(table(w).getItems().indexOf(onFx(w, ireneC))));
            Fx.settle();
            robot.rightClickOn(Fx.call(() -> tableRow(w, ireneC)));
            Fx.settle();
            MenuItem unlink = Fx.call(() -> tableRow(w, ireneC).getContextMenu().getItems().stream()
                    .filter(i -> ("unlink-" + ireneV.qualified()).equals(i.getId())).findFirst().orElseThrow());
            Fx.run(unlink::fire); // the row's own menu item (a context menu's popup is not clickable under Monocle)
            waitFor(() -> w.worklist().total() == 34 && row(w, ireneC).records().size() == 2
                    && chart(w) != null && chart(w).viewModel().records().size() == 2, 60);
            assertEquals(1, row(w, ireneV).records().size(), "Veracity's record is its own person again");

            // every choice in the audit log, from the worklist, with who and when
            List<AuditEvent> events = ctx.cache().auditLog(null, null);
            assertEquals(4, events.stream().filter(e -> e.event().equals("link") && "view:worklist".equals(e.source())).count());
            assertEquals(1, events.stream().filter(e -> e.event().equals("link-rejected") && "view:worklist".equals(e.source()))
                    .count());
            assertEquals(1, events.stream().filter(e -> e.event().equals("unlink") && "view:worklist".equals(e.source())).count());
            assertTrue(events.stream().filter(e -> e.event().startsWith("link") || e.event().equals("unlink"))
                    .noneMatch(e -> e.who() == null || e.who().isBlank() || e.at() == null));
            assertTrue(ctx.cache().verifyAudit().intact());
        } finally {
            Fx.run(() -> Themes.apply(false));
            ctx.close();
            ehrs.values().forEach(DemoEhr::close);
        }
    }

    private void signInAndSyncEveryPatient(ChartLensContext ctx) throws Exception {
        try (DemoEhr demo = DemoEhr.start(SandboxOptions.demo())) {
            synthea = List.copyOf(demo.patientIds());
        }
        for (String profile : PROFILES) {
            DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile(profile).autoApprove(true).build());
            ehrs.put(profile, ehr);
            Organization preset = OrganizationDirectory.loadPresets().get(profile).organization();
            ctx.organizations().save(preset.withFhirBase(ehr.fhirBase()).withFlow(Organization.Flow.PKCE)
                    .withClientId("chartlens").withScopes(List.of("openid", "fhirUser", "offline_access", "user/*.read")));
            Organization org = ctx.organization(profile);
            Session s = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            SyncResult r = ctx.sync(org).run(SyncRequest.everyone().withContextPatient(s.patient())
                    .withScopes(Set.copyOf(s.grantedScopes())), SyncListener.NONE);
            assertTrue(r.ok(), profile + ": " + r.summary());
        }
    }

    /** The record of the Synthea person whose id starts with {@code prefix} at {@code profile}. */
    private PatientRef record(String profile, String prefix) {
        for (int i = 0; i < synthea.size(); i++) {
            if (synthea.get(i).startsWith(prefix)) {
                return new PatientRef(profile, ehrs.get(profile).patientIds().get(i));
            }
        }
        throw new IllegalArgumentException(prefix);
    }

    @SuppressWarnings("unchecked")
    private static TableView<WorklistRow> table(MainWindow w) {
        return (TableView<WorklistRow>) w.lookup("#worklist-table");
    }

    private static WorklistRow row(MainWindow w, PatientRef record) throws Exception {
        return Fx.call(() -> w.worklist().rows().stream().filter(r -> r.refs().contains(record)).findFirst().orElseThrow());
    }

    private static WorklistRow onFx(MainWindow w, PatientRef record) {
        return w.worklist().rows().stream().filter(r -> r.refs().contains(record)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static TableRow<WorklistRow> tableRow(MainWindow w, PatientRef record) {
        return table(w).lookupAll(".table-row-cell").stream().map(n -> (TableRow<WorklistRow>) n)
                .filter(r -> r.getItem() != null && r.getItem().refs().contains(record)).findFirst().orElseThrow();
    }

    /** Clicks the row's "N possible matches" action. */
    private void clickMatches(MainWindow w, PatientRef record, String label) throws Exception {
        Fx.run(() -> table(w).scrollTo(table(w).getItems().indexOf(w.worklist().rows().stream()
                .filter(r -> r.refs().contains(record)).findFirst().orElseThrow())));
        Fx.settle();
        Node button = Fx.call(() -> tableRow(w, record).lookupAll(".button").stream()
                .filter(b -> label.equals(((Button) b).getText())).findFirst().orElseThrow());
        robot.clickOn(button);
        Fx.settle();
    }

    private static Stage dialog() throws Exception {
        waitFor(() -> Window.getWindows().stream().anyMatch(x -> x.isShowing() && x.getScene() != null
                && x.getScene().getRoot() instanceof CandidatesView), 30);
        return Fx.call(() -> (Stage) Window.getWindows().stream().filter(x -> x.isShowing() && x.getScene() != null
                && x.getScene().getRoot() instanceof CandidatesView).reduce((a, b) -> b).orElseThrow());
    }

    private static PersonsPort.Proposal candidatesShown(CandidatesView v) {
        return v.viewModel().currentProperty().get();
    }

    static ChartView chart(MainWindow w) {
        return w.tabs().getTabs().stream().map(Tab::getContent).filter(ChartView.class::isInstance)
                .map(ChartView.class::cast).findFirst().orElse(null);
    }

    private static String text(Node root, String id) throws Exception {
        return Fx.call(() -> {
            Node n = root.lookup(id);
            return n instanceof Label l ? l.getText() : null;
        });
    }

    private static String text(MainWindow w, String id) throws Exception {
        return text((Node) w, id);
    }

    /** The scene in the light or dark theme, as a PNG under docs/screenshots. */
    private static void shot(Scene scene, String file, boolean dark) throws Exception {
        Fx.run(() -> Themes.apply(dark));
        Fx.settle();
        var image = Fx.call(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        Fx.run(() -> Themes.apply(false));
        Files.createDirectories(SHOTS);
        assertTrue(ImageIO.write(image, "png", SHOTS.resolve(file).toFile()));
    }

    static void waitFor(Callable<Boolean> c, int seconds) throws Exception {
        for (int i = 0; i < seconds * 10 && !Fx.call(c); i++) {
            Thread.sleep(100);
        }
        assertTrue(Fx.call(c), "waited " + seconds + " s");
    }
}
