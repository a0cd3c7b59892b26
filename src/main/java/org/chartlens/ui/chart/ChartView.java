package org.chartlens.ui.chart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.chartlens.clinical.ChartData;
import org.chartlens.domain.ChartModel;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.common.RawJsonDialog;
import org.chartlens.ui.common.ReviewBadges;
import org.chartlens.ui.common.TaskExecutor;

/**
 * One patient's chart: the banner and the tabs. Shows a progress indicator while the model is
 * built off the FX thread and a plain message if it fails. FX thread.
 */
public final class ChartView extends BorderPane {
    /** Tab names as the screenshot command and keyboard shortcuts know them, in order. */
    public static final List<String> TAB_NAMES = List.of("summary", "timeline", "problems", "vitals",
            "labs", "medications", "allergies", "immunizations", "encounters", "documents", "claims", "completeness",
            "reconcile");

    private final ChartViewModel vm;
    private final TaskExecutor tasks;
    private final Consumer<Path> openOutside;
    private final boolean dark;
    private final TabPane tabs = new TabPane();
    private final Label gaps = new Label();
    private final Map<String, Tab> byName = new LinkedHashMap<>();
    private final Map<String, Node> content = new LinkedHashMap<>();
    /** Export PDF… and Print… of the referral summary (issues 17, 18). */
    private final SummaryActions summary;
    /** Counts charts shown, so a deferred build for an earlier chart does nothing. */
    private long shown;

    public ChartView(ChartViewModel vm, TaskExecutor tasks, Consumer<Path> openOutside, boolean dark) {
        this.vm = vm;
        this.tasks = tasks;
        this.openOutside = openOutside;
        this.dark = dark;
        this.summary = new SummaryActions(vm, tasks, javafx.application.Platform::runLater, this, openOutside);
        // "raw JSON and source" from any row, item or point of this chart reads the cache through vm
        RawJsonDialog.readFrom(this, new RawJsonDialog.Reader(tasks, vm::resourceJson));
        getStyleClass().add("chart-view");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("chart-tabs");
        ProgressIndicator p = new ProgressIndicator();
        p.setMaxSize(60, 60);
        setCenter(p);
        // the completeness map's one line under the banner (issue 17), once read; nothing when complete
        gaps.setId("completeness-line");
        gaps.getStyleClass().add("completeness-line");
        gaps.setMaxWidth(Double.MAX_VALUE);
        gapsLine(vm.completenessProperty().get());
        vm.completenessProperty().addListener((o, a, c) -> gapsLine(c));
        vm.dataProperty().addListener((o, a, d) -> show(d));
        // a new review (Mark reviewed) re-marks every tab; the tab shown stays shown
        vm.reviewProperty().addListener((o, a, r) -> {
            if (vm.dataProperty().get() != null) {
                Tab was = tabs.getSelectionModel().getSelectedItem();
                String name = was == null ? null : (String) was.getUserData();
                show(vm.dataProperty().get());
                if (name != null) {
                    select(name);
                }
            }
        });
        vm.errorProperty().addListener((o, a, e) -> {
            if (e != null) {
                Label l = new Label(e);
                l.getStyleClass().add("error-state");
                setCenter(l);
            }
        });
        if (vm.dataProperty().get() != null) {
            show(vm.dataProperty().get());
        }
    }

    private void gapsLine(org.chartlens.domain.CompletenessMap c) {
        boolean show = c != null && c.attention();
        gaps.setText(show ? "⚠ " + c.summary() + " (see Completeness)" : "");
        gaps.setVisible(show);
        gaps.setManaged(show);
    }

    /** The completeness map's one line under the banner (tests). */
    public Label completenessLine() {
        return gaps;
    }

    public ChartViewModel viewModel() {
        return vm;
    }

    /** Export PDF… (Ctrl+E): the referral summary of this chart as the user sees it. */
    public void exportPdf() {
        summary.exportPdf();
    }

    /** Print… (Ctrl+P): the referral summary through the system's print dialog. */
    public void print() {
        summary.print();
    }

    /** The chart's export and print actions (tests replace the dialogs and the printer). */
    public SummaryActions summaryActions() {
        return summary;
    }

    private void show(ChartData d) {
        if (d == null) {
            return;
        }
        ChartModel m = d.model();
        OrgLegend legend = vm.legend();
        Node banner = OrgLegend.building(legend, () -> new PatientBanner(d));
        Node strip = RestrictedStrip.strip(d, vm.glassProperty().get(), legend::name,
                () -> BreakGlassDialog.ask(this, d.restrictions().count()).ifPresent(vm::breakGlass), vm::endGlass);
        ReviewStrip review = new ReviewStrip(vm);
        review.getChildren().addAll(summary.buttons());
        setTop(strip == null ? new VBox(banner, review, summary.strip(), gaps)
                : new VBox(banner, strip, review, summary.strip(), gaps));
        glassTimer(vm.glassProperty().get());
        tabs.getTabs().clear();
        byName.clear();
        builders.clear();
        content.clear();
        // Each tab's view is built the first time it is shown: opening a long chart builds only
        // the summary; the models for every tab are already complete.
        add("summary", "Summary", () -> new SummaryTab(m));
        add("timeline", "Timeline", () -> {
            TimelineView tl = new TimelineView(m.timeline());
            tl.setDark(dark);
            return tl;
        });
        add("problems", "Problems (" + m.problems().active().size() + ")", () -> TableTabs.problems(m.problems()));
        add("vitals", "Vitals", () -> new VitalsTab(m.vitals(), dark, m.patient().birthDate().instant() == null ? null
                : m.patient().birthDate().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate(), m.patient().sex()));
        add("labs", "Labs", () -> new LabsTab(m.labs(), dark));
        add("medications", "Medications", () -> TableTabs.medicationGroups(m.medicationGroups()));
        add("allergies", "Allergies (" + m.allergies().size() + ")", () -> TableTabs.allergies(m.allergies()));
        add("immunizations", "Immunizations", () -> TableTabs.immunizations(m.immunizations()));
        add("encounters", "Encounters", () -> TableTabs.encounters(m.encounters()));
        add("documents", "Documents", () -> new DocumentsTab(m.documents(), tasks, vm::resourceJson, openOutside, dark));
        add("claims", "Coverage & claims", () -> TableTabs.claims(m.coverage(), m.claims()));
        add("completeness", "Completeness", () -> new CompletenessTab(vm.completenessProperty(), vm.fixes(),
                vm::checkCompleteness));
        add("reconcile", "Reconcile", () -> {
            ReconcileViewModel rvm = vm.reconciliation();
            ReconcileTab tab = new ReconcileTab(rvm, legend::name);
            rvm.load(d);
            return tab;
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                ensureBuilt(t);
            }
        });
        // The first tab's view is built on the next turn of the event loop rather than now: a tab
        // chosen before then (a shortcut, the screenshot command) is the only one built, so going
        // straight to Vitals does not also pay for the Summary's nodes, CSS and layout. Screen
        // readers and pulses see the content at the latest one frame later.
        long generation = ++shown;
        javafx.application.Platform.runLater(() -> {
            if (generation == shown) {
                ensureBuilt(tabs.getSelectionModel().getSelectedItem());
            }
        });
        if (!m.warnings().isEmpty()) {
            Label w = new Label(String.join("  ", m.warnings()));
            w.getStyleClass().add("warning-strip");
            w.setMaxWidth(Double.MAX_VALUE);
            w.setPadding(new Insets(4, 12, 4, 12));
            setCenter(new VBox(w, tabs));
            VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
        } else {
            setCenter(tabs);
        }
    }

    private final Map<Tab, java.util.function.Supplier<Node>> builders = new java.util.HashMap<>();

    /** Ends a glass broken for N minutes when they are up (issue 18). */
    private void glassTimer(ChartViewModel.BrokenGlass glass) {
        if (glassTimer != null) {
            glassTimer.stop();
            glassTimer = null;
        }
        if (glass != null && glass.until() != null) {
            long ms = Math.max(0, java.time.Duration.between(java.time.Instant.now(), glass.until()).toMillis());
            glassTimer = new javafx.animation.PauseTransition(javafx.util.Duration.millis(ms));
            glassTimer.setOnFinished(e -> vm.endGlass());
            glassTimer.play();
        }
    }

    private javafx.animation.PauseTransition glassTimer;

    private void add(String name, String title, java.util.function.Supplier<Node> build0) {
        ChartData d = vm.dataProperty().get();
        java.util.function.Supplier<Node> build = d == null || !d.restrictions().any() ? build0
                : () -> RestrictedStrip.tab(name, org.chartlens.ui.common.RestrictedRows.building(d.restrictions(), build0),
                        d, vm.legend()::name);
        Tab t = new Tab(title);
        t.setId("tab-" + name);
        t.setUserData(name);
        tabs.getTabs().add(t);
        byName.put(name, t);
        builders.put(t, build);
    }

    private Node ensureBuilt(Tab t) {
        if (t == null) {
            return null;
        }
        java.util.function.Supplier<Node> b = builders.remove(t);
        if (b != null) {
            Node n = ReviewBadges.building(vm.reviewProperty().get(), () -> OrgLegend.building(vm.legend(), b::get));
            t.setContent(n);
            content.put((String) t.getUserData(), n);
        }
        return t.getContent();
    }

    /** Selects a tab by its name (see {@link #TAB_NAMES}); false when unknown or not loaded. */
    public boolean select(String name) {
        Tab t = byName.get(name);
        if (t == null) {
            return false;
        }
        tabs.getSelectionModel().select(t);
        ensureBuilt(t); // selecting the tab that is already selected fires no change
        return true;
    }

    /** The content node of a tab (for tests and screenshots). */
    public Node tabContent(String name) {
        Tab t = byName.get(name);
        return t == null ? null : ensureBuilt(t);
    }

    public TabPane tabs() {
        return tabs;
    }
}
