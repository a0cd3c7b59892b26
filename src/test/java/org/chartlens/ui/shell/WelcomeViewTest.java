package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.OrganizationPreset;
import org.chartlens.ui.Screenshots;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.RecordingOrganizations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The welcome screen's organization presets, with the real shipped presets, headless. */
class WelcomeViewTest {
    static List<Organization> presets;
    static List<Organization> added = new ArrayList<>();

    /** A welcome view over its view model, the presets read and every add recorded in {@link #added}. FX thread. */
    static WelcomeView view() {
        RecordingOrganizations orgs = new RecordingOrganizations(List.of(), presets) {
            @Override
            public Organization saveOrganization(Organization org) {
                added.add(org);
                return org;
            }
        };
        SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
        StatusViewModel status = new StatusViewModel((o, p, l) -> () -> { }, orgs, tasks, Runnable::run);
        WelcomeViewModel vm = new WelcomeViewModel(orgs, l -> {
            throw new IllegalStateException("no demo here");
        }, tasks, status);
        vm.load(() -> { });
        return new WelcomeView(vm);
    }

    @BeforeAll
    static void setUp() throws Exception {
        Fx.stage();
        presets = OrganizationDirectory.loadPresets().values().stream().map(OrganizationPreset::organization).toList();
    }

    /** The welcome screen as MainWindow shows it: in a scroll pane that fits its width. */
    static WelcomeView show() throws Exception {
        added.clear();
        WelcomeView w = Fx.call(WelcomeViewTest::view);
        Fx.show(Fx.call(() -> {
            ScrollPane sp = new ScrollPane(w);
            sp.setFitToWidth(true);
            return sp;
        }));
        return w;
    }

    @SuppressWarnings("unchecked")
    static ListView<Organization> list(WelcomeView w) throws Exception {
        return (ListView<Organization>) Fx.call(() -> w.lookup("#welcome-presets"));
    }

    static boolean horizontalBarShown(ListView<?> list) throws Exception {
        return Fx.call(() -> list.lookupAll(".scroll-bar").stream().map(n -> (ScrollBar) n)
                .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()));
    }

    @Test
    void descriptionsWrapWithinTheListAndItNeverScrollsSideways() throws Exception {
        WelcomeView w = show();
        ListView<Organization> list = list(w);
        assertTrue(Fx.call(() -> list.getItems().size()) >= 3, "the shipped presets are listed");
        assertFalse(horizontalBarShown(list), "no horizontal scroll bar at the default width");

        // The longest description is on screen in several lines, each within the list.
        Organization longest = presets.stream().filter(o -> o.description() != null)
                .max(Comparator.comparingInt(o -> o.description().length())).orElseThrow();
        Fx.run(() -> list.scrollTo(longest));
        Fx.settle();
        Label desc = Fx.call(() -> list.lookupAll(".preset-description").stream().map(n -> (Label) n)
                .filter(l -> longest.description().equals(l.getText()) && l.isVisible() && l.getScene() != null)
                .findFirst().orElse(null));
        assertNotNull(desc, "the longest description is shown");
        double lineHeight = Fx.call(() -> ((Label) desc.getParent().lookup(".preset-name")).getHeight());
        assertTrue(Fx.call(desc::isWrapText));
        assertTrue(Fx.call(desc::getHeight) > 1.6 * lineHeight, "the description wraps onto more than one line");
        double right = Fx.call(() -> desc.localToScene(desc.getLayoutBounds()).getMaxX());
        double listRight = Fx.call(() -> list.localToScene(list.getLayoutBounds()).getMaxX());
        assertTrue(right <= listRight, "the description ends inside the list: " + right + " > " + listRight);
        // the whole text is shown (no ellipsis)
        String shown = Fx.call(() -> ((javafx.scene.text.Text) desc.lookup(".text")).getText());
        assertEquals(longest.description(), shown);

        // Narrower still (a small window): still no sideways scrolling.
        Fx.run(() -> w.getScene().getWindow().setWidth(700));
        Fx.settle();
        assertFalse(horizontalBarShown(list), "no horizontal scroll bar in a narrow window");
    }

    @Test
    void presetsAreSelectableAndAddedWithTheKeyboard() throws Exception {
        WelcomeView w = show();
        ListView<Organization> list = list(w);
        Button addButton = Fx.call(() -> (Button) w.lookup("#welcome-add-preset"));
        assertTrue(Fx.call(addButton::isDisabled), "nothing selected yet");
        Fx.run(list::requestFocus);
        Fx.settle();
        assertTrue(Fx.call(list::isFocused));
        Fx.run(() -> {
            list.getFocusModel().focus(0);
            KeyEvent.fireEvent(list, key(KeyCode.DOWN));
        });
        Fx.settle();
        assertEquals(1, Fx.call(() -> list.getSelectionModel().getSelectedIndex()), "the arrow key moves the selection");
        assertFalse(Fx.call(addButton::isDisabled));
        Fx.run(() -> KeyEvent.fireEvent(list, key(KeyCode.ENTER)));
        assertEquals(List.of(Fx.call(() -> list.getItems().get(1))), added, "Enter adds the selected preset");
        // the screen reader hears the name and the description
        String spoken = Fx.call(() -> list.lookupAll(".list-cell").stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> c.getIndex() == 1)
                .findFirst().orElseThrow().getAccessibleText());
        Organization second = Fx.call(() -> list.getItems().get(1));
        assertTrue(spoken.startsWith(second.name()) && spoken.contains(second.description()), spoken);
    }

    @Test
    void aPlainHttpAddressIsRefusedNextToTheAddressField() throws Exception {
        WelcomeView w = show();
        Fx.run(() -> {
            ((javafx.scene.control.TextField) w.lookup("#welcome-url")).setText("http://fhir.example.org/r4");
            w.lookupAll(".button").stream().map(n -> (Button) n).filter(b -> b.getText().equals("Add"))
                    .findFirst().orElseThrow().fire();
        });
        Label msg = Fx.call(() -> (Label) w.lookup("#welcome-url-message"));
        assertEquals("Use an https:// address (http only for this computer).", Fx.call(msg::getText));
        assertTrue(Fx.call(() -> msg.isManaged() && msg.isVisible()));
        assertTrue(added.isEmpty(), "nothing added");
        // typing again clears the complaint
        Fx.run(() -> ((javafx.scene.control.TextField) w.lookup("#welcome-url")).setText("https://fhir.example.org/r4"));
        assertEquals("", Fx.call(msg::getText));
    }

    @Test
    void textIsReadableOnItsOwnBackgroundInBothThemes() throws Exception {
        for (boolean dark : new boolean[] {true, false}) {
            WelcomeView w = Fx.call(WelcomeViewTest::view);
            javafx.stage.Stage stage = Fx.stage();
            Fx.run(() -> {
                org.chartlens.ui.common.Themes.apply(dark);
                ScrollPane sp = new ScrollPane(w);
                sp.setFitToWidth(true);
                javafx.scene.Scene scene = new javafx.scene.Scene(sp, 1400, 860);
                org.chartlens.ui.common.Themes.style(scene);
                stage.setScene(scene);
                stage.show();
            });
            Fx.settle();
            javafx.scene.paint.Color text = Fx.call(() -> (javafx.scene.paint.Color)
                    ((Label) w.lookup(".welcome-title")).getTextFill());
            javafx.scene.paint.Color back = Fx.call(() -> w.getBackground() == null ? null
                    : (javafx.scene.paint.Color) w.getBackground().getFills().get(0).getFill());
            assertNotNull(back, "the welcome screen paints its own background");
            double ratio = contrast(text, back);
            assertTrue(ratio >= 4.5, (dark ? "dark" : "light") + " theme contrast " + ratio);
        }
        Fx.run(() -> org.chartlens.ui.common.Themes.apply(false));
    }

    /** WCAG contrast ratio of two opaque colours. */
    static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static KeyEvent key(KeyCode code) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false);
    }

    @Test
    void welcomeScreenRendersInBothThemes() throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            Path out = Path.of("target/screenshots/welcome-" + (dark ? "dark" : "light") + ".png");
            Screenshots.render(() -> {
                ScrollPane sp = new ScrollPane(view());
                sp.setFitToWidth(true);
                sp.getStyleClass().add("welcome-scroll"); // as MainWindow places it
                return sp;
            }, null, dark, 1400, 860, out);
            assertTrue(Files.size(out) > 10_000);
        }
    }
}
