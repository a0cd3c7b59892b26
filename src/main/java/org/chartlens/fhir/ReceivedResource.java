package org.chartlens.fhir;

/**
 * One resource as read from a server or file: its raw JSON (exactly as received) plus the
 * fields the cache indexes, picked up while streaming so no full tree is built.
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
 */
public record ReceivedResource(String type, String id, String patientRef, String effective,
                             String status, String code, String lastUpdated, String fullUrl,
                             String json) {

    /** The patient's logical id from {@link #patientRef()}: "Patient/x", absolute URL or "x". */
    public String patientId() {
        if ("Patient".equals(type)) {
            return id;
        }
        return idOf(patientRef, "Patient");
    }

    /** The id of a reference to {@code wantedType}, or null when it refers to another type. */
    public static String idOf(String reference, String wantedType) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        String ref = reference;
        int hist = ref.indexOf("/_history/");
        if (hist >= 0) {
            ref = ref.substring(0, hist);
        }
        int slash = ref.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        int prev = ref.lastIndexOf('/', slash - 1);
        String type = ref.substring(prev + 1, slash);
        return wantedType.equals(type) && slash < ref.length() - 1 ? ref.substring(slash + 1) : null;
    }
}
