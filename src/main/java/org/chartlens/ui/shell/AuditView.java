package org.chartlens.ui.shell;

import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.chartlens.store.AuditEvent;
import org.chartlens.ui.common.Tables;

/**
 * The Audit view (opened from Settings): the chain's check on top, a filter by patient and first
 * day, and the events (when, who, reviewer, action, record, source). Every control is reachable
 * with Tab; Enter in a filter field applies it. FX thread.
 */
public final class AuditView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TableView<AuditEvent> table;
    private final TextField patient = new TextField();

    public AuditView(AuditViewModel vm) {
        setId("audit");
        setPadding(new Insets(16));
        Label check = new Label();
        check.setId("audit-verification");
        check.setWrapText(true);
        check.textProperty().bind(vm.verificationProperty());
        vm.intactProperty().addListener((o, was, ok) -> check.getStyleClass().setAll(ok ? "label" : "status-error"));
        if (!vm.intactProperty().get()) {
            check.getStyleClass().setAll("status-error");
        }

        patient.setId("audit-patient");
        patient.setPromptText("Patient id or ORG:ID");
        patient.setPrefColumnCount(28);
        patient.textProperty().bindBidirectional(vm.patientProperty());
        patient.setOnAction(e -> vm.refresh());
        Label patientLabel = new Label("Patient or record");
        patientLabel.setLabelFor(patient);
        DatePicker since = new DatePicker();
        since.setId("audit-since");
        since.setPromptText("Any day");
        since.valueProperty().bindBidirectional(vm.sinceProperty());
        since.setOnAction(e -> vm.refresh());
        Label sinceLabel = new Label("From");
        sinceLabel.setLabelFor(since);
        Button apply = new Button("Show events");
        apply.setId("audit-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> vm.refresh());
        Button clear = new Button("Clear filter");
        clear.setOnAction(e -> vm.clearFilter());
        HBox filter = new HBox(8, patientLabel, patient, sinceLabel, since, apply, clear);
        filter.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("audit-summary");
        summary.textProperty().bind(vm.summaryProperty());
        VBox top = new VBox(10, new Label("Who did what, when, and from where. Patients are named by their id only."),
                check, filter, summary);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);

        table = Tables.table("");
        table.setId("audit-table");
        Label empty = (Label) table.getPlaceholder();
        empty.textProperty().bind(vm.emptyTextProperty());
        table.getColumns().add(Tables.text("When", 160, e -> WHEN.format(e.at().atZone(vm.zone()))));
        table.getColumns().add(Tables.text("Who", 110, AuditEvent::who));
        table.getColumns().add(Tables.text("Reviewer", 120, e -> e.reviewer() == null ? "" : e.reviewer()));
        table.getColumns().add(Tables.text("Action", 130, AuditEvent::event));
        table.getColumns().add(Tables.wrapped("Record", 260, AuditView::record));
        table.getColumns().add(Tables.text("Detail", 200, e -> e.detail() == null ? "" : e.detail()));
        table.getColumns().add(Tables.text("Source", 140, e -> e.source() == null ? "" : e.source()));
        table.setItems(vm.events());
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(table);
        vm.refresh();
    }

    /** "demo: 1d03…" (organization and patient id), the organization alone, or "". */
    static String record(AuditEvent e) {
        if (e.patientId() != null) {
            return (e.org() == null ? "" : e.org() + ": ") + e.patientId();
        }
        return e.org() == null ? "" : e.org();
    }

    public TableView<AuditEvent> table() {
        return table;
    }

    /** Puts the keyboard focus in the patient filter. */
    public void focus() {
        patient.requestFocus();
    }
}
