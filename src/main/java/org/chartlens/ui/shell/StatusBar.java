package org.chartlens.ui.shell;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Sync progress (per type and overall, with cancel) and the last error, in plain words.
 * {@link #listener} may be called from any thread; updates are coalesced so at most one
 * {@code runLater} is pending at a time. FX thread otherwise.
 */
public final class StatusBar extends HBox {
    private final Label message = new Label("Ready");
    private final Label error = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel sync");
    private AppServices.SyncHandle running;
    private final java.util.concurrent.atomic.AtomicReference<Runnable> pending = new java.util.concurrent.atomic.AtomicReference<>();

    public StatusBar() {
        getStyleClass().add("status-bar");
        setId("status-bar");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        message.setId("status-message");
        error.setId("status-error");
        error.getStyleClass().add("status-error");
        progress.setPrefWidth(180);
        progress.setVisible(false);
        cancel.setVisible(false);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
                message.setText("Cancelling…");
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(message, progress, cancel, grow, error);
    }

    public void info(String text) {
        message.setText(text);
    }

    public void error(String text) {
        error.setText(text == null ? "" : text);
    }

    public Label messageLabel() {
        return message;
    }

    public Label errorLabel() {
        return error;
    }

    /** A listener that shows progress here; {@code done} runs on the FX thread at the end. */
    public AppServices.SyncListener listener(Runnable done) {
        return new AppServices.SyncListener() {
            @Override
            public void progress(String org, String type, int count, double overall) {
                post(() -> {
                    progress.setVisible(true);
                    cancel.setVisible(running != null);
                    progress.setProgress(overall < 0 ? ProgressBar.INDETERMINATE_PROGRESS : overall);
                    message.setText("Syncing " + org + (type == null ? "" : ": " + type + " " + count));
                });
            }

            @Override
            public void finished(String org, String failure) {
                Platform.runLater(() -> {
                    progress.setVisible(false);
                    cancel.setVisible(false);
                    running = null;
                    message.setText(failure == null ? "Sync of " + org + " complete" : "Sync of " + org + " stopped");
                    error(failure);
                    done.run();
                });
            }
        };
    }

    public void running(AppServices.SyncHandle h) {
        running = h;
        cancel.setVisible(h != null);
    }

    private void post(Runnable r) {
        if (pending.getAndSet(r) == null) {
            Platform.runLater(() -> pending.getAndSet(null).run());
        }
    }
}
