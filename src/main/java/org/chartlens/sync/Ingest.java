package org.chartlens.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chartlens.domain.Compartment;
import org.chartlens.domain.LiteralReference;
import org.chartlens.fhir.ReceivedResource;
import org.chartlens.store.StoredResource;

/**
 * The one way received resources enter the cache, for a sync, a bulk export and an import
 * alike: each resource is checked (lenient-parsing warnings), given its patient by
 * {@link Compartment#owner}, and queued on the run's {@link CacheWriter}; the shared resources
 * it references come from the references the stream parse already collected (no second look
 * at the JSON). Thread safe (fetch workers call it concurrently); one instance per run.
 */
final class Ingest {
    private static final int JOB_ROWS = 2000;

    private final String org;
    private final CacheWriter writer;
    private final ParseWarnings warnings;

    /**
     * What one batch held.
     *
     * @param rows           resources queued (those with an id)
     * @param latest         their latest {@code meta.lastUpdated}, or null
     * @param sharedReceived shared resources among them, as "Type/id"
     * @param sharedReferenced shared resources the others reference, as "Type/id"
     * @param patients       ids of the Patients among them
     * @param owners         ids of the patients whose compartments they belong to (a bulk export's
     *                       patients, also those whose Patient resource did not come in this export)
     */
    record Batch(List<StoredResource> rows, String latest, Set<String> sharedReceived,
                 Set<String> sharedReferenced, List<String> patients, Set<String> owners) {
    }

    Ingest(String org, CacheWriter writer, ParseWarnings warnings) {
        this.org = org;
        this.writer = writer;
        this.warnings = warnings;
    }

    ParseWarnings warnings() {
        return warnings;
    }

    /**
     * Converts and queues a batch (blocks while the writer's queue is full).
     *
     * @param context the patient these resources were fetched for, or the only patient of the
     *                file they came in; null when there is none (a bulk export)
     */
    Batch accept(List<ReceivedResource> resources, String context) throws InterruptedException {
        List<StoredResource> rows = new ArrayList<>(resources.size());
        List<String> lastUpdated = new ArrayList<>(resources.size());
        Set<String> received = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        List<String> patients = new ArrayList<>(1);
        Set<String> owners = new HashSet<>();
        String latest = null;
        for (ReceivedResource r : resources) {
            StoredResource row = row(r, context);
            if (row == null) {
                continue;
            }
            rows.add(row);
            if (row.patientId() != null && !row.patientId().isEmpty()) {
                owners.add(row.patientId());
            }
            lastUpdated.add(r.lastUpdated());
            latest = LastUpdated.later(latest, r.lastUpdated());
            if (Compartment.isShared(r.type())) {
                received.add(r.type() + "/" + r.id());
            } else {
                // a shared resource's own references (PractitionerRole -> Organization) are not followed
                for (LiteralReference ref : r.references()) {
                    if (Compartment.isShared(ref.type())) {
                        referenced.add(ref.type() + "/" + ref.id());
                    }
                }
            }
            if ("Patient".equals(r.type())) {
                patients.add(r.id());
            }
        }
        // jobs of at most JOB_ROWS: the writer's queue is bounded in jobs, so this bounds the
        // memory an import's whole Bundle (thousands of resources) can hold in it
        for (int from = 0; from < rows.size(); from += JOB_ROWS) {
            int to = Math.min(rows.size(), from + JOB_ROWS);
            writer.submit(new CacheWriter.Job(rows.subList(from, to), lastUpdated.subList(from, to)));
        }
        return new Batch(rows, latest, received, referenced, patients, owners);
    }

    /** The row the cache keeps for {@code r}, or null (reported) when it has no id. */
    StoredResource row(ReceivedResource r, String context) {
        String id = r.id();
        if (id == null || id.isBlank()) {
            warnings.report(r.type() + ": a resource without an id was skipped");
            return null;
        }
        warnings.check(r);
        String patient = Compartment.owner(r.type(), id, r.patientId(), r.references(), context);
        return new StoredResource(org, r.type(), id, patient, r.effective(), r.status(), r.code(), r.json());
    }
}
