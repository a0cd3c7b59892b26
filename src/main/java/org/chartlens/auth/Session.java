package org.chartlens.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.connect.Organization;

/**
 * One organization's signed-in state: tokens, their expiry, what was granted, who signed in and
 * the patient in context, and the endpoints to refresh and revoke at. Persisted only through the
 * secret store (it holds tokens); {@link #toString()} never prints a token. Immutable.
 *
 * @param accessTokenExpiresAt local receipt time + expires_in - a skew margin
 * @param refreshGrantExpiresAt when the refresh grant runs out, where known (server value or the
 *                              vendor's documented lifetime), else null
 * @param subject               the validated id_token {@code sub}, else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(
        String organizationId,
        Organization.Flow flow,
        String clientId,
        SmartConfiguration server,
        String accessToken,
        String tokenType,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshGrantExpiresAt,
        List<String> requestedScopes,
        List<String> grantedScopes,
        String patient,
        String encounter,
        String fhirUser,
        boolean needPatientBanner,
        String subject,
        Instant signedInAt,
        Instant refreshedAt) {

    public Session {
        requestedScopes = requestedScopes == null ? List.of() : List.copyOf(requestedScopes);
        grantedScopes = grantedScopes == null ? List.of() : List.copyOf(grantedScopes);
    }

    /** Requested scopes the server did not grant: features needing them are unavailable, not broken. */
    public List<String> refusedScopes() {
        List<String> out = new ArrayList<>(requestedScopes);
        out.removeAll(grantedScopes);
        return out;
    }

    public boolean isGranted(String scope) {
        return grantedScopes.contains(scope);
    }

    public boolean accessTokenValidAt(Instant when) {
        return accessToken != null && accessTokenExpiresAt != null && when.isBefore(accessTokenExpiresAt);
    }

    Session withTokens(TokenResponse r, String keptRefreshToken, Instant refreshGrantEnd) {
        return new Session(organizationId, flow, clientId, server, r.accessToken(), r.tokenType(), r.expiresAt(),
                r.refreshToken() != null ? r.refreshToken() : keptRefreshToken, refreshGrantEnd, requestedScopes,
                r.scopes() != null ? r.scopes() : grantedScopes,
                r.patient() != null ? r.patient() : patient,
                r.encounter() != null ? r.encounter() : encounter,
                fhirUser, needPatientBanner, subject, signedInAt, r.receivedAt());
    }

    Session withoutRefreshToken() {
        return new Session(organizationId, flow, clientId, server, accessToken, tokenType, accessTokenExpiresAt,
                null, null, requestedScopes, grantedScopes, patient, encounter, fhirUser, needPatientBanner,
                subject, signedInAt, refreshedAt);
    }

    @Override
    public String toString() {
        return "Session[" + organizationId + ", flow=" + flow + ", expires=" + accessTokenExpiresAt
                + ", refreshable=" + (refreshToken != null) + "]";
    }
}
