package org.chartlens.auth;

import java.nio.file.Path;

/**
 * The passphrase-wrapped secrets file, by the name other packages first used: opens an
 * {@link EncryptedFileSecretStore} keyed by PBKDF2 from a passphrase. Stateless.
 */
public final class PassphraseSecretStore {
    private PassphraseSecretStore() {
    }

    public static EncryptedFileSecretStore open(Path file, PassphraseSource passphrase) {
        return EncryptedFileSecretStore.open(file, passphrase);
    }

    /** With a chosen PBKDF2 work factor for a new file (tests use a low one for speed). */
    public static EncryptedFileSecretStore open(Path file, PassphraseSource passphrase, int iterations) {
        return EncryptedFileSecretStore.open(file, passphrase, iterations);
    }
}
