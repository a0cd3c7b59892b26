package org.chartlens.ui.port;

/** Background syncs. Thread safe. */
public interface SyncPort {
    /**
     * Starts a background sync of one organization (one patient when {@code patientId} is not
     * null). Returns at once (may resolve the organization first: call it from the task
     * executor); the listener is called from the sync's threads (the UI hops to the FX thread
     * itself).
     */
    Handle startSync(String orgId, String patientId, Listener listener);

    /** Sync progress, delivered as coarse snapshots, from any thread. */
    interface Listener {
        /**
         * @param type    resource type being pulled, or null for overall messages
         * @param done    resources of that type so far
         * @param overall 0..1 overall progress, or -1 when unknown
         */
        void progress(String org, String type, int done, double overall);

        /** Called once at the end; {@code error} is null on success (plain words otherwise). */
        void finished(String org, String error);
    }

    /** A running sync. */
    interface Handle {
        void cancel();
    }
}
