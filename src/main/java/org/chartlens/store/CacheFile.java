package org.chartlens.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The cache file and its key: the keyed SQLite3MultipleCiphers configuration, opening the writer
 * connection with the file's pragmas, owner-only permissions, and turning SQLite's open errors
 * into a {@link CacheOpenException} in plain words. Stateless.
 */
final class CacheFile {
    private static final Logger LOG = LoggerFactory.getLogger(CacheFile.class);

    /** Page size of caches created from now on; an existing file keeps the one it has. */
    static final int PAGE_SIZE = 32_768;
    private static final int WAL_CHECKPOINT_BYTES = 64 * 1024 * 1024;

    private CacheFile() {
    }

    /** The keyed configuration of the cipher new caches use (decision 0380). */
    static SQLiteConfig keyedConfig(byte[] key) {
        return CacheCipher.CURRENT.config(key);
    }

    /**
     * Creates the folder, opens the writer connection with the key and sets the file's pragmas.
     * The caller migrates the schema and owns the connection.
     */
    static Connection openWriter(Path file, SQLiteConfig config) {
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new CacheOpenException(CacheOpenException.Reason.IO,
                    "The folder of the local cache cannot be created.", e);
        }
        Connection writer = null;
        try {
            writer = config.createConnection("jdbc:sqlite:" + file);
            try (Statement s = writer.createStatement()) {
                // The first read is where a wrong key shows: the header page fails to decrypt.
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
                // Takes effect only when the file is created; caches created with 8 KB pages
                // (by 0.1.0) keep them and work unchanged. 32 KB pages hold about ten typical
                // 2-4 KB resources: a bulk write runs a quarter of the page splits, per-page
                // cipher set-ups and WAL frames it did with 8 KB pages, about 17% less CPU per
                // resource written (decision 0310).
                s.execute("PRAGMA page_size=" + PAGE_SIZE);
                // a sync transaction of ~20,000 resources stays in memory until commit
                s.execute("PRAGMA cache_size=-65536");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                // checkpoint every ~64 MB of WAL instead of SQLite's 1,000 pages: a large chart's
                // sync then does not stop for checkpoints (and their fsyncs); close() checkpoints
                // fully. Counted in pages, so derived from the file's own page size.
                s.execute("PRAGMA wal_autocheckpoint=" + (WAL_CHECKPOINT_BYTES / pageSize(s)));
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("PRAGMA foreign_keys=ON");
            }
            return writer;
        } catch (SQLException e) {
            closeQuietly(writer);
            throw translate(e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    /** Loads SQLite's native library now (best effort: {@link #openWriter} reports any failure). */
    static void loadLibrary() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            LOG.debug("SQLite library not loaded ahead: {}", e.getMessage());
        }
    }

    static int pageSize(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            return rs.next() && rs.getInt(1) > 0 ? rs.getInt(1) : PAGE_SIZE;
        }
    }

    /** Best effort: the cache and its WAL/SHM readable by the owner only (the folder is too). */
    static void ownerOnly(Path db) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path p = Path.of(db + suffix);
            try {
                if (Files.exists(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
                }
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("Cannot restrict permissions of {}", p.getFileName());
            }
        }
    }

    static CacheOpenException translate(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String msg = String.valueOf(e.getMessage());
        if (code == SQLiteErrorCode.SQLITE_NOTADB || msg.contains("not a database")
                || msg.contains("SQLITE_NOTADB")) {
            return new CacheOpenException(CacheOpenException.Reason.WRONG_KEY,
                    "The local cache cannot be opened: its key does not match or the file is damaged. "
                            + "It can be rebuilt from the servers.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT || msg.contains("malformed")) {
            return new CacheOpenException(CacheOpenException.Reason.CORRUPT,
                    "The local cache file is damaged. It can be rebuilt from the servers.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN || code == SQLiteErrorCode.SQLITE_READONLY
                || code == SQLiteErrorCode.SQLITE_PERM || code == SQLiteErrorCode.SQLITE_IOERR) {
            return new CacheOpenException(CacheOpenException.Reason.IO,
                    "The local cache file cannot be read or written.", e);
        }
        return new CacheOpenException(CacheOpenException.Reason.CORRUPT,
                "The local cache cannot be opened (" + (code == null ? "error" : code.name())
                        + "). It can be rebuilt from the servers.", e);
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do
            }
        }
    }
}
