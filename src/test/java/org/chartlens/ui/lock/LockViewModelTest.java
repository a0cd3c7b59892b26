package org.chartlens.ui.lock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.LockPort;
import org.junit.jupiter.api.Test;

/** Locking and unlocking, without a stage: the port's calls, the screen's words, the wiped passphrase. */
class LockViewModelTest {

    /** Unlocks with "right horse"; records what it was asked. */
    static final class Keys implements LockPort {
        boolean isNew;
        boolean locked;
        int locks;
        RuntimeException onLock;
        RuntimeException onUnlock;

        @Override
        public boolean hasPassphrase() {
            return true;
        }

        @Override
        public boolean passphraseIsNew() {
            return isNew;
        }

        @Override
        public void lock() {
            locks++;
            locked = true;
            if (onLock != null) {
                throw onLock;
            }
        }

        @Override
        public boolean unlock(char[] passphrase) {
            if (onUnlock != null) {
                throw onUnlock;
            }
            boolean ok = isNew ? passphrase.length >= 8 : new String(passphrase).equals("right horse");
            if (ok) {
                locked = false;
            }
            return ok;
        }
    }

    @Test
    void onlyTheRightPassphraseUnlocksAndEveryTypedOneIsWiped() {
        Keys keys = new Keys();
        LockViewModel vm = new LockViewModel(keys, new SameThreadTaskExecutor());
        List<Boolean> seen = new ArrayList<>();
        vm.lockedProperty().addListener((o, a, b) -> seen.add(b));

        vm.lock("Locked by you.");
        assertTrue(vm.isLocked());
        assertTrue(keys.locked, "the keys are dropped");
        assertEquals("Locked by you.", vm.reasonProperty().get());
        vm.lock("again");
        assertEquals(1, keys.locks, "locking a locked app does nothing");
        assertEquals("Locked by you.", vm.reasonProperty().get());

        char[] wrong = "wrong horse".toCharArray();
        vm.unlock(wrong);
        assertTrue(vm.isLocked());
        assertEquals("That passphrase is not right. Try again.", vm.messageProperty().get());
        assertFalse(vm.checkingProperty().get());
        assertArrayEquals(new char[wrong.length], wrong, "the typed passphrase is wiped");

        char[] right = "right horse".toCharArray();
        vm.unlock(right);
        assertFalse(vm.isLocked());
        assertEquals("", vm.messageProperty().get());
        assertArrayEquals(new char[right.length], right);
        assertEquals(List.of(true, false), seen);
    }

    @Test
    void theFirstRunAsksToChooseAPassphraseOfEightCharacters() {
        Keys keys = new Keys();
        keys.isNew = true;
        LockViewModel vm = new LockViewModel(keys, new SameThreadTaskExecutor());
        vm.lockAtStart();
        assertTrue(vm.choosingProperty().get());
        assertEquals(LockViewModel.CHOOSE, vm.reasonProperty().get());
        vm.unlock("short".toCharArray());
        assertEquals("Choose a passphrase of at least 8 characters.", vm.messageProperty().get());
        vm.unlock("long enough".toCharArray());
        assertFalse(vm.isLocked());
        assertFalse(vm.choosingProperty().get());

        Keys later = new Keys();
        LockViewModel again = new LockViewModel(later, new SameThreadTaskExecutor());
        again.lockAtStart();
        assertFalse(again.choosingProperty().get());
        assertEquals(LockViewModel.ENTER, again.reasonProperty().get());
    }

    @Test
    void failuresAreSaidInPlainWordsAndTheAppStaysLocked() {
        Keys keys = new Keys();
        keys.onLock = new IllegalStateException("cache busy");
        LockViewModel vm = new LockViewModel(keys, new SameThreadTaskExecutor());
        vm.lock("Locked by you.");
        assertTrue(vm.isLocked(), "the screen is locked even when dropping the keys failed");
        assertEquals("Could not drop keys cleanly; close ChartLens to be safe.", vm.messageProperty().get());

        keys.onUnlock = new IllegalStateException("secret store unreadable");
        vm.unlock("right horse".toCharArray());
        assertTrue(vm.isLocked());
        assertEquals("Unlocking failed: the key store could not be read.", vm.messageProperty().get());
    }
}
