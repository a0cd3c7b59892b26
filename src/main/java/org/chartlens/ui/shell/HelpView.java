package org.chartlens.ui.shell;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
                para("Ctrl+F search the worklist · Enter open the selected patient · Ctrl+W close a chart tab ·"
                        + " Ctrl+Tab next tab · Ctrl+L lock now · on the timeline: + / − zoom, ← → scroll, Home whole life,"
                        + " Enter raw JSON of the selected item · in any table: Enter or Ctrl+J raw JSON and source."));
        v.setPadding(new Insets(24));
        v.setMaxWidth(820);
        setContent(v);
        setFitToWidth(true);
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
