package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** security.md 11: backend-services client assertion and the published JWKS. */
class ClientAssertionTest {
    static final URI TOKEN_URL = URI.create("https://sts.example.org/connect/token");

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "ES384"})
    void assertionHasTheRequiredHeaderAndClaimsAndVerifiesWithThePublishedKey(String alg) throws Exception {
        BackendKey key = BackendKey.generate(JWSAlgorithm.parse(alg));
        Instant before = Instant.now();
        SignedJWT a = SignedJWT.parse(ClientAssertion.create(key, "client-7", TOKEN_URL, Clock.systemUTC()));
        SignedJWT b = SignedJWT.parse(ClientAssertion.create(key, "client-7", TOKEN_URL, Clock.systemUTC()));

        assertEquals(JWSAlgorithm.parse(alg), a.getHeader().getAlgorithm());
        assertEquals(key.keyId(), a.getHeader().getKeyID());
        assertEquals(JOSEObjectType.JWT, a.getHeader().getType());
        var c = a.getJWTClaimsSet();
        assertEquals("client-7", c.getIssuer());
        assertEquals("client-7", c.getSubject());
        assertEquals(List.of(TOKEN_URL.toString()), c.getAudience());
        Duration ahead = Duration.between(before, c.getExpirationTime().toInstant());
        assertTrue(ahead.compareTo(Duration.ofMinutes(5)) <= 0 && !ahead.isNegative() && !ahead.isZero(), "exp at most 5 minutes ahead");
        assertTrue(c.getJWTID().length() >= 22);
        assertNotEquals(c.getJWTID(), b.getJWTClaimsSet().getJWTID(), "fresh jti each time");

        JWKSet published = JWKSet.parse(key.publicJwks());
        var jwk = published.getKeyByKeyId(key.keyId());
        assertTrue(a.verify(alg.startsWith("RS") ? new RSASSAVerifier((RSAKey) jwk) : new ECDSAVerifier((ECKey) jwk)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "ES384"})
    void publishedJwksNeverContainsPrivateParts(String alg) throws Exception {
        BackendKey key = BackendKey.generate(JWSAlgorithm.parse(alg));
        JsonNode k = new ObjectMapper().readTree(key.publicJwks()).path("keys").get(0);
        for (String p : List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k")) {
            assertFalse(k.has(p), "private parameter " + p + " published");
        }
        assertFalse(JWKSet.parse(key.publicJwks()).getKeys().get(0).isPrivate());
        assertEquals(alg, k.path("alg").asText());
        // The stored form round-trips with its private part (it goes only to the secret store).
        BackendKey back = BackendKey.fromPrivateJwk(key.privateJwkForSecretStore());
        assertEquals(key.keyId(), back.keyId());
    }
}
