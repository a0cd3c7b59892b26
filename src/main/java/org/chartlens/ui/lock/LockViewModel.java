package org.chartlens.ui.lock;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.LockPort;

/**
 * Locked or not, why, and the unlock screen's message. {@link #lock} sets {@code locked} first
 * (listeners hide every chart at once) and then drops the keys; {@link #unlock} checks the
 * passphrase on the task executor and wipes it after use. Properties: FX thread. Testable
 * without a stage.
 */
public final class LockViewModel {
    /** What the first-run passphrase screen says. */
    public static final String CHOOSE = "Choose a passphrase (at least 8 characters) to protect the charts ChartLens keeps"
            + " on this computer. You will type it each time ChartLens starts or unlocks.";
    /** What losing the passphrase means, said while it is being chosen. */
    public static final String IF_LOST = "If it is lost, the charts kept on this computer cannot be read, by anyone."
            + " Nothing is lost at your organizations: start again with a new passphrase (remove ChartLens's data"
            + " folder), sign in and sync, and the charts are rebuilt from their servers.";
    /** What the screen says when the two passphrases typed differ. */
    public static final String MISMATCH = "The two passphrases are not the same. Type the same passphrase twice.";
    /** What the lock screen says at start. */
    public static final String ENTER = "Enter your passphrase to open your charts.";

    private final LockPort port;
    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper choosing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public LockViewModel(LockPort port, TaskExecutor tasks) {
        this.port = port;
        this.tasks = tasks;
    }

    /** Locks at start: asks to choose a passphrase on first run, else for the passphrase. */
    public void lockAtStart() {
        lock(port.passphraseIsNew() ? CHOOSE : ENTER);
    }

    /** Hides everything (listeners of {@link #lockedProperty()}), then drops keys and tokens. No-op when locked. */
    public void lock(String why) {
        if (locked.get()) {
            return;
        }
        reason.set(why);
        message.set("");
        checking.set(false);
        choosing.set(port.passphraseIsNew());
        locked.set(true);
        try {
            port.lock();
        } catch (RuntimeException e) {
            message.set("Could not drop keys cleanly; close ChartLens to be safe.");
        }
    }

    /**
     * The passphrase being chosen, typed twice: when the two differ nothing is chosen and the
     * screen says so; else as {@link #unlock}. Both arrays are wiped after use.
     */
    public void choose(char[] passphrase, char[] again) {
        boolean same = Arrays.equals(passphrase, again);
        Arrays.fill(again, '\0');
        if (!same) {
            Arrays.fill(passphrase, '\0');
            message.set(MISMATCH);
            return;
        }
        unlock(passphrase);
    }

    /** The user types again: what was wrong with the last attempt goes (not while it is being checked). */
    public void edited() {
        if (!checking.get()) {
            message.set("");
        }
    }

    /** Checks the passphrase in the background; the array is wiped after use. */
    public void unlock(char[] passphrase) {
        message.set("Checking…");
        checking.set(true);
        tasks.submit(() -> {
            try {
                return port.unlock(passphrase) ? Outcome.OPEN : port.passphraseIsNew() ? Outcome.TOO_SHORT : Outcome.WRONG;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, outcome -> {
            checking.set(false);
            switch (outcome) {
                case OPEN -> {
                    message.set("");
                    choosing.set(false);
                    locked.set(false);
                }
                case TOO_SHORT -> message.set("Choose a passphrase of at least 8 characters.");
                default -> message.set("That passphrase is not right. Try again.");
            }
        }, e -> {
            checking.set(false);
            message.set("Unlocking failed: the key store could not be read.");
        });
    }

    private enum Outcome { OPEN, TOO_SHORT, WRONG }

    /** True when a passphrase unlocks (else unlocking is a confirmation by this computer's user). */
    public boolean hasPassphrase() {
        return port.hasPassphrase();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return locked.get();
    }

    /** A passphrase is being checked. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The passphrase is being chosen now (first run): the screen is worded as a welcome. */
    public ReadOnlyBooleanProperty choosingProperty() {
        return choosing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The unlock screen's message: "Checking…", what was wrong, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
