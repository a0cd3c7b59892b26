package org.chartlens.domain;

/**
 * One FHIR resource as the clinical layer receives it: raw JSON plus the columns the cache
 * indexes. The same shape as {@code store.StoredResource}; the store hands these out
 * ({@code ChartStore.chartResources}, the one copy) so that the clinical builders depend on
 * nothing but {@code domain} (see docs/architecture.md). Immutable, thread safe.
 *
 * @param org       source organization id
 * @param type      resourceType
 * @param id        logical id at that organization
 * @param patientId the patient it belongs to, or null for shared resources
 * @param effective the clinically relevant date as given, or null
 * @param status    status code, or null
 * @param code      first coding "system|code", or null
 * @param json      the raw resource JSON
 */
public record RawResource(String org, String type, String id, String patientId,
                          String effective, String status, String code, String json) {
}
