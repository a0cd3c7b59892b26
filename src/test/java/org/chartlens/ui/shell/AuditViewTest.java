package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.chartlens.domain.Source;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartCache;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.common.RawJsonDialog;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.StoreOnlyPorts;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.RealCache;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.1 on the desktop: opening a chart and viewing a resource's raw JSON are recorded for
 * that patient (from the main window's own wiring), the Audit view in Settings lists them for the
 * patient, with the chain's check on top, and a tampered log shows as a warning at start.
 */
class AuditViewTest {
    @TempDir
    Path dir;

    private ChartCache twoPatients() {
        return RealCache.of(dir, Instant.now().minus(Duration.ofDays(1)),
                SyntheaBundles.columbus("Babette571"), SyntheaBundles.columbus("Jen355"));
    }

    @Test
    void theAuditViewShowsTheChartOpenedAndTheRawJsonViewedForOnePatient() throws Exception {
        ChartCache cache = twoPatients();
        List<CachedPatient> patients = cache.patients();
        CachedPatient seen = patients.get(0);
        CachedPatient other = patients.get(1);
        ShellPorts ports = StoreOnlyPorts.create(() -> cache, dir);
        Fx.stage();
        MainWindow w = Fx.call(() -> new MainWindow(ports, new BackgroundTaskExecutor(2), false));
        Fx.show(w);
        ChartView chart = Fx.call(() -> w.openChart(seen.org(), seen.id(), null));
        Fx.call(() -> w.openChart(other.org(), other.id(), null));
        // what any table row, timeline item or vitals point of the chart does on Enter / Ctrl+J:
        // recorded when shown, the JSON read from the cache (issue 21)
        Source shown = new Source(seen.org(), "Patient", seen.id());
        Fx.run(() -> RawJsonDialog.show(chart, shown, org.chartlens.ui.common.OrgLegend.NONE));
        MainWindowTest.waitFor(() -> cache.auditEvents(null, seen.org(), seen.id()).size() >= 2);
        TextArea json = (TextArea) Fx.call(() -> javafx.stage.Window.getWindows().stream()
                .map(win -> win.getScene() == null ? null : win.getScene().getRoot().lookup(".raw-json"))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow());
        MainWindowTest.waitFor(() -> json.getText().contains("\"id\" : \"" + seen.id() + "\""));
        Fx.run(() -> ((javafx.stage.Stage) json.getScene().getWindow()).close());

        // Settings, then its audit button (both plain buttons: reachable with Tab and Space)
        Fx.run(() -> w.lookupAll(".button").stream().filter(n -> n instanceof Button b && "Settings".equals(b.getText()))
                .map(Button.class::cast).findFirst().orElseThrow().fire());
        Fx.run(() -> ((Button) w.lookup("#settings-audit")).fire());
        AuditView view = (AuditView) Fx.call(() -> w.lookup("#audit"));
        MainWindowTest.waitFor(() -> !view.table().getItems().isEmpty());
        Fx.run(() -> ((TextField) view.lookup("#audit-patient")).setText(seen.org() + ":" + seen.id()));
        Fx.run(() -> ((Button) view.lookup("#audit-apply")).fire());
        MainWindowTest.waitFor(() -> view.table().getItems().stream().allMatch(e -> seen.id().equals(e.patientId())));
        List<AuditEvent> rows = Fx.call(() -> List.copyOf(view.table().getItems()));
        assertEquals(List.of("chart-opened", "raw-json-viewed"), rows.stream().map(AuditEvent::event).toList());
        assertEquals("tab=summary", rows.get(0).detail());
        assertEquals("view:chart", rows.get(0).source());
        assertEquals("Patient/" + seen.id(), rows.get(1).detail());
        assertEquals(System.getProperty("user.name"), rows.get(1).who());
        String check = Fx.call(() -> ((Label) view.lookup("#audit-verification")).getText());
        assertTrue(check.contains("intact"), check);
        assertEquals("2 events match the filter", Fx.call(() -> ((Label) view.lookup("#audit-summary")).getText()));

        // a filter that matches nothing says why the table is empty
        Fx.run(() -> ((javafx.scene.control.DatePicker) view.lookup("#audit-since")).setValue(LocalDate.now().plusDays(2)));
        Fx.run(() -> ((Button) view.lookup("#audit-apply")).fire());
        MainWindowTest.waitFor(() -> view.table().getItems().isEmpty());
        Node placeholder = Fx.call(() -> view.table().getPlaceholder());
        assertTrue(Fx.call(() -> ((Label) placeholder).getText()).startsWith("No audit events for this patient"));
        cache.close();
    }

    @Test
    void aTamperedLogShowsAWarningInTheStatusAreaAtStartAndInTheAuditView() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Path file = dir.resolve("cache.db");
        try (ChartCache cache = ChartCache.open(file, key)) {
            cache.audit("show", "demo", "p1", null, "cli:show");
            cache.audit("show", "demo", "p2", null, "cli:show");
            cache.audit("show", "demo", "p3", null, "cli:show");
        }
        try (Connection c = org.sqlite.mc.SQLiteMCChacha20Config.getDefault().withRawUnsaltedKey(key).build().createConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_no_delete");
            s.execute("DELETE FROM audit WHERE seq = 2");
        }
        try (ChartCache cache = ChartCache.open(file, key)) {
            ShellPorts ports = StoreOnlyPorts.create(() -> cache, dir);
            MainViewModel vm = new MainViewModel(ports, new SameThreadTaskExecutor(), Runnable::run);
            assertEquals("", vm.status().auditWarningProperty().get());
            vm.start(false);
            String warning = vm.status().auditWarningProperty().get();
            assertTrue(warning.startsWith("The audit log has been tampered with: ") && warning.contains("2"), warning);

            AuditViewModel audit = vm.audit();
            audit.refresh();
            assertFalse(audit.intactProperty().get());
            assertEquals(cache.verifyAudit().message(), audit.verificationProperty().get());
            assertEquals(2, audit.events().size());
        }
    }

    @Test
    void aCleanLogShowsNoWarningAndAnEmptyLogSaysSo() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), key)) {
            MainViewModel vm = new MainViewModel(StoreOnlyPorts.create(() -> cache, dir), new SameThreadTaskExecutor(),
                    Runnable::run);
            vm.start(false);
            assertEquals("", vm.status().auditWarningProperty().get());
            AuditViewModel audit = new AuditViewModel(StoreOnlyPorts.create(() -> cache, dir).audit(),
                    new SameThreadTaskExecutor(), ZoneId.of("UTC"));
            audit.refresh();
            assertTrue(audit.intactProperty().get());
            assertEquals("The audit log is empty: nothing has been recorded yet.", audit.emptyTextProperty().get());
        }
    }
}
