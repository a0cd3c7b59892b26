package org.chartlens.ui.shell;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chartlens.domain.Source;
import org.chartlens.store.AuditAction;
import org.chartlens.store.AuditCheck;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.lock.LockViewModel;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.ChangesPort;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.SystemViewerPort;
import org.chartlens.ui.worklist.FindViewModel;
import org.chartlens.ui.worklist.WorklistViewModel;

/**
 * The main window's state: the charts open (one tab each, in order), whether the user has any
 * organization and whether the welcome screen shows (whenever there is none), and the view
 * models of the worklist, the organizations, the status area, the lock, the settings and the
 * welcome screen, each given only the ports it needs. It follows the app's
 * {@link ChangesPort}: organizations, sign-ins and syncs re-read what the views show, on the FX
 * thread, a sync's progress coalesced to one pending hop. Locking closes every chart and
 * remembers them; unlocking reopens them. Properties and lists: FX thread. Testable without a stage.
 */
public final class MainViewModel {
    private final ShellPorts ports;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final StatusViewModel status;
    private final WorklistViewModel worklist;
    private final LockViewModel lock;
    private final SettingsViewModel settings;
    private final WelcomeViewModel welcome;
    private final ObservableList<PatientRef> charts = FXCollections.observableArrayList();
    private final ObservableList<PatientRef> readOnlyCharts = FXCollections.unmodifiableObservableList(charts);
    /** The open charts' view models, for their completeness maps (issue 17). FX thread. */
    private final List<ChartViewModel> completenessShown = new java.util.ArrayList<>();
    private final ReadOnlyBooleanWrapper welcomeShown = new ReadOnlyBooleanWrapper();
    /** Null until the organizations were first read; then whether the user has any. */
    private final ReadOnlyObjectWrapper<Boolean> hasOrganizations = new ReadOnlyObjectWrapper<>();
    private final OrganizationsViewModel organizations;
    private final FindViewModel find;
    /** The latest progress per organization not yet taken on the FX thread; one hop pending at most. */
    private final Map<String, ChangesPort.Change> syncing = new ConcurrentHashMap<>();
    private final AtomicBoolean syncHopPending = new AtomicBoolean();
    private List<PatientRef> reopenAfterUnlock = List.of();
    /** The records of each open person's chart (several linked records), by its tab's first record. FX thread. */
    private final Map<PatientRef, List<PatientRef>> personRecords = new java.util.HashMap<>();
    private Runnable onOrganizationAdded = () -> { };

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public MainViewModel(ShellPorts ports, TaskExecutor tasks, Executor fx) {
        this.ports = ports;
        this.tasks = tasks;
        this.fx = fx;
        status = new StatusViewModel(ports.sync(), ports.organizations(), tasks, fx);
        worklist = new WorklistViewModel(ports.cache(), ports.persons(), tasks, fx);
        worklist.possibleMatchesProperty().addListener((o, was, n) -> status.possibleMatches(n.intValue()));
        worklist.setReviewer(ports.reviews()::reviewer);
        worklist.setInferSensitive(() -> ports.settings().sensitive().inferSensitive());
        worklist.setReferrals(ports.referrals());
        lock = new LockViewModel(ports.lock(), tasks);
        settings = new SettingsViewModel(ports.settings(), tasks, status);
        settings.setOnSensitiveSaved(worklist::refresh);
        welcome = new WelcomeViewModel(ports.organizations(), ports.demo(), tasks, status);
        worklist.setOnRebuilt(summary -> {
            status.info(summary);
            checkAudit();
        });
        organizations = new OrganizationsViewModel(ports.organizations(), ports.signIn(), tasks, fx, status::sync);
        find = new FindViewModel(ports.find(), ports.sync(), tasks, fx);
        find.setOnOpen(this::open); // the chosen chart was synced: the worklist follows the sync, the chart opens
        welcome.setOnDemoOpened(ref -> {
            hideWelcome();
            worklist.refresh();
            readOrganizations();
            open(ref);
        });
        welcome.setOnAdded(org -> {
            hideWelcome();
            readOrganizations();
            onOrganizationAdded.run();
        });
        lock.lockedProperty().addListener((o, was, locked) -> {
            if (locked) {
                reopenAfterUnlock = List.copyOf(charts);
                charts.clear();
                worklist.searchProperty().set("");
            } else {
                readAll();
                charts.addAll(reopenAfterUnlock);
                reopenAfterUnlock = List.of();
                checkAudit();
            }
        });
        ports.changes().subscribe(this::changedOnAnyThread);
    }

    /** From the app's threads: progress is coalesced (the latest per organization), the rest hops as is. */
    private void changedOnAnyThread(ChangesPort.Change c) {
        if (c.kind() != ChangesPort.Kind.SYNCING) {
            fx.execute(() -> changed(c));
            return;
        }
        syncing.put(c.org() == null ? "" : c.org(), c);
        if (syncHopPending.compareAndSet(false, true)) {
            fx.execute(() -> {
                syncHopPending.set(false);
                for (String org : List.copyOf(syncing.keySet())) {
                    ChangesPort.Change latest = syncing.remove(org);
                    if (latest != null) {
                        changed(latest);
                    }
                }
            });
        }
    }

    /** FX thread: re-reads what the change affects (nothing while locked: unlocking reads everything). */
    private void changed(ChangesPort.Change c) {
        if (lock.isLocked()) {
            return;
        }
        switch (c.kind()) {
            case ORGANIZATIONS -> {
                readOrganizations();
                find.refreshOrganizations();
            }
            case SIGN_IN -> {
                organizations.refresh();
                find.refreshOrganizations();
                checkCompleteness(c.org());
            }
            case SYNCING -> {
                organizations.syncing(c.org(), c.detail());
                worklist.refresh();
            }
            case SYNCED -> {
                organizations.synced(c.org(), c.detail(), LocalTime.now().truncatedTo(ChronoUnit.MINUTES).toString());
                organizations.refresh();
                worklist.refresh();
                checkCompleteness(c.org());
            }
            case PERSONS, REFERRALS -> worklist.refresh();
        }
    }

    /**
     * Open charts with a record at {@code org} read their completeness map again after its sign-in
     * or sync (issue 17); charts no longer open are forgotten here.
     */
    private void checkCompleteness(String org) {
        completenessShown.removeIf(c -> c.records().stream().noneMatch(charts::contains));
        for (ChartViewModel c : completenessShown) {
            if (org == null || c.records().stream().anyMatch(r -> r.org().equals(org))) {
                c.checkCompleteness();
            }
        }
    }

    /** The worklist and the organizations, read again (start, unlock). */
    private void readAll() {
        worklist.refresh();
        readOrganizations();
    }

    /**
     * Reads the user's organizations: with none (first run, or the last one removed) the welcome
     * screen shows; the Organizations view is read again too.
     */
    private void readOrganizations() {
        tasks.submit(ports.organizations()::organizations, list -> {
            hasOrganizations.set(!list.isEmpty());
            if (list.isEmpty()) {
                showWelcome();
            }
        }, e -> status.error("Organizations could not be read."));
        organizations.refresh();
    }

    /** Locked at start (asks for the passphrase), or loads the worklist and checks the audit log. */
    public void start(boolean locked) {
        if (locked) {
            lock.lockAtStart();
        } else {
            readAll();
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
        record(AuditAction.RAW_JSON_VIEWED, ref, reference(ref, source), "view:chart");
    }

    /** A resource's reference for the audit log: "Type/id", with its organization when not the chart's. */
    private static String reference(PatientRef ref, Source source) {
        return source.org().equals(ref.org()) ? source.reference() : source.org() + ":" + source.reference();
    }

    /**
     * A document of the chart of {@code ref} was written to the session folder and opened with
     * the system viewer: recorded as an export (the resource's reference and the content type).
     */
    public void documentOpenedOutside(PatientRef ref, Source source, String contentType) {
        record(AuditAction.EXPORT, ref, reference(ref, source) + " type=" + contentType + " to=system-viewer", "view:documents");
    }

    /** A new view model for the Audit view (Settings). */
    public AuditViewModel audit() {
        return new AuditViewModel(ports.audit(), tasks, ZoneId.systemDefault());
    }

    /**
     * Opens a person's chart (issue 14): {@code records} merged, first record first, in one tab
     * known by the first record; unless that tab is open already.
     */
    public void openPerson(List<PatientRef> records) {
        PatientRef first = records.get(0);
        List<PatientRef> all = List.copyOf(records);
        if (charts.contains(first) && !personRecords.getOrDefault(first, List.of(first)).equals(all)) {
            close(first); // linked or unlinked since it was opened: open it again as it is now
        }
        if (all.size() > 1) {
            personRecords.put(first, all);
        }
        open(first);
    }

    /**
     * Takes one record out of its person (issue 14), in the background, audited from
     * {@code source}; an open chart of that person opens again with the records left.
     */
    public void unlink(PatientRef record, String source) {
        tasks.submit(() -> {
            ports.persons().unlink(record, source);
            return null;
        }, done -> {
            status.info("Unlinked the record " + record.id() + ": its chart is separate again.");
            for (Map.Entry<PatientRef, List<PatientRef>> e : List.copyOf(personRecords.entrySet())) {
                if (e.getValue().contains(record)) {
                    List<PatientRef> left = e.getValue().stream().filter(r -> !r.equals(record)).toList();
                    close(e.getKey());
                    openPerson(left);
                }
            }
        }, e -> status.error("The record could not be unlinked: " + e.getMessage()));
    }

    /** A new candidate dialog model (issue 14); each link or rejection re-reads the worklist. */
    public org.chartlens.ui.persons.CandidatesViewModel candidates() {
        org.chartlens.ui.persons.CandidatesViewModel c = new org.chartlens.ui.persons.CandidatesViewModel(ports.persons(), tasks);
        c.setOnChanged(worklist::refresh);
        return c;
    }

    /** Opens a chart (its tab is added at the end), unless it is open already. */
    public void open(PatientRef ref) {
        if (!charts.contains(ref)) {
            charts.add(ref);
        }
    }

    /** Closes a chart (its tab goes). */
    public void close(PatientRef ref) {
        personRecords.remove(ref);
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
        return chart(personRecords.getOrDefault(ref, java.util.List.of(ref)));
    }

    /**
     * A new view model for one person's chart: {@code records} (linked records of one person,
     * issue 14) merged, first record first; each record's opening is recorded in the audit log.
     */
    public ChartViewModel chart(java.util.List<PatientRef> records) {
        ChartViewModel chart = new ChartViewModel(ports.cache().store(), tasks, records,
                () -> new org.chartlens.connect.OrganizationNames(ports.organizations().organizations()))
                .withReviews(ports.reviews()).withColours(worklist.legend().colours())
                .withSummaries(ports.summaries());
        // a review recorded changes the worklist's "new since" (issue 17)
        chart.reviewMessageProperty().addListener((o, a, m) -> {
            if (m.startsWith("Marked")) {
                worklist.refresh();
            }
        });
        chart.setFixes(new ChartFixes(ports.signIn(), organizations, status));
        completenessShown.add(chart);
        chart.restrictions(ports.audit(), ports.settings().sensitive());
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

    /** Leaves the welcome screen (its Back button: shown when there is something behind it). */
    public void hideWelcome() {
        welcomeShown.set(false);
    }

    /** Leaves the welcome screen when there is something behind it (Ctrl+F goes to the worklist). */
    public void hideWelcomeIfItCanBeLeft() {
        if (welcomeCanBeLeft()) {
            hideWelcome();
        }
    }

    /** True when the welcome screen can be left: the user has organizations, or patients are cached. */
    public boolean welcomeCanBeLeft() {
        return Boolean.TRUE.equals(hasOrganizations.get()) || worklist.total() > 0;
    }

    public ReadOnlyBooleanProperty welcomeShownProperty() {
        return welcomeShown.getReadOnlyProperty();
    }

    /** Runs (FX thread) after the user added an organization on the welcome screen. */
    public void setOnOrganizationAdded(Runnable r) {
        onOrganizationAdded = r;
    }

    /** The Organizations view's model (one for the window: it follows the changes). */
    public OrganizationsViewModel organizations() {
        return organizations;
    }

    /** Null until first read; then whether the user has any organization (none: the welcome screen shows). */
    public ReadOnlyObjectProperty<Boolean> hasOrganizationsProperty() {
        return hasOrganizations.getReadOnlyProperty();
    }

    /** The Find a patient panel's model (one for the window: it follows sign-ins). */
    public FindViewModel find() {
        return find;
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
