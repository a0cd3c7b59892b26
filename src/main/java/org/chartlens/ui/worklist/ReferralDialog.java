package org.chartlens.ui.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.common.Themes;
import org.chartlens.ui.port.ReferralsPort;

/**
 * "Add to referrals…" (issue 17): the due day (a date picker, tomorrow unless the person is already
 * listed) and the reason, for one worklist person; an entry already on the list is changed instead.
 * Enter saves, Escape cancels. The save runs on the task executor ({@link ReferralsViewModel#save}).
 * FX thread.
 */
public final class ReferralDialog extends GridPane {
    private final DatePicker due = new DatePicker();
    private final TextField reason = new TextField();
    private final Label problem = new Label();
    private final Button save = new Button();

    /**
     * @param name  the person's name, for the title line
     * @param close closes the window (after a save, or on Cancel)
     */
    public ReferralDialog(ReferralsViewModel vm, List<PatientRef> records, String name, LocalDate today, Runnable close) {
        setId("referral-dialog");
        setHgap(10);
        setVgap(10);
        setPadding(new Insets(16));
        Optional<ReferralsPort.Entry> listed = vm.entryOf(records);
        Label title = new Label((listed.isPresent() ? "Change the referral of " : "Put on the referral list: ") + name);
        title.getStyleClass().add("card-title");
        due.setId("referral-due");
        due.setValue(listed.map(ReferralsPort.Entry::due).orElse(today.plusDays(1)));
        due.setEditable(true);
        due.setPromptText("day due, e.g. " + today.plusDays(7));
        reason.setId("referral-reason");
        reason.setPrefColumnCount(34);
        reason.setPromptText("e.g. referred by Dr X, cardiology");
        reason.setText(listed.map(ReferralsPort.Entry::reason).orElse(""));
        problem.getStyleClass().add("muted");
        save.setId("referral-save");
        save.setText(listed.isPresent() ? "Save" : "Add to referrals");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            LocalDate day = due.getValue();
            if (day == null) {
                problem.setText("Pick the day the person is due.");
                due.requestFocus();
                return;
            }
            save.setDisable(true);
            vm.save(records, day, reason.getText(), close, why -> {
                problem.setText(why);
                save.setDisable(false);
            });
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        add(title, 0, 0, 2, 1);
        addRow(1, new Label("Due"), due);
        addRow(2, new Label("Reason"), reason);
        add(problem, 0, 3, 2, 1);
        add(buttons, 0, 4, 2, 1);
    }

    /** Opens the dialog in a window of its own over {@code owner} (not waiting). */
    public static Stage open(Window owner, ReferralsViewModel vm, List<PatientRef> records, String name) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Referral list");
        ReferralDialog form = new ReferralDialog(vm, records, name, LocalDate.now(), stage::close);
        Scene scene = new Scene(form);
        Themes.style(scene);
        stage.setScene(scene);
        stage.show();
        form.due.requestFocus();
        return stage;
    }
}
