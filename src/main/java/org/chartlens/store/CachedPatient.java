package org.chartlens.store;

import java.time.Instant;

/**
 * A patient held in the cache, as the worklist lists it.
 *
 * @param org        organization id
 * @param id         the Patient's logical id at that organization
 * @param json       raw Patient JSON
 * @param lastSynced when a sync of this patient last completed, or null
 */
public record CachedPatient(String org, String id, String json, Instant lastSynced) {
}
