package org.chartlens.store;

/**
 * One cached FHIR resource: its raw JSON as received plus the indexed columns the views need.
 *
 * @param org       organization id (source of this resource)
 * @param type      resourceType
 * @param id        logical id at that organization
 * @param patientId the patient this resource belongs to at that organization, or null for
 *                  shared resources (Practitioner, Organization, Location, Medication)
 * @param effective the clinically relevant date as given (may be partial or malformed), or null
 * @param status    status / clinicalStatus code, or null
 * @param code      first coding "system|code", or null
 * @param json      the raw resource JSON
 */
public record StoredResource(
        String org, String type, String id, String patientId,
        String effective, String status, String code, String json) {
}
