package org.chartlens.ui.chart;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.ui.port.ReviewPort;
import org.chartlens.connect.OrganizationNames;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.Disclosure;
import org.chartlens.domain.PatientRef;
import org.chartlens.store.AuditAction;
import org.chartlens.ui.port.AuditPort;
import org.chartlens.ui.port.SensitiveSettings;
import org.chartlens.ui.port.SummaryPort;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.common.OrgColours;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.common.TaskExecutor;

/**
 * One open chart: reads it with {@link ChartQuery} off the FX thread (one hand-over). One record,
 * or a person's linked records merged into one chart (issue 14), with the organizations' names
 * and colours ({@link OrgLegend}) read in the same background task. Testable without a stage with
 * a same-thread executor. Properties: FX thread.
 */
public final class ChartViewModel {
    private final ChartStore store;
    private final TaskExecutor tasks;
    private final String org;
    private final String patientId;
    private final List<PatientRef> records;
    private final Supplier<? extends Function<String, String>> orgNames;
    private OrgLegend legend = OrgLegend.NONE;
    /** The colours of every view (the worklist's), so one organization has one colour everywhere. */
    private volatile OrgColours colours = OrgColours.NONE;
    private final ObjectProperty<ChartData> data = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    /** Issue 17: the reviewer and "Mark reviewed"; what is new since this reviewer's last review. */
    private ReviewPort reviews = ReviewPort.NONE;
    private final javafx.beans.property.ReadOnlyObjectWrapper<ReviewDiff> review =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(ReviewDiff.none(null));
    private final ReadOnlyStringWrapper reviewMessage = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<org.chartlens.domain.CompletenessMap> completeness =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private CompletenessFixes fixes = CompletenessFixes.NONE;
    /** Restricted records (issue 18): who records the break-the-glass, how long it lasts, inference. */
    private AuditPort audit = AuditPort.NONE;
    private SensitiveSettings sensitive = SensitiveSettings.DEFAULTS;
    private final ReadOnlyObjectWrapper<BrokenGlass> glass = new ReadOnlyObjectWrapper<>();
    /** What a read of one resource's JSON may show (task threads): the disclosure of the chart shown. */
    private volatile Disclosure readWith = Disclosure.MASKED;
    private UnitSystem units = UnitSystem.METRIC;
    private SummaryPort summaries = SummaryPort.NONE;

    public ChartViewModel(ChartStore store, TaskExecutor tasks, String org, String patientId) {
        this(store, tasks, List.of(new PatientRef(org, patientId)), () -> new OrganizationNames(List.of()));
    }

    /**
     * A person's chart: {@code records} merged, first record first.
     *
     * @param orgNames gives the organizations' readable names (e.g. from the configured
     *                 organizations); blocking, called on the task executor
     */
    public ChartViewModel(ChartStore store, TaskExecutor tasks, List<PatientRef> records,
                          Supplier<? extends Function<String, String>> orgNames) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records");
        }
        this.store = store;
        this.tasks = tasks;
        this.records = List.copyOf(records);
        this.org = records.get(0).org();
        this.patientId = records.get(0).id();
        this.orgNames = orgNames;
    }

    private record Opened(ChartData data, OrgLegend legend, ReviewDiff review) {
    }

    /** The organizations' colours in every view (the worklist's legend's, issue 14); before {@link #load}. */
    public ChartViewModel withColours(OrgColours colours) {
        this.colours = colours;
        return this;
    }

    /** Marks and "Mark reviewed" through {@code port} (issue 17); before {@link #load}. */
    public ChartViewModel withReviews(ReviewPort port) {
        this.reviews = port;
        return this;
    }

    /** The referral summary, exported or printed (issue 17 section 4) through {@code port}; before {@link #load}. */
    public ChartViewModel withSummaries(SummaryPort port) {
        this.summaries = port == null ? SummaryPort.NONE : port;
        return this;
    }

    /** Where this chart's summary is made (NONE: the chart cannot export or print). */
    public SummaryPort summaries() {
        return summaries;
    }

    /**
     * The summary of this chart as the user sees it (FX thread): masked, unless the glass is broken
     * and {@code includeRestricted} (the document's "Include restricted records" ticked).
     */
    public SummaryPort.Request summaryRequest(boolean includeRestricted) {
        BrokenGlass g = glass.get();
        return new SummaryPort.Request(records, units, sensitive.inferSensitive(),
                includeRestricted && g != null ? g.reason() : null);
    }

    /** The glass broken for this chart: why and until when (null = until closed or locked). */
    public record BrokenGlass(BreakGlass reason, java.time.Instant until) {
    }

    /**
     * Where break-the-glass events are recorded and the restricted-record settings (call before
     * {@link #load}); without it nothing is recorded and the glass cannot be broken.
     */
    public void restrictions(AuditPort audit, SensitiveSettings settings) {
        this.audit = audit;
        this.sensitive = settings;
    }

    private Disclosure disclosure() {
        Disclosure d = new Disclosure(false, sensitive.inferSensitive());
        return glass.get() == null ? d : d.shown();
    }

    public void load(UnitSystem units) {
        this.units = units;
        loading.set(true);
        error.set(null);
        Disclosure disclosure = disclosure();
        tasks.submit(() -> {
            ChartData d = ChartQuery.openPerson(store, records, units, LocalDate.now(), disclosure);
            return new Opened(d, new OrgLegend(d.orgs(), orgNames.get(), colours),
                    ChartQuery.changesSince(store, records, reviews.reviewer(), disclosure));
        }, o -> {
            loading.set(false);
            legend = o.legend();
            review.set(o.review());
            readWith = disclosure;
            data.set(o.data());
            checkCompleteness();
        }, e -> {
            loading.set(false);
            error.set("This chart could not be read from the cache. Try syncing it again.");
        });
    }

    /**
     * Breaks the glass for this person (issue 18, decision 0701): records the event for each record
     * (reason, how many restricted records, their labels) on the task executor, then reads the
     * chart again with them shown, for the session or {@code breakGlassMinutes}. FX thread. Does
     * nothing when the chart has no restricted record or no audit log to record it in.
     */
    public void breakGlass(BreakGlass reason) {
        ChartData d = data.get();
        if (d == null || !d.restrictions().any() || audit == AuditPort.NONE) {
            return;
        }
        java.time.Instant until = sensitive.breakGlassMinutes() == 0 ? null
                : java.time.Instant.now().plusSeconds(60L * sensitive.breakGlassMinutes());
        String detail = reason.auditDetail(d.restrictions());
        UnitSystem u = units;
        Disclosure shown = new Disclosure(true, sensitive.inferSensitive());
        loading.set(true);
        tasks.submit(() -> {
            for (PatientRef r : records) {
                audit.record(AuditAction.BREAK_THE_GLASS, r.org(), r.id(), detail, "view:chart");
            }
            ChartData again = ChartQuery.openPerson(store, records, u, LocalDate.now(), shown);
            return new Opened(again, new OrgLegend(again.orgs(), orgNames.get(), colours),
                    ChartQuery.changesSince(store, records, reviews.reviewer(), shown));
        }, o -> {
            loading.set(false);
            legend = o.legend();
            review.set(o.review());
            glass.set(new BrokenGlass(reason, until));
            readWith = shown;
            data.set(o.data());
        }, e -> {
            loading.set(false);
            error.set("The restricted records could not be shown. Try again.");
        });
    }

    /** Ends a broken glass: the restricted records are hidden again (FX thread). */
    public void endGlass() {
        if (glass.get() != null) {
            glass.set(null);
            load(units);
        }
    }

    /** The glass broken for this chart, or null (FX thread). */
    public ReadOnlyObjectProperty<BrokenGlass> glassProperty() {
        return glass.getReadOnlyProperty();
    }

    public ObjectProperty<ChartData> dataProperty() {
        return data;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Records a review of this chart's records by the port's reviewer now (blocking part on the
     * task executor), then reads what is new again (nothing, until the next sync). FX thread.
     */
    public void markReviewed() {
        reviewMessage.set("Recording your review…");
        Disclosure disclosure = disclosure();
        tasks.submit(() -> {
            reviews.mark(records);
            return ChartQuery.changesSince(store, records, reviews.reviewer(), disclosure);
        }, d -> {
            reviewMessage.set("Marked reviewed by " + reviews.reviewer());
            review.set(d);
        }, e -> reviewMessage.set("The review could not be recorded: " + e.getMessage()));
    }

    /** What arrived or changed since the reviewer's last review (none before loading, or never reviewed). */
    public javafx.beans.property.ReadOnlyObjectProperty<ReviewDiff> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    /** The outcome of the last "Mark reviewed" in words ("" before). */
    public ReadOnlyStringProperty reviewMessageProperty() {
        return reviewMessage.getReadOnlyProperty();
    }

    /** The Reconcile tab's state over this chart's records and the review port (issue 17 section 3). */
    public ReconcileViewModel reconciliation() {
        return new ReconcileViewModel(tasks, reviews, records);
    }

    /** The reviewer in force (the name picked in Settings, else the OS user). */
    public String reviewer() {
        return reviews.reviewer();
    }

    /** Shows a chart already read with what is new since a review (screenshots, tests; FX thread). */
    public void show(ChartData d, Function<String, String> names, ReviewDiff diff) {
        review.set(diff == null ? ReviewDiff.none(null) : diff);
        show(d, names);
    }

    /** Shows a chart already read (screenshots, tests), its organizations named by {@code names} (FX thread). */
    public void show(ChartData d, Function<String, String> names) {
        legend = new OrgLegend(d.orgs(), names, colours);
        loading.set(false);
        data.set(d);
        checkCompleteness();
    }

    /**
     * Reads the completeness map (issue 17) off the FX thread: counts per type, the sync state and
     * the sign-ins (through {@link #fixes()}); the chart's line under the banner and its Completeness
     * tab show it. Called after each load and by the tab's "Check again".
     */
    public void checkCompleteness() {
        CompletenessFixes f = fixes;
        tasks.submit(() -> ChartQuery.completeness(store, records,
                        f.signIns(records.stream().map(PatientRef::org).distinct().toList()), orgNames.get(),
                        java.time.Instant.now(), java.time.ZoneId.systemDefault()),
                completeness::set, e -> { /* the tab keeps its last map; the chart itself is unaffected */ });
    }

    /** The completeness map of the chart shown, null until read (FX thread). */
    public javafx.beans.property.ReadOnlyObjectProperty<org.chartlens.domain.CompletenessMap> completenessProperty() {
        return completeness.getReadOnlyProperty();
    }

    /** Sign-ins and fixes for the Completeness tab; set before {@link #load} (FX thread). */
    public void setFixes(CompletenessFixes fixes) {
        this.fixes = fixes == null ? CompletenessFixes.NONE : fixes;
    }

    public CompletenessFixes fixes() {
        return fixes;
    }

    /**
     * The raw JSON of the resource {@code one} names, as the cache holds it now; empty when it is
     * no longer there. Blocking: the task executor only.
     */
    public java.util.Optional<String> resourceJson(org.chartlens.domain.Source one) {
        return ChartQuery.resourceJson(store, one, readWith);
    }

    /** The organizations' names and colours of the chart loaded (FX thread); NONE before. */
    public OrgLegend legend() {
        return legend;
    }

    /** The records this chart shows, first record first. */
    public List<PatientRef> records() {
        return records;
    }

    public String org() {
        return org;
    }

    public String patientId() {
        return patientId;
    }
}
