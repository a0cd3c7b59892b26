package org.chartlens.ui.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut, in one list: the window's own (bound here by {@link MainWindow}, caught
 * before any control sees the key, so Ctrl+Tab works whichever control has the focus) and the
 * ones the views handle themselves (listed for Help). Help shows {@link #ALL}; a shortcut not in
 * it does not exist. FX thread.
 */
public final class Shortcuts implements EventHandler<KeyEvent> {
    /**
     * One shortcut.
     *
     * @param keys  the key combinations (several for "Alt+1 … Alt+9"); empty for those a view handles itself
     * @param shown how Help writes the keys
     * @param what  what it does
     */
    public record Shortcut(List<KeyCombination> keys, String shown, String what) {
        static Shortcut of(KeyCode code, String shown, String what, KeyCombination.Modifier... mods) {
            return new Shortcut(List.of(new KeyCodeCombination(code, mods)), shown, what);
        }

        static Shortcut view(String shown, String what) {
            return new Shortcut(List.of(), shown, what);
        }
    }

    private static final KeyCombination.Modifier CTRL = KeyCombination.SHORTCUT_DOWN;
    private static final KeyCombination.Modifier SHIFT = KeyCombination.SHIFT_DOWN;

    public static final Shortcut NEXT_TAB = Shortcut.of(KeyCode.TAB, "Ctrl+Tab", "next tab", CTRL);
    public static final Shortcut PREVIOUS_TAB = Shortcut.of(KeyCode.TAB, "Ctrl+Shift+Tab", "previous tab", CTRL, SHIFT);
    public static final Shortcut WORKLIST = Shortcut.of(KeyCode.DIGIT1, "Ctrl+1", "the worklist (or the welcome screen)", CTRL);
    public static final Shortcut ORGANIZATIONS = Shortcut.of(KeyCode.DIGIT2, "Ctrl+2", "Organizations", CTRL);
    public static final Shortcut SETTINGS = Shortcut.of(KeyCode.COMMA, "Ctrl+,", "Settings", CTRL);
    public static final Shortcut HELP = Shortcut.of(KeyCode.F1, "F1", "this help");
    public static final Shortcut SEARCH = Shortcut.of(KeyCode.F, "Ctrl+F", "search the worklist", CTRL);
    public static final Shortcut FIND = Shortcut.of(KeyCode.F, "Ctrl+Shift+F",
            "find a patient at your signed-in organizations", CTRL, SHIFT);
    public static final Shortcut CLOSE_TAB = Shortcut.of(KeyCode.W, "Ctrl+W", "close the chart or panel tab", CTRL);
    public static final Shortcut LOCK = Shortcut.of(KeyCode.L, "Ctrl+L", "lock now", CTRL);
    public static final Shortcut EXPORT_PDF = Shortcut.of(KeyCode.E, "Ctrl+E",
            "in a chart: export the referral summary as PDF", CTRL);
    public static final Shortcut PRINT = Shortcut.of(KeyCode.P, "Ctrl+P", "in a chart: print the referral summary", CTRL);
    public static final Shortcut CHART_TAB = new Shortcut(chartTabKeys(), "Alt+1 … Alt+9",
            "in a chart: its tabs Summary, Timeline, Problems, Vitals, Labs, Medications, Allergies, Immunizations,"
                    + " Encounters");
    public static final Shortcut CHART_NEXT = Shortcut.of(KeyCode.PAGE_DOWN, "Alt+Page Down", "in a chart: its next tab",
            KeyCombination.ALT_DOWN);
    public static final Shortcut CHART_PREVIOUS = Shortcut.of(KeyCode.PAGE_UP, "Alt+Page Up",
            "in a chart: its previous tab", KeyCombination.ALT_DOWN);

    /** Every shortcut, in the order Help lists them. */
    public static final List<Shortcut> ALL = List.of(NEXT_TAB, PREVIOUS_TAB, WORKLIST, ORGANIZATIONS, SETTINGS, HELP,
            SEARCH, FIND, CLOSE_TAB, LOCK, EXPORT_PDF, PRINT, CHART_TAB, CHART_NEXT, CHART_PREVIOUS,
            Shortcut.view("Enter", "in the worklist: open the selected patient"),
            Shortcut.view("Alt+W / Alt+R", "on the home screen: the worklist / the referral list"),
            Shortcut.view("Ctrl+R", "in the worklist: add the selected patient to the referral list"),
            Shortcut.view("Alt+S, Alt+N, Alt+R",
                    "on a person's Reconcile tab: mark the selected row Same, Not the same, Not relevant"),
            Shortcut.view("Enter", "in Find a patient: search, or sync and open the selected candidate"),
            Shortcut.view("+ / −, ← →, Home", "on the timeline: zoom, scroll, the whole life"),
            Shortcut.view("Enter", "on the timeline: raw JSON of the selected item"),
            Shortcut.view("Enter or Ctrl+J", "in any table: raw JSON and source of the selected row"));

    private final Map<Shortcut, IntConsumer> actions = new LinkedHashMap<>();
    private boolean enabled = true;

    private static List<KeyCombination> chartTabKeys() {
        List<KeyCombination> keys = new ArrayList<>();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (KeyCode d : digits) {
            keys.add(new KeyCodeCombination(d, KeyCombination.ALT_DOWN));
        }
        return keys;
    }

    /** Binds a shortcut of the window to an action. */
    public void bind(Shortcut s, Runnable action) {
        actions.put(s, i -> action.run());
    }

    /** Binds a shortcut with several keys: the action gets the index of the key pressed. */
    public void bind(Shortcut s, IntConsumer action) {
        actions.put(s, action);
    }

    /** Off while locked: no shortcut reaches past the lock screen. */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    @Override
    public void handle(KeyEvent e) {
        if (!enabled || e.getEventType() != KeyEvent.KEY_PRESSED) {
            return;
        }
        for (Map.Entry<Shortcut, IntConsumer> a : actions.entrySet()) {
            List<KeyCombination> keys = a.getKey().keys();
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).match(e)) {
                    e.consume();
                    a.getValue().accept(i);
                    return;
                }
            }
        }
    }
}
