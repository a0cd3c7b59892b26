package org.chartlens.ui.chart;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.chartlens.clinical.ChartData;
import org.chartlens.domain.Restrictions;

/**
 * Asks what goes into a referral summary before it is exported or printed (issues 17, 18): what
 * the document holds, and for a chart with restricted records either that they are left out
 * (masked) or, once the glass is broken, an unticked "Include restricted records in this document"
 * (ticking it is recorded in the audit log). The answer is whether to include them. FX thread.
 */
public final class SummaryDialog {
    /** Export to a PDF file or print. */
    public enum Kind {
        EXPORT("Export summary as PDF", "Choose where to save…"),
        PRINT("Print summary", "Choose a printer…");

        final String title;
        final String go;

        Kind(String title, String go) {
            this.title = title;
            this.go = go;
        }
    }

    static final String INCLUDE = "Include restricted records in this document";

    private SummaryDialog() {
    }

    /** The dialog for the chart {@code d}; {@code glassBroken}: the restricted records are shown. */
    public static Dialog<Boolean> dialog(Kind kind, ChartData d, boolean glassBroken) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle(kind.title);
        dialog.setHeaderText("Referral summary of " + d.model().patient().name());
        Label what = new Label("Sources and freshness, active problems, current medications, allergies, recent "
                + "abnormal results and encounters, immunizations, what is missing, reviewers' notes. Every row names its "
                + "organization; every page says \"Contains PHI\".");
        what.setWrapText(true);
        VBox box = new VBox(10, what);
        box.setId("summary-dialog");
        box.setPrefWidth(480);
        Restrictions r = d.restrictions();
        CheckBox include = new CheckBox(INCLUDE);
        include.setId("summary-include-restricted");
        include.setSelected(false);
        if (r.any() && glassBroken) {
            Label because = new Label("Unticked, the " + records(r.count()) + " shown on screen are left out. Ticked, "
                    + "they are included, and your name, the time, this person and the reason are recorded in the audit log.");
            because.setWrapText(true);
            because.getStyleClass().add("muted");
            VBox restricted = new VBox(6, include, because);
            restricted.getStyleClass().add("summary-restricted-choice");
            if (r.part2()) {
                Label notice = new Label("Includes 42 CFR Part 2 records. " + Restrictions.PART2_NOTICE);
                notice.setWrapText(true);
                notice.getStyleClass().add("restricted-notice");
                notice.visibleProperty().bind(include.selectedProperty());
                notice.managedProperty().bind(include.selectedProperty());
                restricted.getChildren().add(notice);
            }
            box.getChildren().add(restricted);
        } else if (r.any()) {
            Label left = new Label("The " + records(r.count()) + " hidden in this chart are left out of the document, "
                    + "as on screen. To include them, break the glass first.");
            left.setId("summary-restricted-left-out");
            left.setWrapText(true);
            left.getStyleClass().add("muted");
            box.getChildren().add(left);
        }
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getStylesheets().add(org.chartlens.ui.common.Themes.APP_CSS);
        ButtonType go = new ButtonType(kind.go, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(go);
        ok.setId("summary-go");
        dialog.setResultConverter(b -> b == go ? include.isSelected() && glassBroken && r.any() : null);
        return dialog;
    }

    private static String records(long n) {
        return n == 1 ? "1 restricted record" : n + " restricted records";
    }

    /** Shows the dialog and waits; empty when cancelled, else whether to include restricted records. */
    static Optional<Boolean> ask(Node owner, Kind kind, ChartData d, boolean glassBroken) {
        Dialog<Boolean> dialog = dialog(kind, d, glassBroken);
        if (owner != null && owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        return dialog.showAndWait();
    }
}
