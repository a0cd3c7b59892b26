package org.chartlens.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Restrictions;
import org.chartlens.store.Freshness;

/**
 * What one open chart shows: the model plus how fresh the cache is. Made by
 * {@link ChartQuery#open} (one record) or {@link ChartQuery#openPerson} (a person's linked
 * records merged, issue 14). Immutable; no JavaFX.
 *
 * @param org        organization id (of the first record)
 * @param patientId  the patient's id there
 * @param model      every tab's model
 * @param freshness  per organization and resource type
 * @param lastSynced when the first record was last synced, or null
 * @param buildMillis how long reading and building took (shown in the status area)
 * @param records    every record shown, the first one first (one for a single record)
 * @param syncedByRecord when each record was last synced (absent when never)
 * @param restrictions the chart's restricted records (issue 18): hidden from {@code model} unless
 *                     {@link Restrictions#shown()} (the glass broken); never null
 */
public record ChartData(String org, String patientId, ChartModel model, List<Freshness> freshness,
                        Instant lastSynced, long buildMillis, List<PatientRef> records,
                        Map<PatientRef, Instant> syncedByRecord, Restrictions restrictions) {

    public ChartData {
        restrictions = restrictions == null ? Restrictions.NONE : restrictions;
        records = records == null || records.isEmpty() ? List.of(new PatientRef(org, patientId)) : List.copyOf(records);
        syncedByRecord = syncedByRecord == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(syncedByRecord));
    }

    /** A chart with no restricted records. */
    public ChartData(String org, String patientId, ChartModel model, List<Freshness> freshness,
                     Instant lastSynced, long buildMillis, List<PatientRef> records,
                     Map<PatientRef, Instant> syncedByRecord) {
        this(org, patientId, model, freshness, lastSynced, buildMillis, records, syncedByRecord, Restrictions.NONE);
    }

    /** One record's chart. */
    public ChartData(String org, String patientId, ChartModel model, List<Freshness> freshness,
                     Instant lastSynced, long buildMillis) {
        this(org, patientId, model, freshness, lastSynced, buildMillis, List.of(new PatientRef(org, patientId)),
                lastSynced == null ? Map.of() : Map.of(new PatientRef(org, patientId), lastSynced), Restrictions.NONE);
    }

    /**
     * The same chart for a document that leaves the screen (print, PDF, referral summary): this
     * chart when it is masked or {@code includeRestricted} is ticked; otherwise it must be read
     * again masked ({@link ChartQuery#open} with {@code Disclosure.MASKED}). Returns true when this
     * chart may be used as it is.
     */
    public boolean fitFor(boolean includeRestricted) {
        return !restrictions.shown() || includeRestricted;
    }

    /** The first record. */
    public PatientRef ref() {
        return new PatientRef(org, patientId);
    }

    /** The organizations of the records, in record order, each once. */
    public List<String> orgs() {
        List<String> out = new ArrayList<>();
        for (PatientRef r : records) {
            if (!out.contains(r.org())) {
                out.add(r.org());
            }
        }
        return out;
    }

    /** True when this chart shows several linked records (a person). */
    public boolean isPerson() {
        return records.size() > 1;
    }
}
