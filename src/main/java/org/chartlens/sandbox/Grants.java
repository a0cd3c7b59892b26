package org.chartlens.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Authorization codes, grants, access and refresh tokens, all in memory. Thread safe: every
 * single-use check is an atomic compare-and-set, so two racing redemptions of one code or one
 * rotated refresh token cannot both succeed.
 */
final class Grants {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    /** Who signed in, for which client, with what: one sign-in and all tokens that follow it. */
    static final class Grant {
        final String id = random(12);
        final String clientId;
        final Scopes scopes;
        final String patientId;
        /** e.g. {@code Practitioner/123} or {@code Patient/456}; null for backend clients. */
        final String fhirUser;
        /** the id_token {@code sub} */
        final String subject;
        final Instant refreshExpiresAt;
        final AtomicBoolean revoked = new AtomicBoolean();

        Grant(String clientId, Scopes scopes, String patientId, String fhirUser, String subject,
              Instant refreshExpiresAt) {
            this.clientId = clientId;
            this.scopes = scopes;
            this.patientId = patientId;
            this.fhirUser = fhirUser;
            this.subject = subject;
            this.refreshExpiresAt = refreshExpiresAt;
        }
    }

    /** A pending authorization code. */
    static final class Code {
        final String value = random(24);
        final String clientId;
        final String redirectUri;
        final String codeChallenge;
        final String nonce;
        final Grant grant;
        final Instant expiresAt;
        final AtomicBoolean used = new AtomicBoolean();

        Code(String clientId, String redirectUri, String codeChallenge, String nonce, Grant grant,
             Instant expiresAt) {
            this.clientId = clientId;
            this.redirectUri = redirectUri;
            this.codeChallenge = codeChallenge;
            this.nonce = nonce;
            this.grant = grant;
            this.expiresAt = expiresAt;
        }
    }

    static final class AccessToken {
        final String value;
        final Grant grant;
        volatile Instant expiresAt;

        AccessToken(String value, Grant grant, Instant expiresAt) {
            this.value = value;
            this.grant = grant;
            this.expiresAt = expiresAt;
        }
    }

    static final class RefreshToken {
        final String value;
        final Grant grant;
        final AtomicBoolean used = new AtomicBoolean();

        RefreshToken(String value, Grant grant) {
            this.value = value;
            this.grant = grant;
        }
    }

    private final Clock clock;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();

    Grants(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    Code newCode(String clientId, String redirectUri, String challenge, String nonce, Grant grant) {
        Code c = new Code(clientId, redirectUri, challenge, nonce, grant, now().plus(CODE_LIFETIME));
        codes.put(c.value, c);
        return c;
    }

    Code code(String value) {
        return value == null ? null : codes.get(value);
    }

    AccessToken newAccessToken(String value, Grant grant, Duration lifetime) {
        AccessToken t = new AccessToken(value, grant, now().plus(lifetime));
        accessTokens.put(t.value, t);
        return t;
    }

    RefreshToken newRefreshToken(Grant grant, String value) {
        RefreshToken r = new RefreshToken(value == null ? random(32) : value, grant);
        refreshTokens.put(r.value, r);
        return r;
    }

    RefreshToken refreshToken(String value) {
        return value == null ? null : refreshTokens.get(value);
    }

    /** The access token if it is known, unexpired and its grant not revoked; else null. */
    AccessToken validAccessToken(String value) {
        AccessToken t = value == null ? null : accessTokens.get(value);
        if (t == null || t.grant.revoked.get() || !now().isBefore(t.expiresAt)) {
            return null;
        }
        return t;
    }

    /** Revokes a token (access or refresh). Refresh tokens take their whole grant with them. */
    void revoke(String value) {
        AccessToken a = accessTokens.remove(value);
        if (a != null) {
            a.expiresAt = Instant.EPOCH;
        }
        RefreshToken r = refreshTokens.get(value);
        if (r != null) {
            r.grant.revoked.set(true);
        }
    }

    void expireAccessTokens() {
        for (AccessToken t : accessTokens.values()) {
            t.expiresAt = Instant.EPOCH;
        }
    }

    void countTokenRequest(String grantType) {
        tokenRequests.computeIfAbsent(grantType == null ? "" : grantType.toLowerCase(Locale.ROOT),
                k -> new AtomicInteger()).incrementAndGet();
    }

    int tokenRequestCount(String grantType) {
        AtomicInteger n = tokenRequests.get(grantType == null ? "" : grantType.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }
}
