package org.chartlens.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636), always S256: ChartLens never downgrades to "plain", even when a
 * server's discovery document omits {@code code_challenge_methods_supported}. Immutable.
 *
 * @param verifier  43 characters of base64url from 32 random bytes
 * @param challenge BASE64URL(SHA-256(verifier))
 */
public record Pkce(String verifier, String challenge) {
    public static final String METHOD = "S256";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Pkce generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Pkce(verifier, challengeFor(verifier));
    }

    public static String challengeFor(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[S256]";
    }
}
