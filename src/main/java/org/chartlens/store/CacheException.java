package org.chartlens.store;

import org.sqlite.SQLiteException;

/**
 * A failure while reading or writing an open cache. The message is plain words and PHI-free: it
 * names what could not be done and SQLite's result code, never a value from the cache.
 */
public final class CacheException extends RuntimeException {
    public CacheException(String message, Throwable cause) {
        super(message + (cause == null ? "" : ": " + safe(cause)), cause);
    }

    private static String safe(Throwable t) {
        if (t instanceof SQLiteException se) {
            return se.getResultCode().name();
        }
        return t.getClass().getSimpleName();
    }
}
