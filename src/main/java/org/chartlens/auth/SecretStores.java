package org.chartlens.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the secret store for a data folder: where an OS secret store answers, a file encrypted
 * with a master key kept there ({@code <data dir>/secrets-keyring.bin}); otherwise the
 * passphrase-wrapped file {@code <data dir>/secrets.bin}. {@code CHARTLENS_SECRET_STORE=file}
 * (or {@code keyring}) forces one. Stateless.
 */
public final class SecretStores {
    public static final String ENV = "CHARTLENS_SECRET_STORE";
    public static final String FILE_NAME = "secrets.bin";

    private SecretStores() {
    }

    public static SecretStore open(Path dataDir, PassphraseSource passphrase, Map<String, String> env) {
        String choice = env.getOrDefault(ENV, "auto").toLowerCase(Locale.ROOT);
        if (!choice.equals("file")) {
            Optional<OsKeyringSecretStore> os = OsKeyringSecretStore.probe(dataDir, Duration.ofSeconds(5));
            if (os.isPresent()) {
                return os.get().withMasterKey(dataDir);
            }
            if (choice.equals("keyring")) {
                throw new SecretStoreException("No OS secret store is available on this computer.", null);
            }
        }
        return EncryptedFileSecretStore.open(dataDir.resolve(FILE_NAME), passphrase);
    }

    /** A store that asks for the passphrase only when it is first used (CLI commands that may not need it). */
    public static SecretStore lazy(Path dataDir, PassphraseSource passphrase, Map<String, String> env) {
        return new SecretStore() {
            private SecretStore delegate;

            private synchronized SecretStore d() {
                if (delegate == null) {
                    delegate = open(dataDir, passphrase, env);
                }
                return delegate;
            }

            @Override
            public Optional<byte[]> get(String name) {
                return d().get(name);
            }

            @Override
            public void put(String name, byte[] value) {
                d().put(name, value);
            }

            @Override
            public void delete(String name) {
                d().delete(name);
            }

            @Override
            public byte[] getOrCreateKey(String name) {
                return d().getOrCreateKey(name);
            }

            @Override
            public String description() {
                return d().description();
            }
        };
    }
}
