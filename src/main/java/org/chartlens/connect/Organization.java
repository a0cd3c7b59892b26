package org.chartlens.connect;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * One organization ChartLens can sign in to: a FHIR base plus how to authenticate there.
 * Immutable and thread safe. Secrets (client secret, private keys, refresh tokens) are NOT
 * held here; they live in the secret store (see {@code auth.SecretStore}) keyed by {@link #id()}.
 *
 * @param id           short slug, unique per installation (e.g. "demo", "veracity")
 * @param name         display name
 * @param fhirBase     the FHIR base URL, no trailing slash
 * @param flow         how to sign in
 * @param clientId     OAuth client id (may be null until the user enters one)
 * @param scopes       requested scopes, in the order sent
 * @param quirks       vendor quirks by name (see {@link Quirk})
 * @param sandboxProfile non-null when this organization is served by the embedded demo EHR
 *                     (the named profile); ChartLens then starts it itself on demand
 * @param preset       true for organizations shipped in resources/organizations.json
 * @param description  one sentence on what this organization requires (registration, client id)
 */
public record Organization(
        String id,
        String name,
        URI fhirBase,
        Flow flow,
        String clientId,
        List<String> scopes,
        Set<Quirk> quirks,
        String sandboxProfile,
        boolean preset,
        String description) {

    public enum Flow { PKCE, SECRET, BACKEND, PASSWORD }

    /** Vendor behaviours the client must accommodate. */
    public enum Quirk {
        /** CareCloud: searches as {@code Type/_search?Patient=ID}, {@code _format=JSON}. */
        SEARCH_VIA_UNDERSCORE_SEARCH,
        /** CareCloud: {@code _format} values upper case (JSON, XML). */
        FORMAT_PARAM_UPPERCASE,
        /** CareCloud: dates like {@code 8/27/1930 12:00:00 AM}. */
        NON_ISO_DATES,
        /** Veracity: refresh tokens single use; each refresh returns a new one. */
        ROTATING_REFRESH_TOKENS,
        /** Payer: the patient id comes from the validated id_token {@code sub}. */
        PATIENT_FROM_ID_TOKEN_SUB,
        /** Veracity: SMART discovery is required (no hard-coded endpoints). */
        DISCOVERY_REQUIRED,
        /** Server rejects Observation searches without a category. */
        OBSERVATION_NEEDS_CATEGORY,
        /** Veracity: the refresh grant lasts 90 days; warn before it runs out. */
        REFRESH_GRANT_90_DAYS
    }

    public Organization {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        quirks = quirks == null ? Set.of() : Set.copyOf(quirks);
    }

    public boolean has(Quirk q) {
        return quirks.contains(q);
    }

    /** The same organization at another FHIR base (the demo EHR's port is only known at run time). */
    public Organization withFhirBase(URI base) {
        return new Organization(id, name, base, flow, clientId, scopes, quirks, sandboxProfile, preset, description);
    }

    public Organization withClientId(String newClientId) {
        return new Organization(id, name, fhirBase, flow, newClientId, scopes, quirks, sandboxProfile, preset, description);
    }

    public Organization withScopes(List<String> newScopes) {
        return new Organization(id, name, fhirBase, flow, clientId, newScopes, quirks, sandboxProfile, preset, description);
    }

    public Organization withFlow(Flow newFlow) {
        return new Organization(id, name, fhirBase, newFlow, clientId, scopes, quirks, sandboxProfile, preset, description);
    }

    /** The requested scopes as one space-separated string, as OAuth sends them. */
    public String scopeString() {
        return String.join(" ", scopes);
    }

    /**
     * The password grant is weaker than every other flow (RFC 9700 forbids it): ChartLens offers
     * it only where a shipped preset documents that the vendor requires it.
     */
    public boolean passwordGrantAllowed() {
        return preset && flow == Flow.PASSWORD;
    }
}
