package org.chartlens.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A checked token endpoint response. {@code expiresAt} is computed from the local receipt time
 * (clocks differ) minus a skew margin, so a token is refreshed before the server rejects it.
 * {@code scopes} is null when the server did not say (then the requested scopes were granted).
 * Immutable; {@link #toString()} prints no token.
 */
public record TokenResponse(String accessToken, String tokenType, Instant receivedAt, Instant expiresAt,
                            String refreshToken, Long refreshExpiresInSeconds, List<String> scopes, String idToken,
                            String patient, String encounter, String fhirUser, boolean needPatientBanner) {

    /** Margin subtracted from expires_in: 30 s, or a fifth of very short lifetimes. */
    static Duration skewFor(long expiresInSeconds) {
        return Duration.ofSeconds(Math.min(30, Math.max(0, expiresInSeconds / 5)));
    }

    static final long DEFAULT_EXPIRES_IN = 3600;

    static TokenResponse parse(JsonNode j, Instant receivedAt) throws AuthException {
        String access = text(j, "access_token");
        if (access == null || access.isEmpty()) {
            throw malformed("it contained no access token");
        }
        String type = text(j, "token_type");
        if (type == null || !type.equalsIgnoreCase("bearer")) {
            throw malformed("its token type is not Bearer");
        }
        long expiresIn = DEFAULT_EXPIRES_IN;
        JsonNode e = j.get("expires_in");
        if (e != null && !e.isNull()) {
            if (e.isNumber()) {
                expiresIn = e.asLong();
            } else if (e.isTextual() && e.asText().matches("\\d{1,10}")) {
                expiresIn = Long.parseLong(e.asText());
            } else {
                throw malformed("its expiry is unreadable");
            }
        }
        Instant expiresAt = receivedAt.plusSeconds(expiresIn).minus(skewFor(expiresIn));
        Long refreshExpires = null;
        // SMART/Epic name it refresh_token_expires_in; Keycloak-style servers refresh_expires_in.
        // Either may come as a number or as a string of digits (as some servers send expires_in).
        Long smart = seconds(j.get("refresh_token_expires_in"));
        refreshExpires = smart != null ? smart : seconds(j.get("refresh_expires_in"));
        String scope = text(j, "scope");
        List<String> scopes = scope == null ? null
                : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        JsonNode banner = j.get("need_patient_banner");
        return new TokenResponse(access, "Bearer", receivedAt, expiresAt, emptyToNull(text(j, "refresh_token")),
                refreshExpires, scopes, emptyToNull(text(j, "id_token")), emptyToNull(text(j, "patient")),
                emptyToNull(text(j, "encounter")), emptyToNull(text(j, "fhirUser")),
                banner != null && banner.asBoolean(false));
    }

    /** A positive number of seconds (a number or digits in a string), else null (0 = no end said). */
    private static Long seconds(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        long v;
        if (n.isNumber() && n.canConvertToLong()) {
            v = n.asLong();
        } else if (n.isTextual() && n.asText().trim().matches("\\d{1,12}")) {
            v = Long.parseLong(n.asText().trim());
        } else {
            return null;
        }
        return v > 0 ? v : null;
    }

    private static AuthException malformed(String why) {
        return new AuthException("The organization's sign-in service sent an unusable answer (" + why
                + "). Please try again or contact its administrator.", "invalid_token_response", null);
    }

    private static String text(JsonNode j, String f) {
        JsonNode n = j.get(f);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresAt=" + expiresAt + ", refresh=" + (refreshToken != null) + ", scopes=" + scopes + "]";
    }
}
