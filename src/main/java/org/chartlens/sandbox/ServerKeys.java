package org.chartlens.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The authorization server's RS256 signing key (id_tokens, JWT access tokens), made on a
 * background thread at start because RSA key generation takes a noticeable fraction of a
 * second; whoever needs it first while that runs waits for it. Thread safe.
 */
final class ServerKeys {
    private final CompletableFuture<RSAKey> key = new CompletableFuture<>();

    /** Makes the key on the calling thread (call it from a background thread after start). */
    synchronized void generate() {
        if (key.isDone()) {
            return;
        }
        try {
            key.complete(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate());
        } catch (JOSEException | RuntimeException e) {
            key.completeExceptionally(new IllegalStateException("Cannot make the demo EHR's signing key", e));
        }
    }

    /** The public keys, as served at {@code {issuer}/jwks}. */
    String publicJwks() {
        generate();
        return new JWKSet(key.join().toPublicJWK()).toString(true);
    }

    String sign(JWTClaimsSet claims, JOSEObjectType type) {
        generate();
        RSAKey k = key.join();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID())
                    .type(type).build(), claims);
            jwt.sign(new RSASSASigner(k));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
