package org.chartlens.ui.port;

import org.chartlens.store.ChartStore;

/** The read side of the cache. */
@FunctionalInterface
public interface CachePort {
    /** The cache to read; throws {@link IllegalStateException} while locked. Cheap. */
    ChartStore store();
}
