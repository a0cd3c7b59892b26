package org.chartlens.ui.common;

import java.util.Optional;
import org.chartlens.domain.Source;

/**
 * Reads the raw JSON of the one resource a {@link Source} names, as the cache holds it now (rows
 * keep only the name, not the JSON). Blocking: call it on the {@link TaskExecutor} only.
 */
@FunctionalInterface
public interface ResourceJson {
    /** The resource's JSON, or empty when it is no longer in the cache (or names no resource). */
    Optional<String> read(Source one) throws Exception;
}
