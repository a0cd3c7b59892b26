package org.chartlens.store;

import org.sqlite.SQLiteException;

/**
 * A failure while reading or writing an open cache. The message is plain words and PHI-free: it
 * names what could not be done and SQLite's result code, never a value from the cache.
 */
public final class CacheException extends RuntimeException {
    private final boolean damaged;
    private final boolean full;

    public CacheException(String message, Throwable cause) {
        this(message, cause, false, false);
    }

    private CacheException(String message, Throwable cause, boolean damaged, boolean full) {
        super(message + (cause == null ? "" : ": " + safe(cause)), cause);
        this.damaged = damaged;
        this.full = full;
    }

    /**
     * A write found no room (SQLITE_FULL): in words, which folder and how much space is free. The
     * write's own transaction was rolled back; everything committed before it (a sync's completed
     * batches, each with its cursors) is kept, so the next sync resumes from there.
     */
    static CacheException full(java.nio.file.Path folder, Throwable cause) {
        long free = -1;
        try {
            free = java.nio.file.Files.getFileStore(folder).getUsableSpace();
        } catch (java.io.IOException | RuntimeException e) {
            // unknown: said so below
        }
        String message;
        if (free >= 0 && free < LIMIT_NOT_DISK) {
            message = "The disk is full: the folder of the local cache (" + folder + ") has "
                    + megabytes(free) + " free, and the cache needs more to store what was received. "
                    + "What was synced before is kept; free some space on that disk and sync again";
        } else {
            message = "The local cache is full: it reached its size limit in " + folder
                    + (free >= 0 ? " (the disk has " + megabytes(free) + " free)" : "")
                    + ". What was synced before is kept";
        }
        return new CacheException(message, cause, false, true);
    }

    /** Below this much free space a SQLITE_FULL is the disk; above, the cache's own limit. */
    private static final long LIMIT_NOT_DISK = 64L * 1024 * 1024;

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** True when a write found no room (see {@link #full(java.nio.file.Path, Throwable)}). */
    public boolean full() {
        return full;
    }

    /** True when {@code e} is SQLite saying the disk or the database is full. */
    static boolean isFull(java.sql.SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_FULL) {
            return true;
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_FULL") || m.contains("database or disk is full");
    }

    /**
     * A read or write found the file damaged: a page failed its authentication tag (modified on
     * disk) or its structure is broken. The way out is {@code chartlens cache rebuild}.
     */
    static CacheException damaged(Throwable cause) {
        return new CacheException("The local cache file is damaged: a part of it was changed on disk or could "
                + "not be decrypted. It can be rebuilt from the servers ('chartlens cache rebuild')", cause, true, false);
    }

    /** True when the cache file is damaged (see {@link #damaged(Throwable)}); rebuilding is the way out. */
    public boolean damaged() {
        return damaged;
    }

    /** True when {@code e} is SQLite saying the file is damaged or a page does not decrypt. */
    static boolean isDamage(java.sql.SQLException e) {
        if (e instanceof SQLiteException se) {
            org.sqlite.SQLiteErrorCode code = se.getResultCode();
            return code == org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT || code == org.sqlite.SQLiteErrorCode.SQLITE_NOTADB;
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("malformed") || m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB");
    }

    private static String safe(Throwable t) {
        if (t instanceof SQLiteException se) {
            return se.getResultCode().name();
        }
        return t.getClass().getSimpleName();
    }
}
