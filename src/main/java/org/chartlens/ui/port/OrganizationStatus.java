package org.chartlens.ui.port;

import java.time.Instant;
import java.util.List;

/**
 * Sign-in state as the Organizations view shows it. Immutable.
 *
 * @param signedIn        whether a usable token (or refresh token) is held
 * @param signedInAs      fhirUser / user name, or null
 * @param patient         the patient in context (patient-scoped sign-in), or null
 * @param grantedScopes   scopes the server granted
 * @param refusedScopes   requested but not granted
 * @param tokenExpires    access token expiry, or null
 * @param refreshExpires  refresh token expiry, or null (unknown or none)
 * @param lastError       plain-words last error, or null
 */
public record OrganizationStatus(boolean signedIn, String signedInAs, String patient,
                                 List<String> grantedScopes, List<String> refusedScopes,
                                 Instant tokenExpires, Instant refreshExpires, String lastError) {
    public static OrganizationStatus signedOut(String lastError) {
        return new OrganizationStatus(false, null, null, List.of(), List.of(), null, null, lastError);
    }
}
