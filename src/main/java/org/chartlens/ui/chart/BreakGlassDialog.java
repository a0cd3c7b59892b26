package org.chartlens.ui.chart;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.chartlens.domain.BreakGlass;

/**
 * Asks why the glass is broken (issue 18): treatment emergency, patient consent on file, or other
 * with a few words. "Show restricted records" is enabled only with a reason. FX thread.
 */
final class BreakGlassDialog {
    private BreakGlassDialog() {
    }

    static Dialog<BreakGlass> dialog(long count) {
        Dialog<BreakGlass> d = new Dialog<>();
        d.setTitle("Break the glass");
        d.setHeaderText("Show " + (count == 1 ? "1 restricted record" : count + " restricted records")
                + " of this person?");
        ToggleGroup group = new ToggleGroup();
        RadioButton emergency = radio(BreakGlass.Reason.TREATMENT_EMERGENCY, group);
        RadioButton consent = radio(BreakGlass.Reason.PATIENT_CONSENT, group);
        RadioButton other = radio(BreakGlass.Reason.OTHER, group);
        TextField why = new TextField();
        why.setId("break-glass-other");
        why.setPromptText("Why (required for Other)");
        why.disableProperty().bind(other.selectedProperty().not());
        Label note = new Label("Your name, the time, this person, the reason and the records' labels are recorded in "
                + "the audit log. They stay shown until the chart is closed or ChartLens locks.");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        VBox box = new VBox(8, new Label("Reason:"), emergency, consent, other, why, note);
        box.setPrefWidth(440);
        d.getDialogPane().setContent(box);
        ButtonType show = new ButtonType("Show restricted records", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(show, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(show);
        ok.setId("break-glass-confirm");
        ok.disableProperty().bind(group.selectedToggleProperty().isNull()
                .or(other.selectedProperty().and(why.textProperty().isEmpty())));
        d.setResultConverter(b -> {
            if (b != show || group.getSelectedToggle() == null) {
                return null;
            }
            BreakGlass.Reason r = (BreakGlass.Reason) group.getSelectedToggle().getUserData();
            return new BreakGlass(r, r == BreakGlass.Reason.OTHER ? why.getText() : "");
        });
        return d;
    }

    /** Shows the dialog and waits; empty when cancelled. */
    static Optional<BreakGlass> ask(Node owner, long count) {
        Dialog<BreakGlass> d = dialog(count);
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        return d.showAndWait();
    }

    private static RadioButton radio(BreakGlass.Reason r, ToggleGroup g) {
        RadioButton b = new RadioButton(r.label());
        b.setId("break-glass-" + r.key());
        b.setUserData(r);
        b.setToggleGroup(g);
        return b;
    }
}
