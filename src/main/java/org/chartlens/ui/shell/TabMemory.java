package org.chartlens.ui.shell;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The main window's tabs as they were when it locked (their ids in order, and the one selected;
 * no names, nothing clinical), so that unlocking restores the window as it was: the panels are
 * opened again, the charts (reopened by the view model) put back in their places. FX thread.
 */
final class TabMemory {
    private final TabPane tabs;
    private final Map<String, Runnable> panels;
    private List<String> ids = List.of();
    private String selected;
    private boolean remembered;

    /** @param panels how each panel tab is opened again, by tab id */
    TabMemory(TabPane tabs, Map<String, Runnable> panels) {
        this.tabs = tabs;
        this.panels = panels;
    }

    /** Remembers the tabs as they are now, once per lock (later calls until {@link #restore} keep the first). */
    void remember() {
        if (remembered) {
            return;
        }
        remembered = true;
        ids = tabs.getTabs().stream().map(Tab::getId).toList();
        Tab t = tabs.getSelectionModel().getSelectedItem();
        selected = t == null ? null : t.getId();
    }

    /** Opens the remembered panels again, orders every tab as remembered, selects the one that was. */
    void restore() {
        for (String id : ids) {
            Runnable open = panels.get(id);
            if (open != null && tabs.getTabs().stream().noneMatch(t -> id.equals(t.getId()))) {
                open.run();
            }
        }
        List<String> order = ids;
        tabs.getTabs().sort(Comparator.comparingInt(t -> {
            int i = order.indexOf(t.getId());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        tabs.getTabs().stream().filter(t -> t.getId() != null && t.getId().equals(selected)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        ids = List.of();
        remembered = false;
    }
}
