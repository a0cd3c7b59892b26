package org.chartlens.fhir;

import java.util.List;
import org.chartlens.domain.LiteralReference;

/**
 * One resource as read from a server or file: its raw JSON (exactly as received) plus the
 * fields the cache indexes and the references it makes, picked up while streaming so no full
 * tree is built and the JSON is not scanned again.
 *
 * @param type        resourceType
 * @param id          logical id, or null when the resource has none
 * @param patientRef  the patient it is about ({@code subject}, {@code patient} or
 *                    {@code beneficiary} reference as given), or null; for a Patient its own id
 * @param effective   clinically relevant date as given (may be partial or malformed), or null
 * @param status      status, or clinicalStatus code, or null
 * @param code        first coding of code / vaccineCode / medicationCodeableConcept / type as
 *                    "system|code", or null
 * @param lastUpdated meta.lastUpdated as given, or null
 * @param fullUrl     the Bundle entry's fullUrl, or null
 * @param json        raw JSON of the resource
 * @param references  every literal reference in it ({@code "reference"} members at any depth,
 *                    contained resources included), in document order; unmodifiable
 */
public record ReceivedResource(String type, String id, String patientRef, String effective,
                             String status, String code, String lastUpdated, String fullUrl,
                             String json, List<LiteralReference> references) {

    /** The patient's logical id from {@link #patientRef()} ("Patient/x" or an absolute URL), or null. */
    public String patientId() {
        if ("Patient".equals(type)) {
            return id;
        }
        return LiteralReference.idOf(patientRef, "Patient");
    }

    /** The same resource as found in a Bundle entry with this fullUrl. */
    ReceivedResource withFullUrl(String url) {
        return new ReceivedResource(type, id, patientRef, effective, status, code, lastUpdated, url, json, references);
    }
}
