package org.chartlens.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.LockPort;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The unlock screen's lines sit centred under its title, short or wrapped. */
class UnlockViewTest {
    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    static double centre(Node n) throws Exception {
        Bounds b = Fx.call(() -> n.localToScene(n.getLayoutBounds()));
        return (b.getMinX() + b.getMaxX()) / 2;
    }

    /** The painted text of a label (not the label box, which may be wider than its text). */
    static Text text(UnlockView v, String id) throws Exception {
        return Fx.call(() -> (Text) ((Label) v.lookup("#" + id)).lookup(".text"));
    }

    /** A lock screen whose port accepts no passphrase, locked with {@code reason}. FX thread. */
    static LockViewModel locked(String reason, boolean choosing) {
        LockViewModel vm = new LockViewModel(new LockPort() {
            @Override
            public boolean hasPassphrase() {
                return true;
            }

            @Override
            public boolean passphraseIsNew() {
                return choosing;
            }

            @Override
            public void lock() {
            }

            @Override
            public boolean unlock(char[] passphrase) {
                return false;
            }
        }, new SameThreadTaskExecutor());
        vm.lock(reason);
        return vm;
    }

    @Test
    void aShortReasonIsCentredUnderTheTitle() throws Exception {
        UnlockView v = Fx.call(() -> new UnlockView(locked("Enter your passphrase to open your charts.", false)));
        Fx.show(v);
        Node title = Fx.call(() -> v.getChildren().get(0));
        double titleCentre = centre(title);
        assertEquals(700, titleCentre, 2, "the title is centred in the window");
        Text reason = text(v, "unlock-reason");
        assertEquals("Enter your passphrase to open your charts.", Fx.call(reason::getText));
        assertEquals(titleCentre, centre(reason), 2, "the reason's text is centred under the title");
        assertEquals(titleCentre, centre(Fx.call(() -> v.lookup("#unlock-passphrase"))), 2);
    }

    @Test
    void aWrappedReasonAndAnErrorAreCentredLineByLine() throws Exception {
        LockViewModel vm = Fx.call(() -> locked("Your charts are stored encrypted on this computer. Choose a passphrase"
                + " you will remember: it cannot be recovered, and nobody can reset it for you.", true));
        UnlockView v = Fx.call(() -> new UnlockView(vm));
        Fx.show(v);
        Text reason = text(v, "unlock-reason");
        assertTrue(Fx.call(() -> reason.getLayoutBounds().getHeight()) > 30, "wraps onto more than one line");
        assertEquals(javafx.scene.text.TextAlignment.CENTER, Fx.call(reason::getTextAlignment));
        assertEquals(centre(Fx.call(() -> v.getChildren().get(0))), centre(reason), 2);
        Fx.run(() -> vm.unlock("wrong".toCharArray()));
        Fx.settle();
        assertEquals(centre(Fx.call(() -> v.getChildren().get(0))), centre(text(v, "unlock-message")), 2);
    }

    @Test
    void aPassphraseBeingChosenIsTypedTwiceAndTheScreenSaysWhatLosingItMeans() throws Exception {
        java.util.List<String> offered = new java.util.concurrent.CopyOnWriteArrayList<>();
        LockViewModel vm = Fx.call(() -> {
            LockViewModel m = new LockViewModel(new LockPort() {
                private boolean chosen;

                @Override
                public boolean hasPassphrase() {
                    return true;
                }

                @Override
                public boolean passphraseIsNew() {
                    return !chosen;
                }

                @Override
                public void lock() {
                }

                @Override
                public boolean unlock(char[] passphrase) {
                    offered.add(new String(passphrase));
                    chosen = passphrase.length >= 8;
                    return chosen;
                }
            }, new SameThreadTaskExecutor());
            m.lockAtStart();
            return m;
        });
        UnlockView v = Fx.call(() -> new UnlockView(vm));
        Fx.show(v);
        Node again = Fx.call(() -> v.lookup("#unlock-again"));
        assertTrue(Fx.call(again::isVisible), "a second field while the passphrase is being chosen");
        Label ifLost = Fx.call(() -> (Label) v.lookup("#unlock-if-lost"));
        assertTrue(Fx.call(ifLost::isVisible));
        assertTrue(LockViewModel.IF_LOST.contains("cannot be read") && LockViewModel.IF_LOST.contains("rebuilt from their servers"));

        type(v, "correct horse", "correct hoarse");
        assertEquals(LockViewModel.MISMATCH, Fx.call(() -> ((Label) v.lookup("#unlock-message")).getText()));
        assertTrue(offered.isEmpty(), "nothing is chosen when the two differ");
        assertTrue(Fx.call(vm::isLocked));
        assertEquals("", Fx.call(() -> ((javafx.scene.control.PasswordField) again).getText()), "both fields are cleared");

        type(v, "correct horse", "correct horse");
        assertEquals(java.util.List.of("correct horse"), offered);
        assertTrue(!Fx.call(vm::isLocked));

        // the next lock asks once
        Fx.run(() -> vm.lock("Locked by you."));
        assertTrue(!Fx.call(again::isVisible), "unlocking asks once");
        assertTrue(!Fx.call(ifLost::isVisible));
    }

    /** Types the passphrase (and its repetition) and presses the screen's button. */
    private static void type(UnlockView v, String first, String second) throws Exception {
        Fx.run(() -> {
            ((javafx.scene.control.PasswordField) v.lookup("#unlock-passphrase")).setText(first);
            ((javafx.scene.control.PasswordField) v.lookup("#unlock-again")).setText(second);
            ((javafx.scene.control.Button) v.lookup("#unlock-button")).fire();
        });
        Fx.settle();
    }
}
