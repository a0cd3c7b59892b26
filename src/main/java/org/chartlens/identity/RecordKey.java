package org.chartlens.identity;

import java.util.Objects;

/**
 * One patient record as ChartLens stores it (decision 0002): the organization it came from and
 * the FHIR id that organization gives it. Printed {@code ORG:ID}, as the command line writes it.
 */
public record RecordKey(String organizationId, String fhirId) implements Comparable<RecordKey> {
    public RecordKey {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(fhirId, "fhirId");
    }

    @Override
    public int compareTo(RecordKey o) {
        int c = organizationId.compareTo(o.organizationId);
        return c != 0 ? c : fhirId.compareTo(o.fhirId);
    }

    @Override
    public String toString() {
        return organizationId + ":" + fhirId;
    }
}
