package org.chartlens.store;

import java.util.List;
import java.util.Optional;

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

    /** One resource by identity. */
    Optional<StoredResource> resource(String org, String type, String id);

    /** Freshness per resource type for one organization. */
    List<Freshness> freshness(String org);

    @Override
    void close();
}
