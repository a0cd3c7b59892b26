package org.chartlens.store;

import java.util.Arrays;
import org.sqlite.SQLiteConfig;
import org.sqlite.mc.SQLiteMCChacha20Config;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;
import org.sqlite.mc.SQLiteMCWxAES256Config;

/**
 * The page cipher schemes of SQLite3MultipleCiphers the cache knows: the one new caches use
 * ({@link #CURRENT}) and the ones older releases wrote, which are re-keyed to {@link #CURRENT} on
 * open ({@link CacheMigration}). Decision 0380.
 */
enum CacheCipher {
    /** SQLCipher v4: AES-256-CBC with HMAC-SHA512 over every page (page authentication). */
    SQLCIPHER4("sqlcipher", true),
    /** sqleet: ChaCha20 with a Poly1305 tag over every page (page authentication). */
    CHACHA20("chacha20", true),
    /** wxSQLite3's AES-256 (CBC, no authentication): ChartLens 0.1.0 and 0.2 caches. */
    WXAES256("aes256cbc", false);

    /** The cipher of caches created from now on. */
    static final CacheCipher CURRENT = CHACHA20;

    private final String pragmaName;
    private final boolean authenticated;

    CacheCipher(String pragmaName, boolean authenticated) {
        this.pragmaName = pragmaName;
        this.authenticated = authenticated;
    }

    /** The name {@code PRAGMA cipher} reports for this scheme. */
    String pragmaName() {
        return pragmaName;
    }

    /** True when a modified page fails its tag check instead of decrypting to garbage. */
    boolean authenticated() {
        return authenticated;
    }

    /** The SQL literal of {@code key} as this scheme's raw key (for {@code PRAGMA rekey}). */
    String rawKeyLiteral(byte[] key) {
        String hex = java.util.HexFormat.of().formatHex(key);
        return switch (this) {
            case SQLCIPHER4 -> "\"x'" + hex + "'\"";
            case CHACHA20 -> "'raw:" + hex + "'";
            case WXAES256 -> throw new UnsupportedOperationException("caches are not re-keyed to wxAES256");
        };
    }

    /**
     * The keyed configuration. The key is 32 random bytes from the secret store, not a
     * passphrase: SQLCipher takes it raw (no PBKDF2, whose 256,000 iterations would only slow
     * every connection's open); the other schemes keep the hex-key form they were written with.
     */
    SQLiteConfig config(byte[] key) {
        byte[] k = Arrays.copyOf(key, key.length);
        SQLiteConfig config = switch (this) {
            // SQLCipher encrypts the whole header, page size included: it is configured, not
            // read, so every SQLCipher cache has CacheFile.PAGE_SIZE pages (migration converts)
            case SQLCIPHER4 -> SQLiteMCSqlCipherConfig.getV4Defaults().setLegacyPageSize(CacheFile.PAGE_SIZE)
                    .withRawUnsaltedKey(k).build();
            case CHACHA20 -> SQLiteMCChacha20Config.getDefault().withRawUnsaltedKey(k).build();
            case WXAES256 -> new SQLiteMCWxAES256Config().withHexKey(k).build();
        };
        Arrays.fill(k, (byte) 0);
        config.setBusyTimeout(10_000);
        return config;
    }
}
