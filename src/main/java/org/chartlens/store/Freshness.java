package org.chartlens.store;

import java.time.Instant;

/**
 * How fresh one organization x resource type is in the cache.
 *
 * @param org          organization id
 * @param type         resource type
 * @param lastSuccess  last complete pull, or null
 * @param lastError    plain-words reason of the last failure, or null
 * @param lastErrorAt  when it failed, or null
 * @param state        "ok", "failed", "unsupported" (server lacks the type), "not-granted" (scope)
 */
public record Freshness(String org, String type, Instant lastSuccess, String lastError,
                        Instant lastErrorAt, String state) {
}
