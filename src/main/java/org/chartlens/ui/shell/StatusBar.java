package org.chartlens.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Shows a {@link StatusViewModel}: the message, sync progress with cancel, the last error. FX thread. */
public final class StatusBar extends HBox {
    private final StatusViewModel vm;
    private final Label message = new Label();
    private final Label error = new Label();
    private final Label auditWarning = new Label();

    public StatusBar(StatusViewModel vm) {
        this.vm = vm;
        getStyleClass().add("status-bar");
        setId("status-bar");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        message.setId("status-message");
        message.textProperty().bind(vm.messageProperty());
        error.setId("status-error");
        error.getStyleClass().add("status-error");
        error.textProperty().bind(vm.errorProperty());
        auditWarning.setId("status-audit-warning");
        auditWarning.getStyleClass().add("status-error");
        auditWarning.setWrapText(true);
        auditWarning.textProperty().bind(vm.auditWarningProperty());
        auditWarning.visibleProperty().bind(vm.auditWarningProperty().isNotEmpty());
        auditWarning.managedProperty().bind(auditWarning.visibleProperty());
        ProgressBar progress = new ProgressBar(0);
        progress.setPrefWidth(180);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.syncingProperty());
        Button cancel = new Button("Cancel sync");
        cancel.setId("status-cancel");
        cancel.visibleProperty().bind(vm.cancellableProperty());
        cancel.setOnAction(e -> vm.cancel());
        Label matches = new Label();
        matches.setId("status-matches");
        matches.textProperty().bind(vm.matchesProperty());
        Button review = new Button("Review…");
        review.setId("status-review-matches");
        review.setOnAction(e -> vm.reviewMatches());
        javafx.scene.layout.HBox possible = new javafx.scene.layout.HBox(6, matches, review);
        possible.setAlignment(Pos.CENTER_LEFT);
        possible.visibleProperty().bind(vm.matchesProperty().isNotEmpty());
        possible.managedProperty().bind(possible.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(message, progress, cancel, possible, grow, error, auditWarning);
    }

    public Label messageLabel() {
        return message;
    }

    public Label errorLabel() {
        return error;
    }

    /** The audit-log warning (empty and hidden while the log is intact). */
    public Label auditWarningLabel() {
        return auditWarning;
    }

    public StatusViewModel viewModel() {
        return vm;
    }

    @Override
    public String toString() {
        return "StatusBar[" + message.getText() + (error.getText().isEmpty() ? "" : "; " + error.getText()) + "]";
    }
}
