package org.chartlens.ui.port;

import org.chartlens.store.ChartStore;

/** The cache: reading it, and rebuilding it when it is damaged. */
@FunctionalInterface
public interface CachePort {
    /** The cache to read; throws {@link IllegalStateException} while locked. Cheap. */
    ChartStore store();

    /**
     * Rebuilds a damaged cache, as {@code chartlens cache rebuild} does: the damaged file is moved
     * aside (kept, never deleted), a new cache is created and every signed-in organization is
     * synced again, progress reported to {@code progress} from the sync's threads. Returns what was
     * done in plain words. Blocking: call it from the task executor only.
     *
     * @throws UnsupportedOperationException where the cache cannot be rebuilt (read-only modes)
     */
    default String rebuild(SyncPort.Listener progress) throws Exception {
        throw new UnsupportedOperationException("Rebuilding the cache is not available in this mode.");
    }
}
