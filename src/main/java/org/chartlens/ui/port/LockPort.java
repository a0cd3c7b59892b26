package org.chartlens.ui.port;

/** Dropping keys from memory and getting them back. Thread safe. */
public interface LockPort {
    /** True when a passphrase has been set (otherwise unlock is an OS-user confirmation). Cheap. */
    boolean hasPassphrase();

    /**
     * True when a passphrase protects the secrets but none has been chosen yet (first run on a
     * computer without an OS secret store): the unlock screen then asks the user to choose one.
     * Cheap.
     */
    default boolean passphraseIsNew() {
        return false;
    }

    /**
     * Drops keys and tokens from memory (auto-lock, or the user's Lock action). After this,
     * {@link CachePort#store()} throws until {@link #unlock} succeeds. Must return quickly.
     */
    void lock();

    /** Re-opens keys with the passphrase; false when it is not right. Blocking (key derivation). */
    boolean unlock(char[] passphrase);
}
