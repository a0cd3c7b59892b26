package org.chartlens.domain;

import java.util.Objects;

/**
 * One patient's chart in the cache: the organization it came from and the Patient's logical id
 * there (patients are identified by the pair; the same id may exist at two organizations).
 * Immutable, thread safe.
 *
 * @param org organization id
 * @param id  the Patient's FHIR logical id at that organization
 */
public record PatientRef(String org, String id) {
    public PatientRef {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(id, "id");
    }

    /** As the command line takes it: {@code ORG:ID}. */
    public String qualified() {
        return org + ":" + id;
    }
}
