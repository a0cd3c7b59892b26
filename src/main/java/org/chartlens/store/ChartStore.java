package org.chartlens.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.domain.RawResource;

/**
 * Read side of the encrypted local cache, as the views need it. Thread safe; every method does
 * I/O, so never call it on the FX thread.
 */
public interface ChartStore extends AutoCloseable {

    /** Every cached patient across organizations. */
    List<CachedPatient> patients();

    /**
     * Everything cached for one patient at one organization: the Patient, every resource in its
     * compartment, and the shared resources (Practitioner, Organization, Location, Medication)
     * that the chart references.
     */
    List<StoredResource> chart(String org, String patientId);

    /**
     * {@link #chart} as the clinical layer reads it. This default copies each row; a store may
     * override it to build the records directly.
     */
    default List<RawResource> chartResources(String org, String patientId) {
        return chart(org, patientId).stream().map(ChartStore::toRaw).toList();
    }

    /** The one copy of a cached row into the clinical layer's record (the same eight fields). */
    static RawResource toRaw(StoredResource s) {
        return new RawResource(s.org(), s.type(), s.id(), s.patientId(), s.effective(), s.status(),
                s.code(), s.json());
    }

    /**
     * How many resources of each type one patient's compartment holds (shared ones excluded). The
     * cache answers with one query; this default counts {@link #chartResources}.
     */
    default java.util.Map<String, Integer> countsByType(String org, String patientId) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (RawResource r : chartResources(org, patientId)) {
            if (patientId.equals(r.patientId())) {
                out.merge(r.type(), 1, Integer::sum);
            }
        }
        return out;
    }

    /**
     * Every patient's resources that may carry security labels ({@code meta.security}; issue 18),
     * across organizations, the Patient resources included (the caller decides what masks). The
     * cache answers from a small partial index (its {@code labelled} column, set when a resource is
     * written); this default reads every chart.
     */
    default java.util.List<RawResource> labelledResources() {
        java.util.List<RawResource> out = new java.util.ArrayList<>();
        for (CachedPatient p : patients()) {
            for (RawResource r : chartResources(p.org(), p.id())) {
                if (p.id().equals(r.patientId()) && r.json() != null && r.json().contains("\"security\"")) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * Every patient's resources with a code, as identity and first code only ({@code json} is
     * "{}"): what ChartLens's inference from codes reads (issue 18, setting {@code inferSensitive}).
     * The cache answers with one query that leaves the JSON unread; this default reads every chart.
     */
    default java.util.List<RawResource> codedResources() {
        java.util.List<RawResource> out = new java.util.ArrayList<>();
        for (CachedPatient p : patients()) {
            for (RawResource r : chartResources(p.org(), p.id())) {
                if (p.id().equals(r.patientId()) && r.code() != null) {
                    out.add(new RawResource(r.org(), r.type(), r.id(), r.patientId(), r.effective(), r.status(), r.code(), "{}"));
                }
            }
        }
        return out;
    }

    /** One resource by identity. */
    Optional<StoredResource> resource(String org, String type, String id);

    /**
     * One resource by identity as the clinical layer reads it (rows name their resource, they do
     * not keep its JSON: "raw JSON and source" reads it here); empty when the store does not hold it.
     */
    default Optional<RawResource> rawResource(String org, String type, String id) {
        return resource(org, type, id).map(ChartStore::toRaw);
    }

    /**
     * When one patient's sync at one organization last completed, empty when never. Caches
     * answer with one lookup; this default scans {@link #patients()}.
     */
    default Optional<Instant> lastSynced(String org, String patientId) {
        return patients().stream()
                .filter(p -> p.org().equals(org) && p.id().equals(patientId))
                .findFirst()
                .map(CachedPatient::lastSynced);
    }

    /**
     * The person a cached record belongs to: every record a user linked with it, or the record
     * alone (decision 0602). A store without links answers the record alone.
     */
    default Person personOf(PatientRef record) {
        return Person.single(record);
    }

    /**
     * A person by its id ({@code P-...}): a linked person's id, or a cached record's own id (then
     * the person that record is part of). Empty when no cached record has it.
     */
    default Optional<Person> person(String personId) {
        return patients().stream().map(p -> new PatientRef(p.org(), p.id()))
                .filter(r -> Person.idOf(r).equals(personId)).findFirst().map(this::personOf);
    }

    /**
     * {@code reviewer}'s latest "Mark reviewed" of one record, with what was known then (issue 17);
     * empty when never, and in a store without marks.
     */
    default Optional<org.chartlens.domain.ReviewMark> lastReview(String reviewer, PatientRef record) {
        return Optional.empty();
    }

    /** When {@code reviewer} last reviewed each record they reviewed (empty in a store without marks). */
    default java.util.Map<PatientRef, Instant> lastReviewed(String reviewer) {
        return java.util.Map.of();
    }

    /** The JSON of a resource as a reviewer saw it, by its content hash; empty when not kept. */
    default Optional<String> reviewedJson(String contentHash) {
        return Optional.empty();
    }

    /** Freshness per resource type for one organization. */
    List<Freshness> freshness(String org);

    @Override
    void close();
}
