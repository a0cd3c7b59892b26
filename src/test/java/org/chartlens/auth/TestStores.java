package org.chartlens.auth;

import java.nio.file.Path;

/** Secret stores for tests: the real passphrase-wrapped file, with a low work factor for speed. */
final class TestStores {
    private TestStores() {
    }

    static EncryptedFileSecretStore file(Path dir) {
        return EncryptedFileSecretStore.open(dir.resolve("secrets.bin"), PassphraseSource.fixed("test-passphrase".toCharArray()), 1000);
    }
}
