package org.chartlens.sync;

/**
 * Receives a sync's progress. Called from sync threads (never the FX thread): implementations
 * must be thread safe and quick, and hand anything for the UI over with one
 * {@code Platform.runLater} per call.
 */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {
    };

    /** A coarse snapshot (after a committed batch, at most every ~100 ms, and at the end). */
    default void progress(SyncProgress progress) {
    }

    /**
     * Which patients the run is about to pull, once, before the first chart: {@code count} of them,
     * {@code how} in words ("every patient the server lists", "the worklist's patients from demo").
     */
    default void patientsChosen(int count, String how) {
    }

    /** Something was kept as given or skipped (plain words, no PHI), reported once per kind. */
    default void problem(String message) {
    }
}
