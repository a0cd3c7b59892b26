package org.chartlens.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.chartlens.connect.Organization;

/**
 * When a refresh grant runs out, the one rule for sign-in and for every refresh (issue 17): the
 * server's own word first ({@code refresh_token_expires_in}, or {@code refresh_expires_in}, read by
 * {@link TokenResponse}); else the {@code exp} of a refresh token issued as a JWT (Credible: "Tokens,
 * including initial refresh tokens, are issued as JSON Web Tokens"); else the vendor's documented
 * lifetime counted from the sign-in, never from a rotation (Veracity: 90 days; a rotated refresh token
 * continues the same grant); else the end already known; else not known (null).
 * The JWT is only read for this date, never trusted for anything else. Stateless.
 */
final class RefreshGrant {
    static final Duration DOCUMENTED_90_DAYS = Duration.ofDays(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RefreshGrant() {
    }

    /**
     * @param r          the token response (sign-in or refresh)
     * @param knownEnd   the end known before this response (a refresh), or null (a sign-in)
     * @param signedInAt when the grant began (the sign-in's time)
     */
    static Instant end(TokenResponse r, Instant knownEnd, Instant signedInAt, Organization org) {
        if (r.refreshExpiresInSeconds() != null) {
            return r.receivedAt().plusSeconds(r.refreshExpiresInSeconds());
        }
        Instant fromJwt = r.refreshToken() == null ? null : jwtExpiry(r.refreshToken());
        if (fromJwt != null) {
            return fromJwt;
        }
        if (org.has(Organization.Quirk.REFRESH_GRANT_90_DAYS) && signedInAt != null) {
            return signedInAt.plus(DOCUMENTED_90_DAYS);
        }
        return knownEnd;
    }

    /** The {@code exp} claim of a compact JWS, or null when the token is not a JWT or has none. */
    static Instant jwtExpiry(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = claims == null ? null : claims.get("exp");
            return exp != null && exp.canConvertToLong() && exp.asLong() > 0 ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }
}
