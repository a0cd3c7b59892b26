package org.chartlens.ui.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.chartlens.connect.Organization;
import org.chartlens.ui.Themes;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.lock.AutoLock;
import org.chartlens.ui.lock.UnlockView;
import org.chartlens.ui.worklist.WorklistRow;
import org.chartlens.ui.worklist.WorklistView;
import org.chartlens.ui.worklist.WorklistViewModel;

/**
 * The main window: a toolbar, the worklist (or the welcome screen when the cache is empty) and
 * one closable tab per open chart, the status area, and the lock screen on top when locked.
 * Every service call runs on the {@link TaskExecutor}. FX thread.
 */
public final class MainWindow extends StackPane {
    private final AppServices services;
    private final TaskExecutor tasks;
    private final BorderPane shell = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab home = new Tab("Worklist");
    private final StackPane homeContent = new StackPane();
    private final StatusBar status = new StatusBar();
    private final WorklistViewModel worklist;
    private final Map<String, Tab> charts = new LinkedHashMap<>();
    private final AutoLock autoLock;
    private AppServices.Settings settings;
    private UnlockView unlockView;
    private List<AppServices.PatientRef> reopenAfterUnlock = List.of();

    public MainWindow(AppServices services, TaskExecutor tasks, boolean startLocked) {
        this.services = services;
        this.tasks = tasks;
        this.settings = services.settings();
        setId("main-window");
        worklist = new WorklistViewModel(services::store, tasks);
        autoLock = new AutoLock(Duration.ofMinutes(settings.autoLockMinutes()), () -> lock(
                "Locked after " + settings.autoLockMinutes() + " minutes without activity."), System::nanoTime);

        Label brand = new Label("ChartLens");
        brand.getStyleClass().add("card-title");
        Button worklistBtn = button("Worklist", "Ctrl+1", () -> tabs.getSelectionModel().select(home));
        Button orgs = button("Organizations", "Ctrl+2", () -> openPanel("Organizations",
                () -> new OrganizationsView(services, tasks, this::sync)));
        Button add = button("Add organization", null, this::showWelcome);
        Button settingsBtn = button("Settings", "Ctrl+,", () -> openPanel("Settings",
                () -> new SettingsView(settings, this::saveSettings)));
        Button help = button("Help", "F1", () -> openPanel("Help", () -> new HelpView(services.dataDirectory())));
        Button lock = button("Lock", "Ctrl+L", () -> lock("Locked by you."));
        lock.setId("lock-button");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, brand, grow, worklistBtn, orgs, add, settingsBtn, help, lock);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("patient-banner");

        home.setClosable(false);
        home.setContent(homeContent);
        home.setId("tab-worklist");
        tabs.getTabs().add(home);
        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        WorklistView wl = new WorklistView(worklist, r -> openChart(r.org(), r.id(), r.summary().name()),
                r -> sync(r.org(), r.id()), this::syncAll);
        homeContent.getChildren().add(wl);
        worklist.rows().addListener((javafx.collections.ListChangeListener<WorklistRow>) c -> {
            if (worklist.total() == 0 && worklist.searchProperty().get().isEmpty()) {
                showWelcome();
            }
        });

        shell.setTop(bar);
        shell.setCenter(tabs);
        shell.setBottom(status);
        getChildren().add(shell);

        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installKeys(scene);
                autoLock.attach(scene);
            }
        });
        if (startLocked) {
            lock(services.passphraseIsNew()
                    ? "Choose a passphrase (at least 8 characters) to protect the charts ChartLens keeps on this "
                      + "computer. You will type it each time ChartLens starts or unlocks; if it is lost, "
                      + "sign in to your organizations again."
                    : "Enter your passphrase to open your charts.");
        } else {
            worklist.refresh();
        }
    }

    private Button button(String text, String key, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        if (key != null) {
            b.setTooltip(new Tooltip(key));
        }
        b.getStyleClass().add("flat");
        return b;
    }

    private void installKeys(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> lock("Locked by you."));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (t != null && t != home) {
                tabs.getTabs().remove(t);
                charts.values().remove(t);
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            tabs.getSelectionModel().select(home);
            Node n = lookup("#worklist-search");
            if (n != null) {
                n.requestFocus();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(home));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> openPanel("Help",
                () -> new HelpView(services.dataDirectory())));
    }

    /** Opens (or focuses) a patient's chart in its own tab. */
    public ChartView openChart(String org, String id, String title) {
        String key = org + ":" + id;
        Tab existing = charts.get(key);
        if (existing != null) {
            tabs.getSelectionModel().select(existing);
            return (ChartView) existing.getContent();
        }
        ChartViewModel vm = new ChartViewModel(services.store(), tasks, org, id);
        ChartView view = new ChartView(vm, tasks, services::openExternally, settings.darkTheme());
        Tab t = new Tab(title == null ? id : shortName(title), view);
        t.setId("chart-" + key);
        t.setTooltip(new Tooltip((title == null ? id : title) + " · " + org));
        t.setOnClosed(e -> charts.remove(key));
        charts.put(key, t);
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
        vm.dataProperty().addListener((o, a, d) -> {
            if (d != null) {
                t.setText(shortName(d.model().patient().name()));
                status.info("Opened chart in " + d.buildMillis() + " ms");
            }
        });
        vm.load(settings.units());
        return view;
    }

    static String shortName(String name) {
        return name.length() > 28 ? name.substring(0, 27) + "…" : name;
    }

    private void openPanel(String title, java.util.function.Supplier<Node> content) {
        for (Tab t : tabs.getTabs()) {
            if (title.equals(t.getText())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        Tab t = new Tab(title, content.get());
        t.setId("panel-" + title.toLowerCase());
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
    }

    /** The first-run screen, inside the worklist tab. */
    public void showWelcome() {
        tabs.getSelectionModel().select(home);
        tasks.submit(services::presets, presets -> {
            WelcomeView w = new WelcomeView(presets, this::openDemo, this::addOrganization);
            Button back = new Button("Back to the worklist");
            back.setOnAction(e -> homeContent.getChildren().remove(homeContent.getChildren().size() - 1));
            if (worklist.total() > 0) {
                w.getChildren().add(back);
            }
            javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(w);
            sp.setFitToWidth(true);
            sp.setId("welcome-scroll");
            // opaque, in the theme's colours: the worklist underneath must not show through
            sp.setStyle("-fx-background: -color-bg-default; -fx-background-color: -color-bg-default;");
            if (homeContent.getChildren().size() > 1) {
                homeContent.getChildren().remove(1, homeContent.getChildren().size());
            }
            homeContent.getChildren().add(sp);
        }, e -> status.error("The organization presets could not be read."));
    }

    private void hideWelcome() {
        if (homeContent.getChildren().size() > 1) {
            homeContent.getChildren().remove(1, homeContent.getChildren().size());
        }
    }

    private void openDemo() {
        AppServices.SyncListener l = status.listener(() -> { });
        tasks.submit(() -> services.openDemo(l), ref -> {
            hideWelcome();
            worklist.refresh();
            openChart(ref.org(), ref.id(), null);
        }, e -> {
            String why = e.getMessage() == null ? "unknown reason" : e.getMessage();
            status.error("The demo organization could not be opened: " + why);
            homeContent.getChildren().stream().filter(n -> n instanceof javafx.scene.control.ScrollPane)
                    .map(n -> ((javafx.scene.control.ScrollPane) n).getContent())
                    .filter(n -> n instanceof WelcomeView).findFirst()
                    .ifPresent(n -> ((WelcomeView) n).failed("Could not open the demo: " + why));
        });
    }

    private void addOrganization(Organization org) {
        tasks.submit(() -> services.saveOrganization(org), saved -> {
            status.info("Added " + saved.name() + ". Sign in from Organizations.");
            hideWelcome();
            openPanel("Organizations", () -> new OrganizationsView(services, tasks, this::sync));
        }, e -> status.error("The organization could not be saved."));
    }

    private void sync(String org) {
        sync(org, null);
    }

    private void sync(String org, String patientId) {
        status.error(null);
        AppServices.SyncListener l = status.listener(worklist::refresh);
        tasks.submit(() -> services.startSync(org, patientId, l), status::running,
                e -> status.error("Sync could not start: " + (e.getMessage() == null ? "unknown reason" : e.getMessage())));
    }

    private void syncAll() {
        tasks.submit(services::organizations, orgs -> orgs.forEach(o -> sync(o.id())),
                e -> status.error("Organizations could not be read."));
    }

    private void saveSettings(AppServices.Settings s) {
        boolean themeChanged = s.darkTheme() != settings.darkTheme();
        settings = s;
        autoLock.setIdle(Duration.ofMinutes(s.autoLockMinutes()));
        if (themeChanged) {
            Themes.apply(s.darkTheme());
        }
        tasks.submit(() -> {
            services.saveSettings(s);
            return true;
        }, ok -> status.info("Settings saved. Reopen a chart to apply new units."),
                e -> status.error("Settings could not be saved."));
    }

    /** Hides every chart, drops keys and tokens, shows the unlock screen. */
    public void lock(String reason) {
        if (unlockView != null) {
            return;
        }
        List<AppServices.PatientRef> open = new ArrayList<>();
        for (String key : charts.keySet()) {
            int c = key.indexOf(':');
            open.add(new AppServices.PatientRef(key.substring(0, c), key.substring(c + 1)));
        }
        reopenAfterUnlock = open;
        tabs.getTabs().removeAll(charts.values());
        charts.clear();
        tabs.getTabs().removeIf(t -> t != home);
        worklist.searchProperty().set("");
        shell.setVisible(false);
        try {
            services.lock();
        } catch (RuntimeException e) {
            status.error("Could not drop keys cleanly; close ChartLens to be safe.");
        }
        unlockView = new UnlockView(reason, services.hasPassphrase(), services.passphraseIsNew(), this::tryUnlock);
        getChildren().add(unlockView);
        unlockView.focus();
    }

    private void tryUnlock(char[] pass) {
        tasks.submit(() -> {
            try {
                return services.unlock(pass);
            } finally {
                java.util.Arrays.fill(pass, '\0');
            }
        }, ok -> {
            if (!ok) {
                unlockView.failed(services.passphraseIsNew()
                        ? "Choose a passphrase of at least 8 characters."
                        : "That passphrase is not right. Try again.");
                return;
            }
            getChildren().remove(unlockView);
            unlockView = null;
            shell.setVisible(true);
            autoLock.unlocked();
            worklist.refresh();
            for (AppServices.PatientRef r : reopenAfterUnlock) {
                openChart(r.org(), r.id(), null);
            }
            reopenAfterUnlock = List.of();
        }, e -> unlockView.failed("Unlocking failed: the key store could not be read."));
    }

    public boolean isLocked() {
        return unlockView != null;
    }

    public AutoLock autoLock() {
        return autoLock;
    }

    public WorklistViewModel worklist() {
        return worklist;
    }

    public TabPane tabs() {
        return tabs;
    }

    public StatusBar status() {
        return status;
    }
}
