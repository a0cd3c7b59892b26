package org.chartlens.connect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shipped organization (resources/organizations.json) with what its vendor's documents say:
 * sandbox and production endpoints, and the demo EHR profile that imitates it. Immutable.
 *
 * @param organization the organization as listed (its FHIR base is the sandbox's when known)
 * @param endpoints    documented endpoints per environment
 * @param demoProfile  the embedded demo EHR profile that behaves like this vendor, or null
 * @param source       which vendor document the values come from
 * @param flows        every sign-in flow the vendor documents, with the scopes it asks for
 *                     (the listed flow's included); chosen when the organization is added
 */
public record OrganizationPreset(Organization organization, List<DocumentedEndpoints> endpoints,
                                 String demoProfile, String source, Map<Organization.Flow, List<String>> flows) {

    public OrganizationPreset {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        Map<Organization.Flow, List<String>> all = new java.util.LinkedHashMap<>();
        all.put(organization.flow(), organization.scopes());
        if (flows != null) {
            flows.forEach((f, s) -> all.put(f, List.copyOf(s)));
        }
        flows = java.util.Collections.unmodifiableMap(all);
    }

    public OrganizationPreset(Organization organization, List<DocumentedEndpoints> endpoints, String demoProfile,
                              String source) {
        this(organization, endpoints, demoProfile, source, null);
    }

    public Optional<DocumentedEndpoints> environment(String name) {
        return endpoints.stream().filter(e -> e.environment().equals(name)).findFirst();
    }
}
