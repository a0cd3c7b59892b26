package org.chartlens.store;

import org.sqlite.SQLiteException;

/**
 * A failure while reading or writing an open cache. The message is plain words and PHI-free: it
 * names what could not be done and SQLite's result code, never a value from the cache.
 */
public final class CacheException extends RuntimeException {
    private final boolean damaged;

    public CacheException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private CacheException(String message, Throwable cause, boolean damaged) {
        super(message + (cause == null ? "" : ": " + safe(cause)), cause);
        this.damaged = damaged;
    }

    /**
     * A read or write found the file damaged: a page failed its authentication tag (modified on
     * disk) or its structure is broken. The way out is {@code chartlens cache rebuild}.
     */
    static CacheException damaged(Throwable cause) {
        return new CacheException("The local cache file is damaged: a part of it was changed on disk or could "
                + "not be decrypted. It can be rebuilt from the servers ('chartlens cache rebuild')", cause, true);
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
