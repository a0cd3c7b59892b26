package org.chartlens.ui.shell;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.RawJsonDialog;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.common.Themes;
import org.chartlens.ui.lock.AutoLock;
import org.chartlens.ui.lock.UnlockView;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.Settings;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.worklist.FindView;
import org.chartlens.ui.worklist.HomeArea;
import org.chartlens.ui.worklist.WorklistView;
import org.chartlens.ui.worklist.WorklistViewModel;

/**
 * The main window, showing a {@link MainViewModel}: a toolbar, the worklist (with the welcome
 * screen over it when the cache is empty) and one closable tab per open chart, the status area,
 * and the lock screen on top when locked. Every port call runs on the {@link TaskExecutor}.
 * FX thread.
 */
public final class MainWindow extends StackPane {
    private final MainViewModel vm;
    private final TaskExecutor tasks;
    private final BorderPane shell = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab home = new Tab("Worklist");
    private final StackPane homeContent = new StackPane();
    /** The worklist or the referral list (issue 17) in the home tab. */
    private HomeArea homeArea;
    private final StatusBar status;
    private final Map<PatientRef, Tab> charts = new LinkedHashMap<>();
    private final Map<PatientRef, String> titles = new LinkedHashMap<>();
    private final AutoLock autoLock;
    /** Built on first use (start-up builds only what the first frame shows). */
    private UnlockView unlockView;
    private ScrollPane welcome;
    private final Button back = new Button("Back to the worklist");
    private final Shortcuts keys = new Shortcuts();
    /** How each panel tab is opened again, by tab id. */
    private final Map<String, Runnable> panels = new LinkedHashMap<>();
    private final TabMemory beforeLock = new TabMemory(tabs, panels);

    /** Set while the start's reads wait for {@link #startReads()}. */
    private boolean readsPending;

    public MainWindow(ShellPorts ports, TaskExecutor tasks, boolean startLocked) {
        this(new MainViewModel(ports, tasks, Platform::runLater), tasks, startLocked, false);
    }

    /**
     * @param deferReads when true and not locked, the start's reads (worklist, organizations, the
     *                   audit check: opening the secrets and the cache) wait for
     *                   {@link #startReads()}, which the app calls once its first frame is drawn
     */
    public MainWindow(ShellPorts ports, TaskExecutor tasks, boolean startLocked, boolean deferReads) {
        this(new MainViewModel(ports, tasks, Platform::runLater), tasks, startLocked, deferReads);
    }

    public MainWindow(MainViewModel vm, TaskExecutor tasks, boolean startLocked) {
        this(vm, tasks, startLocked, false);
    }

    private MainWindow(MainViewModel vm, TaskExecutor tasks, boolean startLocked, boolean deferReads) {
        this.vm = vm;
        this.tasks = tasks;
        setId("main-window");
        status = new StatusBar(vm.status());
        autoLock = new AutoLock(Duration.ofMinutes(settings().autoLockMinutes()), () -> vm.lock().lock(
                "Locked after " + settings().autoLockMinutes() + " minutes without activity."), System::nanoTime);
        vm.settings().settingsProperty().addListener((o, was, now) -> applySettings(was, now));

        home.setClosable(false);
        home.setContent(homeContent);
        home.setId("tab-worklist");
        tabs.getTabs().add(home);
        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        WorklistView worklist = new WorklistView(vm.worklist(), r -> openPerson(r.refs(), r.summary().name()),
                r -> r.refs().forEach(x -> vm.status().sync(x.org(), x.id())), vm.status()::syncAll);
        worklist.setOnReviewMatches(r -> reviewMatches(r == null ? null : r.refs()));
        worklist.setOnUnlink((r, ref) -> vm.unlink(ref, "view:worklist"));
        vm.status().setOnReviewMatches(() -> reviewMatches(null));
        worklist.setOnFind(this::openFind);
        homeArea = HomeArea.withReferrals(worklist, vm.worklist().referrals(), refs -> openPerson(refs, null));
        homeContent.getChildren().add(homeArea);
        vm.welcomeShownProperty().addListener((o, was, shown) -> showWelcome(shown));
        // the first run is a welcome, not an empty worklist
        home.textProperty().bind(javafx.beans.binding.Bindings.when(vm.welcomeShownProperty())
                .then("Welcome").otherwise("Worklist"));
        vm.setOnOrganizationAdded(this::openOrganizations);
        vm.welcome().setOnAddAddress((url, clientId) -> {
            vm.hideWelcome();
            openOrganizations().add(url, clientId);
        });
        vm.charts().addListener(this::chartsChanged);

        shell.setTop(toolbar());
        shell.setCenter(tabs);
        shell.setBottom(status);
        getChildren().add(shell);
        vm.lock().lockedProperty().addListener((o, was, locked) -> showLocked(locked));

        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installKeys(scene);
                autoLock.attach(scene);
            }
        });
        if (startLocked || !deferReads) {
            vm.start(startLocked);
        } else {
            readsPending = true;
        }
    }

    /**
     * Starts the reads a deferred start left waiting (once; nothing when there are none, or when
     * the window was locked meanwhile: unlocking reads everything).
     */
    public void startReads() {
        if (readsPending) {
            readsPending = false;
            if (!vm.lock().lockedProperty().get()) {
                vm.start(false);
            }
        }
    }

    private Settings settings() {
        return vm.settings().settings();
    }

    private HBox toolbar() {
        Label brand = new Label("ChartLens");
        brand.getStyleClass().add("card-title");
        Button worklistBtn = button("Worklist", "Ctrl+1", this::showWorklist);
        Button orgs = button("Organizations", "Ctrl+2", this::openOrganizations);
        Button add = button("Add organization", null, this::showWelcome);
        Button settingsBtn = button("Settings", "Ctrl+,", this::openSettings);
        Button help = button("Help", "F1", this::openHelp);
        Button lock = button("Lock", "Ctrl+L", () -> lock("Locked by you."));
        lock.setId("lock-button");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, brand, grow, worklistBtn, orgs, add, settingsBtn, help, lock);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("patient-banner");
        return bar;
    }

    private static Button button(String text, String key, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        if (key != null) {
            b.setTooltip(new Tooltip(key));
        }
        b.getStyleClass().add("flat");
        return b;
    }

    /** The window's shortcuts ({@link Shortcuts}), caught before any control sees the key. */
    private void installKeys(Scene scene) {
        keys.bind(Shortcuts.NEXT_TAB, () -> tabs.getSelectionModel().select(
                (tabs.getSelectionModel().getSelectedIndex() + 1) % tabs.getTabs().size()));
        keys.bind(Shortcuts.PREVIOUS_TAB, () -> tabs.getSelectionModel().select(
                (tabs.getSelectionModel().getSelectedIndex() + tabs.getTabs().size() - 1) % tabs.getTabs().size()));
        keys.bind(Shortcuts.WORKLIST, this::showWorklist);
        keys.bind(Shortcuts.ORGANIZATIONS, this::openOrganizations);
        keys.bind(Shortcuts.SETTINGS, this::openSettings);
        keys.bind(Shortcuts.HELP, this::openHelp);
        keys.bind(Shortcuts.SEARCH, () -> {
            showWorklist();
            Node n = lookup("#worklist-search");
            if (n != null) {
                n.requestFocus();
            }
        });
        keys.bind(Shortcuts.FIND, this::openFind);
        keys.bind(Shortcuts.CLOSE_TAB, () -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (t != null && t != home) {
                tabs.getTabs().remove(t);
                charts.entrySet().stream().filter(e -> e.getValue() == t).map(Map.Entry::getKey)
                        .findFirst().ifPresent(vm::close);
            }
        });
        keys.bind(Shortcuts.LOCK, () -> lock("Locked by you."));
        keys.bind(Shortcuts.EXPORT_PDF, () -> selectedChart().ifPresent(ChartView::exportPdf));
        keys.bind(Shortcuts.PRINT, () -> selectedChart().ifPresent(ChartView::print));
        keys.bind(Shortcuts.CHART_TAB, i -> selectedChart().ifPresent(c -> c.select(ChartView.TAB_NAMES.get(i))));
        keys.bind(Shortcuts.CHART_NEXT, () -> selectedChart().ifPresent(c -> c.tabs().getSelectionModel().selectNext()));
        keys.bind(Shortcuts.CHART_PREVIOUS, () -> selectedChart().ifPresent(
                c -> c.tabs().getSelectionModel().selectPrevious()));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    }

    /** The first tab, the worklist (the welcome screen when there is nothing behind it). */
    private void showWorklist() {
        vm.hideWelcomeIfItCanBeLeft();
        homeArea.showWorklist();
        tabs.getSelectionModel().select(home);
    }

    private java.util.Optional<ChartView> selectedChart() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t != null && t.getContent() instanceof ChartView c ? java.util.Optional.of(c) : java.util.Optional.empty();
    }

    /** Opens (or focuses) a patient's chart in its own tab; {@code title} null shows the id until the chart loads. */
    public ChartView openChart(String org, String id, String title) {
        return openPerson(java.util.List.of(new PatientRef(org, id)), title);
    }

    /** Opens (or focuses) a person's chart: its linked records merged in one tab (issue 14). */
    public ChartView openPerson(java.util.List<PatientRef> records, String title) {
        PatientRef ref = records.get(0);
        if (title != null) {
            titles.put(ref, title);
        }
        vm.openPerson(records);
        Tab t = charts.get(ref);
        tabs.getSelectionModel().select(t);
        return (ChartView) t.getContent();
    }

    private void chartsChanged(ListChangeListener.Change<? extends PatientRef> c) {
        if (vm.lock().isLocked()) {
            beforeLock.remember(); // the view model closes the charts as it locks, before the lock screen shows
        }
        while (c.next()) {
            for (PatientRef r : c.getRemoved()) {
                Tab t = charts.remove(r);
                titles.remove(r);
                tabs.getTabs().remove(t);
            }
            for (PatientRef r : c.getAddedSubList()) {
                tabs.getSelectionModel().select(chartTab(r));
            }
        }
    }

    private Tab chartTab(PatientRef ref) {
        String key = ref.org() + ":" + ref.id();
        String title = titles.get(ref);
        ChartViewModel chart = vm.chart(ref);
        ChartView view = new ChartView(chart, tasks, vm.viewer()::openExternally, settings().darkTheme());
        view.addEventHandler(RawJsonDialog.Viewed.TYPE, e -> vm.rawJsonViewed(ref, e.source()));
        view.addEventHandler(org.chartlens.ui.chart.UnlinkRequested.TYPE, e -> vm.unlink(e.record(), "view:chart"));
        view.addEventHandler(org.chartlens.ui.chart.DocumentsTab.OpenedOutside.TYPE,
                e -> vm.documentOpenedOutside(ref, e.source(), e.contentType()));
        // until the chart is read, its patient's name if known: never a bare FHIR id
        Tab t = new Tab(title == null ? "Opening chart…" : shortName(title), view);
        t.setId("chart-" + key);
        t.setTooltip(new Tooltip((title == null ? "Chart" : title) + " · " + ref.org()));
        t.setOnClosed(e -> vm.close(ref));
        charts.put(ref, t);
        tabs.getTabs().add(t);
        chart.dataProperty().addListener((o, a, d) -> {
            if (d != null) {
                t.setText(shortName(d.model().patient().name()));
                t.setTooltip(new Tooltip(d.model().patient().name() + " · " + ref.org()));
                vm.status().info("Opened chart in " + d.buildMillis() + " ms");
            }
        });
        chart.load(settings().units());
        return t;
    }

    /** The candidate dialog (issue 14): the proposals of a person's records, or every one (null). */
    public javafx.stage.Stage reviewMatches(java.util.List<PatientRef> records) {
        org.chartlens.ui.persons.CandidatesViewModel c = vm.candidates();
        javafx.stage.Stage s = org.chartlens.ui.persons.CandidatesDialog.open(getScene() == null ? null
                : getScene().getWindow(), c, vm.worklist()::legend);
        c.load(records);
        return s;
    }

    static String shortName(String name) {
        return name.length() > 28 ? name.substring(0, 27) + "…" : name;
    }

    private Node openPanel(String title, Supplier<Node> content) {
        for (Tab t : tabs.getTabs()) {
            if (title.equals(t.getText())) {
                tabs.getSelectionModel().select(t);
                return t.getContent();
            }
        }
        Tab t = new Tab(title, content.get());
        t.setId(panelId(title));
        panels.put(t.getId(), () -> openPanel(title, content));
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
        return t.getContent();
    }

    static String panelId(String title) {
        return "panel-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** Opens (or focuses) the Organizations panel. */
    public OrganizationsView openOrganizations() {
        return (OrganizationsView) openPanel("Organizations", () -> new OrganizationsView(vm.organizations()));
    }

    /** Opens (or focuses) the Find a patient panel, the caret in its name field. */
    public FindView openFind() {
        FindView f = (FindView) openPanel("Find a patient", () -> new FindView(vm.find()));
        vm.find().refreshOrganizations();
        f.focusName();
        return f;
    }

    private void openSettings() {
        openPanel("Settings", () -> new SettingsView(vm.settings(), this::openAudit));
    }

    /** The Audit view (from Settings): who looked at which chart. */
    public void openAudit() {
        openPanel("Audit log", () -> new AuditView(vm.audit()));
    }

    private void openHelp() {
        openPanel("Help", () -> new HelpView(vm.settings().dataDirectory()));
    }

    /** The first-run screen, over the worklist in its tab. */
    public void showWelcome() {
        tabs.getSelectionModel().select(home);
        vm.showWelcome();
    }

    private ScrollPane welcome() {
        WelcomeView w = new WelcomeView(vm.welcome());
        back.setOnAction(e -> vm.hideWelcome());
        back.managedProperty().bind(back.visibleProperty());
        w.getChildren().add(back);
        ScrollPane sp = new ScrollPane(w);
        sp.setFitToWidth(true);
        sp.setId("welcome-scroll");
        sp.getStyleClass().add("welcome-scroll"); // the theme's background below a short welcome screen too
        // opaque, in the theme's colours: the worklist underneath must not show through
        sp.setStyle("-fx-background: -color-bg-default; -fx-background-color: -color-bg-default;");
        return sp;
    }

    private void showWelcome(boolean shown) {
        if (welcome == null && shown) {
            welcome = welcome();
        }
        homeContent.getChildren().remove(welcome);
        if (shown) {
            back.setVisible(vm.welcomeCanBeLeft());
            homeContent.getChildren().add(welcome);
            tabs.getSelectionModel().select(home);
        }
    }

    private void applySettings(Settings was, Settings now) {
        autoLock.setIdle(Duration.ofMinutes(now.autoLockMinutes()));
        if (was.darkTheme() != now.darkTheme()) {
            Themes.apply(now.darkTheme());
        }
    }

    /** Hides every chart, drops keys and tokens, shows the unlock screen. */
    public void lock(String reason) {
        vm.lock().lock(reason);
    }

    private void showLocked(boolean locked) {
        if (unlockView == null) {
            unlockView = new UnlockView(vm.lock());
            unlockView.setVisible(false);
            getChildren().add(unlockView);
        }
        keys.setEnabled(!locked);
        if (locked) {
            beforeLock.remember();
            tabs.getTabs().removeIf(t -> t != home);
            shell.setVisible(false);
            unlockView.setVisible(true);
            unlockView.focus();
        } else {
            beforeLock.restore();
            unlockView.setVisible(false);
            shell.setVisible(true);
            autoLock.unlocked();
        }
    }

    public boolean isLocked() {
        return vm.lock().isLocked();
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public AutoLock autoLock() {
        return autoLock;
    }

    public WorklistViewModel worklist() {
        return vm.worklist();
    }

    public TabPane tabs() {
        return tabs;
    }

    public StatusBar status() {
        return status;
    }
}
