package org.chartlens.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.util.List;

/**
 * What a FHIR server says about its authorization server (SMART App Launch
 * {@code .well-known/smart-configuration}, or the CapabilityStatement's oauth-uris extension).
 * Every endpoint is absolute and has passed {@link TransportPolicy#requireSecure}. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SmartConfiguration(
        URI fhirBase,
        String issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI revocationEndpoint,
        URI registrationEndpoint,
        URI jwksUri,
        List<String> codeChallengeMethods,
        List<String> grantTypes,
        List<String> capabilities,
        List<String> scopesSupported,
        List<String> tokenEndpointAuthMethods,
        boolean fromCapabilityStatement) {

    public SmartConfiguration {
        codeChallengeMethods = codeChallengeMethods == null ? List.of() : List.copyOf(codeChallengeMethods);
        grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        scopesSupported = scopesSupported == null ? List.of() : List.copyOf(scopesSupported);
        tokenEndpointAuthMethods = tokenEndpointAuthMethods == null ? List.of() : List.copyOf(tokenEndpointAuthMethods);
    }

    /** A configuration from documented endpoints only (no discovery), for vendors that allow it. */
    public static SmartConfiguration documented(URI fhirBase, URI authorize, URI token) {
        return new SmartConfiguration(fhirBase, null, authorize, token, null, null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), false);
    }

    public boolean offersRevocation() {
        return revocationEndpoint != null;
    }
}
