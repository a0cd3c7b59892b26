package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.chartlens.app.DesktopServices;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.connect.Organization;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.store.AuditEvent;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.common.Themes;
import org.chartlens.ui.shell.MainWindow;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.worklist.FindViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 15, Find a patient in the desktop, on the app's real services and two real demo EHRs
 * (the built-in demo and a veracity server the user added as "My Clinic"), by keys and clicks:
 * Ctrl+Shift+F opens the panel with the caret in Name; a search of every signed-in organization
 * lists the patient at both, with their demographics and organization; choosing one syncs that
 * chart onto the (empty) worklist and opens it; a search against a server that never answers is
 * cancelled within moments. Every search is in the audit log (view:find). Screenshots light and
 * dark (docs/screenshots with -Dchartlens.updateScreenshots=true).
 */
class FindDesktopTest {
    private static final String PASSPHRASE = "find-e2e";
    @TempDir
    Path data;
    private final FxRobot robot = new FxRobot();

    @Test
    void findAcrossEveryOrganizationChooseOneToSyncAndOpenItAndCancelASlowSearch() throws Exception {
        Fx.stage();
        DesktopServices services = new DesktopServices(data, Map.of("CHARTLENS_PASSPHRASE", PASSPHRASE,
                "CHARTLENS_SECRET_STORE", "file"));
        try (BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(2)) {
            assertTrue(services.ports().lock().unlock(PASSPHRASE.toCharArray()));
            Organization demo = services.saveOrganization(services.context().organizations().require("demo"));
            services.ports().signIn().signIn(demo.id());
            URI veracity = services.context().startEmbeddedDemo("veracity");
            Organization clinic = services.saveOrganization(new Organization("my-clinic", "My Clinic", veracity,
                    Organization.Flow.PKCE, "chartlens", List.of("openid", "fhirUser", "offline_access", "user/*.read"),
                    Set.of(Organization.Quirk.DISCOVERY_REQUIRED), null, false, "Added by you."));
            services.useBrowser(new ScriptedBrowser()); // approves at once, as a user would in the browser
            services.ports().signIn().signIn(clinic.id());

            MainWindow w = Fx.call(() -> new MainWindow(services.ports(), tasks, false));
            Fx.show(w);
            Fx.front();
            waitFor(() -> w.lookup("#worklist-find") != null && w.lookup("#worklist-find").isVisible(), 30);
            assertEquals(0, (int) Fx.call(() -> w.worklist().total()), "nothing cached yet");

            // 1. Ctrl+Shift+F: the panel, the caret in Name; Enter searches every signed-in organization
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
            waitFor(() -> "panel-find-a-patient".equals(w.tabs().getSelectionModel().getSelectedItem().getId()), 10);
            waitFor(() -> "find-name".equals(w.getScene().getFocusOwner().getId()), 10);
            FindViewModel vm = Fx.call(() -> w.viewModel().find());
            waitFor(() -> vm.organizationChoices().size() == 3, 30);
            assertEquals(List.of("All signed-in organizations", demo.name(), "My Clinic"),
                    Fx.call(() -> vm.organizationChoices().stream().map(FindViewModel.Choice::label).toList()));
            robot.write("Hegmann");
            robot.clickOn("#find-birth-date").write("6/6/1966");
            robot.type(KeyCode.ENTER);
            waitFor(() -> !vm.busyProperty().get() && vm.rows().size() == 2, 120);
            assertEquals(Set.of(demo.name(), "My Clinic"),
                    Set.copyOf(Fx.call(() -> vm.rows().stream().map(FindViewModel.Row::orgName).toList())));
            for (FindViewModel.Row r : Fx.call(() -> List.copyOf(vm.rows()))) {
                assertTrue(r.candidate().name().contains("Hegmann"), r.candidate().name());
                assertEquals("1966-06-06", r.candidate().birthDate());
                assertEquals("female", r.candidate().sex());
                assertFalse(r.candidate().city().isEmpty(), "a city to choose by");
                assertFalse(r.identifiers().isEmpty(), "identifiers to choose by");
            }
            assertTrue(message(w).startsWith("2 patients found at 2 organizations."), message(w));
            OrganizationsDesktopTest.screenshot(w, "find-a-patient");
            Fx.run(() -> Themes.apply(true));
            OrganizationsDesktopTest.screenshot(w, "find-a-patient-dark");
            Fx.run(() -> Themes.apply(false));

            // 2. the demo's candidate, chosen by keys: synced onto the worklist and opened
            @SuppressWarnings("unchecked")
            TableView<FindViewModel.Row> table = (TableView<FindViewModel.Row>) Fx.call(() -> w.lookup("#find-results"));
            int demoRow = Fx.call(() -> vm.rows().stream().map(FindViewModel.Row::orgName).toList().indexOf(demo.name()));
            Fx.run(() -> {
                table.requestFocus();
                table.getSelectionModel().select(demoRow);
            });
            robot.type(KeyCode.ENTER);
            waitFor(() -> chart(w) != null && chart(w).viewModel().dataProperty().get() != null, 300);
            String id = Fx.call(() -> vm.rows().get(demoRow).candidate().ref().id());
            assertEquals("chart-demo:" + id, Fx.call(() -> w.tabs().getSelectionModel().getSelectedItem().getId()));
            waitFor(() -> w.worklist().total() == 1, 60);
            assertEquals(id, Fx.call(() -> w.worklist().rows().get(0).id()), "the worklist followed the sync");

            // 3. a server that never answers: Cancel ends the search within moments
            DemoEhr demoEhr = services.context().embeddedDemo("demo").orElseThrow();
            demoEhr.faults().set("hang=1");
            try {
                robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
                waitFor(() -> "panel-find-a-patient".equals(w.tabs().getSelectionModel().getSelectedItem().getId()), 10);
                Fx.run(() -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<FindViewModel.Choice> org = (ComboBox<FindViewModel.Choice>) w.lookup("#find-organization");
                    org.setValue(org.getItems().stream().filter(c -> demo.id().equals(c.id())).findFirst().orElseThrow());
                    ((Button) w.lookup("#find-search")).fire();
                });
                waitFor(() -> vm.busyProperty().get() && !((Button) w.lookup("#find-cancel")).isDisabled(), 10);
                Thread.sleep(500); // the request is in flight at the hanging server
                robot.clickOn("#find-cancel");
                waitFor(() -> !vm.busyProperty().get(), 5);
                assertEquals("Search cancelled.", message(w));
            } finally {
                demoEhr.faults().clear();
            }

            List<AuditEvent> searches = services.ports().audit().events(Instant.EPOCH, null, null).stream()
                    .filter(e -> "patient-search".equals(e.event())).toList();
            assertEquals(Set.of(demo.id(), clinic.id()), Set.copyOf(searches.stream().map(AuditEvent::org).toList()));
            assertTrue(searches.stream().allMatch(e -> "view:find".equals(e.source())
                    && e.detail().startsWith("by=name,birthdate")), searches.toString());
        } finally {
            services.context().close();
        }
    }

    static String message(MainWindow w) throws Exception {
        return Fx.call(() -> ((Label) w.lookup("#find-message")).getText());
    }

    static ChartView chart(MainWindow w) {
        return w.tabs().getTabs().stream().map(Tab::getContent).filter(ChartView.class::isInstance)
                .map(ChartView.class::cast).findFirst().orElse(null);
    }

    static void waitFor(Callable<Boolean> c, int seconds) throws Exception {
        for (int i = 0; i < seconds * 10 && !Fx.call(c); i++) {
            Thread.sleep(100);
        }
        assertTrue(Fx.call(c), "waited " + seconds + " s");
    }
}
