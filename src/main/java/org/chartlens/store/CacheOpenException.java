package org.chartlens.store;

/**
 * The local cache could not be opened. The message is plain words for a clinician and never
 * contains a key or patient data. {@link #rebuildable()} tells the UI it may offer "rebuild from
 * the servers" (delete the file and sync again), which is always safe: the cache holds copies.
 */
public class CacheOpenException extends RuntimeException {

    /** Why the cache could not be opened. */
    public enum Reason {
        /** The key is missing or is not the key the cache was written with. */
        WRONG_KEY,
        /** The file is damaged or is not a ChartLens cache. */
        CORRUPT,
        /** Written by a newer ChartLens (schema version unknown to this one). */
        NEWER_VERSION,
        /** The file or its folder cannot be read or written. */
        IO
    }

    private final Reason reason;

    public CacheOpenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** True when deleting the cache and syncing again is the way out. */
    public boolean rebuildable() {
        return reason == Reason.WRONG_KEY || reason == Reason.CORRUPT;
    }
}
