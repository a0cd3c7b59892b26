package org.chartlens.clinical;

import java.time.Instant;
import java.util.List;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.PatientRef;
import org.chartlens.store.Freshness;

/**
 * What one open chart shows: the model plus how fresh the cache is. Made by
 * {@link ChartQuery#open}. Immutable; no JavaFX.
 *
 * @param org        organization id
 * @param patientId  the patient's id there
 * @param model      every tab's model
 * @param freshness  per resource type
 * @param lastSynced when this patient was last synced, or null
 * @param buildMillis how long reading and building took (shown in the status area)
 */
public record ChartData(String org, String patientId, ChartModel model, List<Freshness> freshness,
                        Instant lastSynced, long buildMillis) {

    public PatientRef ref() {
        return new PatientRef(org, patientId);
    }
}
