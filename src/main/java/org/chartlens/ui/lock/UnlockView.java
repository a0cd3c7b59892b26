package org.chartlens.ui.lock;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The unlock screen, used at start and after auto-lock: shows nothing from any chart. The
 * passphrase is handed over as a char array and the field cleared at once. FX thread.
 */
public final class UnlockView extends VBox {
    private final PasswordField pass = new PasswordField();
    private final Label message = new Label();
    private final Button unlock = new Button("Unlock");

    /** @param onUnlock receives the passphrase (the receiver wipes it after use) */
    public UnlockView(String reason, boolean hasPassphrase, Consumer<char[]> onUnlock) {
        this(reason, hasPassphrase, false, onUnlock);
    }

    /**
     * @param choosing the passphrase is being chosen now (first run): worded as a welcome, not a lock
     * @param onUnlock receives the passphrase (the receiver wipes it after use)
     */
    public UnlockView(String reason, boolean hasPassphrase, boolean choosing, Consumer<char[]> onUnlock) {
        getStyleClass().add("lock-screen");
        setId("unlock-view");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setPadding(new Insets(40));
        Label title = new Label(choosing ? "Protect ChartLens with a passphrase" : "ChartLens is locked");
        if (choosing) {
            unlock.setText("Continue");
        }
        title.getStyleClass().add("welcome-title");
        Label why = new Label(reason);
        // A wrapped label is as wide as its longest line allows: centre the lines inside it too,
        // or a short reason sits left of the centred title.
        why.setId("unlock-reason");
        why.setWrapText(true);
        why.setMaxWidth(460);
        why.setTextAlignment(TextAlignment.CENTER);
        why.setAlignment(Pos.CENTER);
        pass.setPromptText(choosing ? "New passphrase (8 or more characters)"
                : hasPassphrase ? "ChartLens passphrase" : "Press Unlock to continue as this computer user");
        pass.setMaxWidth(320);
        pass.setId("unlock-passphrase");
        pass.setDisable(!hasPassphrase);
        unlock.setDefaultButton(true);
        unlock.setId("unlock-button");
        unlock.setOnAction(e -> {
            char[] chars = pass.getText().toCharArray();
            pass.clear();
            message.setText("Checking…");
            unlock.setDisable(true);
            onUnlock.accept(chars);
        });
        message.getStyleClass().add("status-error");
        message.setWrapText(true);
        message.setMaxWidth(460);
        message.setTextAlignment(TextAlignment.CENTER);
        message.setAlignment(Pos.CENTER);
        message.setId("unlock-message");
        getChildren().addAll(title, why, pass, unlock, message);
    }

    public void failed(String text) {
        message.setText(text);
        unlock.setDisable(false);
        pass.requestFocus();
    }

    public void focus() {
        pass.requestFocus();
    }

    static void wipe(char[] c) {
        Arrays.fill(c, '\0');
    }
}
