package org.chartlens.ui.worklist;

import java.time.Instant;
import org.chartlens.domain.PatientSummary;

/**
 * One worklist line. Immutable.
 *
 * @param org        organization id
 * @param id         patient id there
 * @param summary    name, DOB, age, sex, identifiers
 * @param lastSynced when this patient was last synced, or null
 * @param stale      true when older than the staleness limit (or never synced)
 * @param searchText lower-case text the search box matches (name, ids, identifiers, org)
 */
public record WorklistRow(String org, String id, PatientSummary summary, Instant lastSynced,
                          boolean stale, String searchText) {
}
