package org.chartlens.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-keys a cache written with an older cipher ({@link CacheCipher#WXAES256}, ChartLens 0.1.0 and
 * 0.2) to {@link CacheCipher#CURRENT}, on open (decision 0380). The old file stays untouched until
 * the new one is complete: the work happens on a copy beside it ({@code cache.db.rekey}), which
 * then replaces it with one atomic rename. The file keeps its page size. A crash half-way leaves the old cache and a leftover
 * copy, which the next open discards and redoes. Stateless.
 */
final class CacheMigration {
    private static final Logger LOG = LoggerFactory.getLogger(CacheMigration.class);

    private CacheMigration() {
    }

    /**
     * When {@code file} opens with an older cipher and {@code key}, converts it to the current
     * cipher (and page size) and returns true; false when it does not (wrong key, damaged file:
     * the caller reports that as it would have).
     */
    static boolean toCurrent(Path file, byte[] key) {
        CacheCipher old = CacheCipher.WXAES256;
        if (!Files.isRegularFile(file) || !opensWith(file, old, key)) {
            return false;
        }
        Path copy = Path.of(file + ".rekey");
        try {
            deleteWithJournals(copy);
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            try (Connection c = old.config(key).createConnection("jdbc:sqlite:" + copy);
                 Statement s = c.createStatement()) {
                // this SQLite3MultipleCiphers re-keys only outside WAL mode
                s.execute("PRAGMA journal_mode=DELETE");
                CacheCipher now = CacheCipher.CURRENT;
                s.execute("PRAGMA cipher='" + now.pragmaName() + "'");
                if (now == CacheCipher.SQLCIPHER4) {
                    s.execute("PRAGMA legacy=4");
                    s.execute("PRAGMA legacy_page_size=" + CacheFile.PAGE_SIZE);
                }
                s.execute("PRAGMA rekey=" + now.rawKeyLiteral(key));
            }
            if (!opensWith(copy, CacheCipher.CURRENT, key)) {
                throw new IOException("the re-keyed copy does not open with the new cipher");
            }
            CacheFile.ownerOnly(copy);
            move(copy, file);
            LOG.info("The local cache was converted to the authenticated cipher ({})", CacheCipher.CURRENT);
            return true;
        } catch (SQLException | IOException e) {
            deleteQuietly(copy);
            throw new CacheOpenException(CacheOpenException.Reason.IO,
                    "The local cache could not be converted to its new cipher; the old file is kept unchanged. "
                            + "It can be rebuilt from the servers ('chartlens cache rebuild').", e);
        }
    }

    /**
     * True when {@code file} opens and reads with {@code cipher} and {@code key}; the WAL of a
     * cache left open is folded into the file (checkpoint) so that a copy of the file is whole.
     */
    static boolean opensWith(Path file, CacheCipher cipher, byte[] key) {
        try (Connection c = cipher.config(key).createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        // the old file's WAL and shared memory belong to the old cipher
        Files.deleteIfExists(Path.of(to + "-wal"));
        Files.deleteIfExists(Path.of(to + "-shm"));
    }

    private static void deleteWithJournals(Path p) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(p + suffix));
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteWithJournals(p);
        } catch (IOException ignored) {
            // best effort: the next open discards it again
        }
    }
}
