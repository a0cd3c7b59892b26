package org.chartlens.ui.shell;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chartlens.domain.Source;
import org.chartlens.store.AuditAction;
import org.chartlens.store.AuditCheck;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.lock.LockViewModel;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.SystemViewerPort;
import org.chartlens.ui.worklist.WorklistViewModel;

/**
 * The main window's state: the charts open (one tab each, in order), whether the welcome screen
 * shows, and the view models of the worklist, the status area, the lock, the settings and the
 * welcome screen, each given only the ports it needs. Locking closes every chart and remembers
 * them; unlocking reopens them. Properties and lists: FX thread. Testable without a stage.
 */
public final class MainViewModel {
    private final ShellPorts ports;
    private final TaskExecutor tasks;
    private final StatusViewModel status;
    private final WorklistViewModel worklist;
    private final LockViewModel lock;
    private final SettingsViewModel settings;
    private final WelcomeViewModel welcome;
    private final ObservableList<PatientRef> charts = FXCollections.observableArrayList();
    private final ObservableList<PatientRef> readOnlyCharts = FXCollections.unmodifiableObservableList(charts);
    private final ReadOnlyBooleanWrapper welcomeShown = new ReadOnlyBooleanWrapper();
    private List<PatientRef> reopenAfterUnlock = List.of();
    private Runnable onOrganizationAdded = () -> { };

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public MainViewModel(ShellPorts ports, TaskExecutor tasks, Executor fx) {
        this.ports = ports;
        this.tasks = tasks;
        status = new StatusViewModel(ports.sync(), ports.organizations(), tasks, fx);
        worklist = new WorklistViewModel(ports.cache()::store, tasks);
        lock = new LockViewModel(ports.lock(), tasks);
        settings = new SettingsViewModel(ports.settings(), tasks, status);
        welcome = new WelcomeViewModel(ports.organizations(), ports.demo(), tasks, status);
        status.setOnSynced(worklist::refresh);
        welcome.setOnDemoOpened(ref -> {
            hideWelcome();
            worklist.refresh();
            open(ref);
        });
        welcome.setOnAdded(org -> {
            hideWelcome();
            onOrganizationAdded.run();
        });
        // the first run (an empty cache, no search) leads to the welcome screen
        worklist.rows().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (worklist.total() == 0 && worklist.searchProperty().get().isEmpty()) {
                showWelcome();
            }
        });
        lock.lockedProperty().addListener((o, was, locked) -> {
            if (locked) {
                reopenAfterUnlock = List.copyOf(charts);
                charts.clear();
                worklist.searchProperty().set("");
            } else {
                worklist.refresh();
                charts.addAll(reopenAfterUnlock);
                reopenAfterUnlock = List.of();
                checkAudit();
            }
        });
    }

    /** Locked at start (asks for the passphrase), or loads the worklist and checks the audit log. */
    public void start(boolean locked) {
        if (locked) {
            lock.lockAtStart();
        } else {
            worklist.refresh();
            checkAudit();
        }
    }

    /**
     * Checks the audit chain in the background (at start and after each unlock); a broken chain
     * shows as a warning in the status area until a later check finds it intact.
     */
    public void checkAudit() {
        tasks.submit(ports.audit()::verify,
                check -> status.auditWarning(check.intact() ? "" : auditWarning(check)),
                e -> status.auditWarning("The audit log could not be checked."));
    }

    /** What the status area says when the chain is broken. */
    static String auditWarning(AuditCheck check) {
        return "The audit log has been tampered with: " + check.message() + " See Settings › Open the audit log.";
    }

    /**
     * Records what the clinician did in a view, in the background (the one place the shell's
     * views record: charts opened, raw JSON shown). A failure to record shows in the status area.
     */
    void record(AuditAction action, PatientRef ref, String detail, String source) {
        tasks.submit(() -> {
            ports.audit().record(action, ref.org(), ref.id(), detail, source);
            return null;
        }, done -> { }, e -> status.error("This action could not be recorded in the audit log."));
    }

    /** A resource's raw JSON was shown in the chart of {@code ref}. */
    public void rawJsonViewed(PatientRef ref, Source source) {
        record(AuditAction.RAW_JSON_VIEWED, ref, source.org().equals(ref.org()) ? source.reference()
                : source.org() + ":" + source.reference(), "view:chart");
    }

    /** A new view model for the Audit view (Settings). */
    public AuditViewModel audit() {
        return new AuditViewModel(ports.audit(), tasks, ZoneId.systemDefault());
    }

    /** Opens a chart (its tab is added at the end), unless it is open already. */
    public void open(PatientRef ref) {
        if (!charts.contains(ref)) {
            charts.add(ref);
        }
    }

    /** Closes a chart (its tab goes). */
    public void close(PatientRef ref) {
        charts.remove(ref);
    }

    /** The charts open, in tab order; read-only. */
    public ObservableList<PatientRef> charts() {
        return readOnlyCharts;
    }

    /**
     * A new view model for one open chart, on the cache as it is now (throws while locked); the
     * opening is recorded in the audit log (the chart shows its first tab first).
     */
    public ChartViewModel chart(PatientRef ref) {
        return chart(java.util.List.of(ref));
    }

    /**
     * A new view model for one person's chart: {@code records} (linked records of one person,
     * issue 14) merged, first record first; each record's opening is recorded in the audit log.
     */
    public ChartViewModel chart(java.util.List<PatientRef> records) {
        ChartViewModel chart = new ChartViewModel(ports.cache().store(), tasks, records,
                () -> new org.chartlens.connect.OrganizationNames(ports.organizations().organizations()));
        for (PatientRef ref : records) {
            record(AuditAction.CHART_OPENED, ref, records.size() > 1 ? "tab=summary person=" + records.size()
                    + " records" : "tab=summary", "view:chart");
        }
        return chart;
    }

    /** Shows the welcome screen once its presets are read. */
    public void showWelcome() {
        welcome.load(() -> welcomeShown.set(true));
    }

    public void hideWelcome() {
        welcomeShown.set(false);
    }

    public ReadOnlyBooleanProperty welcomeShownProperty() {
        return welcomeShown.getReadOnlyProperty();
    }

    /** Runs (FX thread) after the user added an organization on the welcome screen. */
    public void setOnOrganizationAdded(Runnable r) {
        onOrganizationAdded = r;
    }

    /** A new view model for an Organizations panel. */
    public OrganizationsViewModel organizations() {
        return new OrganizationsViewModel(ports.organizations(), ports.signIn(), tasks, status::sync);
    }

    public SystemViewerPort viewer() {
        return ports.viewer();
    }

    public StatusViewModel status() {
        return status;
    }

    public WorklistViewModel worklist() {
        return worklist;
    }

    public LockViewModel lock() {
        return lock;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public WelcomeViewModel welcome() {
        return welcome;
    }
}
