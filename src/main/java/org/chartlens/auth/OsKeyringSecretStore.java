package org.chartlens.auth;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's secret store (macOS Keychain, Windows Credential Manager, freedesktop
 * Secret Service) through java-keyring. Entries are named
 * {@code ChartLens / <data-folder hash>:<name>} so two data folders never share secrets.
 * Windows limits an entry to 2,560 bytes, too small for a session with JWT tokens, so the app
 * uses this store for one 256-bit master key ({@link #withMasterKey}) that encrypts
 * {@code <data dir>/secrets-keyring.bin}. Thread safe (calls are serialised); each call is one IPC
 * round trip to the OS store.
 */
public final class OsKeyringSecretStore implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(OsKeyringSecretStore.class);
    static final String SERVICE = "ChartLens";

    private final Keyring keyring;
    private final String prefix;

    private OsKeyringSecretStore(Keyring keyring, String scope) {
        this.keyring = keyring;
        this.prefix = scope + ":";
    }

    /**
     * The OS secret store if one answers within {@code probeTimeout} (a store, read and delete of a
     * probe entry); empty on headless machines without one.
     */
    public static Optional<OsKeyringSecretStore> probe(java.nio.file.Path dataDir, Duration probeTimeout) {
        CompletableFuture<Optional<OsKeyringSecretStore>> f = CompletableFuture.supplyAsync(() -> {
            try {
                Keyring k = Keyring.create();
                OsKeyringSecretStore s = new OsKeyringSecretStore(k, scopeFor(dataDir));
                s.put("probe", new byte[] {1});
                boolean ok = s.get("probe").isPresent();
                s.delete("probe");
                return ok ? Optional.of(s) : Optional.<OsKeyringSecretStore>empty();
            } catch (Exception | LinkageError e) {
                LOG.info("No OS secret store available ({})", e.getClass().getSimpleName());
                return Optional.<OsKeyringSecretStore>empty();
            }
        });
        try {
            return f.get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            f.cancel(true);
            LOG.info("The OS secret store did not answer in time");
            return Optional.empty();
        }
    }

    /**
     * The secrets file of {@code dataDir} encrypted under a master key that lives in this OS
     * store (created on first use).
     */
    public EncryptedFileSecretStore withMasterKey(java.nio.file.Path dataDir) {
        byte[] key = getOrCreateKey("master-key");
        return EncryptedFileSecretStore.openWithKey(dataDir.resolve(FILE_NAME), key,
                "a file encrypted with a key kept in " + description());
    }

    public static final String FILE_NAME = "secrets-keyring.bin";

    static String scopeFor(java.nio.file.Path dataDir) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized Optional<byte[]> get(String name) {
        try {
            String v = keyring.getPassword(SERVICE, prefix + name);
            return v == null ? Optional.empty() : Optional.of(Base64.getDecoder().decode(v));
        } catch (PasswordAccessException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new SecretStoreException("The OS secret store could not be read.", e);
        }
    }

    @Override
    public synchronized void put(String name, byte[] value) {
        try {
            keyring.setPassword(SERVICE, prefix + name, Base64.getEncoder().encodeToString(value));
        } catch (PasswordAccessException | RuntimeException e) {
            throw new SecretStoreException("The OS secret store refused to save a ChartLens secret.", e);
        }
    }

    @Override
    public synchronized void delete(String name) {
        try {
            keyring.deletePassword(SERVICE, prefix + name);
        } catch (PasswordAccessException e) {
            LOG.debug("Nothing to delete");
        } catch (RuntimeException e) {
            throw new SecretStoreException("The OS secret store refused to delete a ChartLens secret.", e);
        }
    }

    @Override
    public String description() {
        return "the operating system's secret store (" + keyring.getKeyringStorageType() + ")";
    }
}
