package org.chartlens.connect;

import java.net.URI;

/**
 * Endpoints a vendor publishes in its developer documentation for one environment. Used only
 * when SMART discovery at the FHIR base fails and the organization does not require discovery.
 * Any part may be null when the document does not give it. Immutable.
 *
 * @param environment           "sandbox" or "production"
 * @param fhirBase              the FHIR base, no trailing slash
 * @param authorizationEndpoint the OAuth authorize URL
 * @param tokenEndpoint         the OAuth token URL
 * @param note                  what the document says where a URL is not given (e.g. "per customer")
 */
public record DocumentedEndpoints(String environment, URI fhirBase, URI authorizationEndpoint,
                                  URI tokenEndpoint, String note) {
}
