package org.chartlens.auth;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Where ChartLens keeps what must stay secret: refresh tokens and sessions, client secrets,
 * backend private keys, and the cache encryption key. Implementations: the OS secret store
 * ({@link OsKeyringSecretStore}) or a file wrapped with a passphrase-derived key
 * ({@link EncryptedFileSecretStore}); {@link SecretStores#open} picks one. Values never appear in
 * logs, plain files or exception messages. Implementations are thread safe and safe to share
 * between processes (another process may write between two calls).
 */
public interface SecretStore {

    Optional<byte[]> get(String name);

    /** Stores atomically: a reader sees the old value or the new one, never a mix. */
    void put(String name, byte[] value);

    void delete(String name);

    /** Plain words for the UI and README, e.g. "the OS keyring" (no secret). */
    String description();

    /**
     * A 256-bit key under {@code name}, created from SecureRandom on first use (e.g. the cache
     * encryption key; the app passes the bytes on to the store).
     */
    default byte[] getOrCreateKey(String name) {
        synchronized (this) {
            Optional<byte[]> existing = get(name);
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            put(name, key);
            return get(name).orElse(key);
        }
    }
}
