package org.chartlens.connect;

import java.util.List;
import java.util.Optional;

/**
 * A shipped organization (resources/organizations.json) with what its vendor's documents say:
 * sandbox and production endpoints, and the demo EHR profile that imitates it. Immutable.
 *
 * @param organization the organization as listed (its FHIR base is the sandbox's when known)
 * @param endpoints    documented endpoints per environment
 * @param demoProfile  the embedded demo EHR profile that behaves like this vendor, or null
 * @param source       which vendor document the values come from
 */
public record OrganizationPreset(Organization organization, List<DocumentedEndpoints> endpoints,
                                 String demoProfile, String source) {

    public OrganizationPreset {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    public Optional<DocumentedEndpoints> environment(String name) {
        return endpoints.stream().filter(e -> e.environment().equals(name)).findFirst();
    }
}
