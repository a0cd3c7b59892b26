package org.chartlens.ui.shell;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** What ChartLens stores, where, and how to remove it. */
public final class HelpView extends ScrollPane {
    public HelpView(Path dataFolder) {
        setId("help");
        String folder = dataFolder == null ? "(your data folder)" : dataFolder.toString();
        VBox v = new VBox(12,
                title("What ChartLens stores"),
                para("A copy of the charts you sync (FHIR resources exactly as your organizations sent them), kept in"
                        + " an encrypted database; when each organization and resource type was last synced; an audit log"
                        + " of sign-ins, sign-outs and opened charts; your settings and the organizations you added."
                        + " Sign-in tokens and the database key are kept in your operating system's keyring, or in a"
                        + " file protected by your ChartLens passphrase."),
                title("Where"),
                para("Everything is in one folder, readable only by your computer account:\n" + folder
                        + "\nDocuments you open outside ChartLens are copied to a temporary folder that is removed when"
                        + " ChartLens closes. Nothing is stored inside the installation folder."),
                title("How to remove it"),
                para("Sign out of each organization (Organizations), then close ChartLens and delete the folder above."
                        + " Uninstalling ChartLens leaves this folder in place unless you delete it."),
                title("Keyboard"),
                keyboard());
        v.setPadding(new Insets(24));
        v.setMaxWidth(820);
        setContent(v);
        setFitToWidth(true);
    }

    /** Every shortcut ({@link Shortcuts#ALL}): the keys, then what they do. */
    static GridPane keyboard() {
        GridPane grid = new GridPane();
        grid.setId("help-shortcuts");
        grid.setHgap(18);
        grid.setVgap(4);
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            Label keys = new Label(s.shown());
            keys.setStyle("-fx-font-weight: bold;");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label what = para(s.what());
            GridPane.setValignment(keys, javafx.geometry.VPos.TOP);
            GridPane.setValignment(what, javafx.geometry.VPos.TOP);
            grid.addRow(row++, keys, what);
        }
        return grid;
    }

    static Label title(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("card-title");
        return l;
    }

    static Label para(String t) {
        Label l = new Label(t);
        l.setWrapText(true);
        return l;
    }
}
