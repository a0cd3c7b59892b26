package org.chartlens.ui.lock;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The unlock screen of a {@link LockViewModel}, used at start and after auto-lock (one per
 * window, shown while locked): shows nothing from any chart. The passphrase is handed over as a char array and the field cleared at once.
 * FX thread.
 */
public final class UnlockView extends VBox {
    private final PasswordField pass = new PasswordField();
    /** The passphrase again, while it is being chosen. */
    private final PasswordField again = new PasswordField();
    private final Button unlock = new Button();

    public UnlockView(LockViewModel vm) {
        boolean hasPassphrase = vm.hasPassphrase();
        var choosing = vm.choosingProperty();
        getStyleClass().add("lock-screen");
        setId("unlock-view");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setPadding(new Insets(40));
        // worded as a welcome while the passphrase is being chosen (first run), else as a lock
        Label title = new Label();
        title.textProperty().bind(Bindings.when(choosing)
                .then("Protect ChartLens with a passphrase").otherwise("ChartLens is locked"));
        unlock.textProperty().bind(Bindings.when(choosing).then("Continue").otherwise("Unlock"));
        title.getStyleClass().add("welcome-title");
        Label why = new Label();
        why.textProperty().bind(vm.reasonProperty());
        // A wrapped label is as wide as its longest line allows: centre the lines inside it too,
        // or a short reason sits left of the centred title.
        why.setId("unlock-reason");
        why.setWrapText(true);
        why.setMaxWidth(460);
        why.setTextAlignment(TextAlignment.CENTER);
        why.setAlignment(Pos.CENTER);
        pass.promptTextProperty().bind(Bindings.when(choosing).then("New passphrase (8 or more characters)")
                .otherwise(hasPassphrase ? "ChartLens passphrase" : "Press Unlock to continue as this computer user"));
        pass.setMaxWidth(320);
        pass.setId("unlock-passphrase");
        pass.setDisable(!hasPassphrase);
        unlock.setDefaultButton(true);
        unlock.setId("unlock-button");
        unlock.disableProperty().bind(vm.checkingProperty());
        again.setPromptText("The same passphrase again");
        again.setMaxWidth(320);
        again.setId("unlock-again");
        again.visibleProperty().bind(choosing);
        again.managedProperty().bind(choosing);
        Label ifLost = new Label(LockViewModel.IF_LOST);
        ifLost.setId("unlock-if-lost");
        ifLost.setWrapText(true);
        ifLost.setMaxWidth(460);
        ifLost.setTextAlignment(TextAlignment.CENTER);
        ifLost.getStyleClass().add("muted");
        ifLost.visibleProperty().bind(choosing);
        ifLost.managedProperty().bind(choosing);
        unlock.setOnAction(e -> {
            char[] chars = pass.getText().toCharArray();
            pass.clear();
            if (choosing.get()) {
                char[] second = again.getText().toCharArray();
                again.clear();
                vm.choose(chars, second);
            } else {
                vm.unlock(chars);
            }
        });
        // Enter in the field unlocks (or, while choosing, goes on to the second field), whichever
        // default button of the window owns Enter meanwhile
        pass.setOnAction(e -> {
            if (choosing.get() && again.getText().isEmpty()) {
                again.requestFocus();
            } else {
                unlock.fire();
            }
        });
        again.setOnAction(e -> unlock.fire());
        pass.textProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                vm.edited();
            }
        });
        again.textProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                vm.edited();
            }
        });
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("status-error");
        message.setWrapText(true);
        message.setMaxWidth(460);
        message.setTextAlignment(TextAlignment.CENTER);
        message.setAlignment(Pos.CENTER);
        message.setId("unlock-message");
        // after a wrong passphrase the field has the focus again
        vm.checkingProperty().addListener((o, was, now) -> {
            if (!now) {
                pass.requestFocus();
            }
        });
        getChildren().addAll(title, why, pass, again, unlock, message, ifLost);
    }

    /** On show: the field has the focus and Unlock is the window's default button again. */
    public void focus() {
        unlock.setDefaultButton(false);
        unlock.setDefaultButton(true);
        pass.requestFocus();
    }
}
