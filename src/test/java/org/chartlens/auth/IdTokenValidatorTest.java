package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.chartlens.connect.Organization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * security.md 9: id_token validation against the issuer's JWKS, with forgeries made from our own
 * generated keys; a forged id_token never selects the payer's patient.
 */
class IdTokenValidatorTest {
    static final String ISS = "https://auth.example/oauth";
    static final String CLIENT = "chartlens";
    static final String NONCE = "n-0S6_WzA2Mj";
    static RSAKey issuerKey;
    static RSAKey attackerKey;
    static ECKey issuerEcKey;
    static JWKSet jwks;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        issuerKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        attackerKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        issuerEcKey = new ECKeyGenerator(Curve.P_384).keyID("e1").generate();
        jwks = new JWKSet(List.of(issuerKey.toPublicJWK(), issuerEcKey.toPublicJWK()));
    }

    private final IdTokenValidator validator = new IdTokenValidator(TransportPolicy.newHttpClient(), Clock.systemUTC());

    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISS).audience(CLIENT).subject("patient-42")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", NONCE).claim("fhirUser", "Patient/patient-42");
    }

    static String rs256(RSAKey key, JWTClaimsSet c) throws Exception {
        SignedJWT j = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), c);
        j.sign(new RSASSASigner(key));
        return j.serialize();
    }

    private String valid(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder b = claims();
        change.accept(b);
        return rs256(issuerKey, b.build());
    }

    private void refused(String token) {
        AuthException e = assertThrows(AuthException.class, () -> validator.validate(token, ISS, jwks, CLIENT, NONCE));
        assertEquals("invalid_id_token", e.code());
    }

    @Test
    void acceptsAGenuineRs256AndEs384Token() throws Exception {
        assertEquals("patient-42", validator.validate(valid(b -> { }), ISS, jwks, CLIENT, NONCE).getSubject());
        SignedJWT es = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("e1").build(), claims().build());
        es.sign(new ECDSASigner(issuerEcKey));
        assertEquals("patient-42", validator.validate(es.serialize(), ISS, jwks, CLIENT, NONCE).getSubject());
    }

    @Test
    void refusesATokenSignedByAnotherKeyWithTheSameKid() throws Exception {
        refused(rs256(attackerKey, claims().build()));
    }

    @Test
    void refusesAlgNone() {
        refused(new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claims().build()).serialize());
    }

    @Test
    void refusesHmacSignedWithThePublicKey() throws Exception {
        // The classic confusion attack: HS256 keyed with the issuer's public key bytes.
        byte[] secret = issuerKey.toPublicJWK().toJSONString().getBytes();
        SignedJWT j = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        j.sign(new MACSigner(secret));
        refused(j.serialize());
    }

    @Test
    void refusesWrongIssuerAudienceAzpExpiryIatAndNonce() throws Exception {
        refused(valid(b -> b.issuer("https://evil.example/oauth")));
        refused(valid(b -> b.audience("another-app")));
        refused(valid(b -> b.audience(List.of(CLIENT, "another-app"))));
        refused(valid(b -> b.claim("azp", "another-app")));
        refused(valid(b -> b.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))));
        refused(valid(b -> b.issueTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))));
        refused(valid(b -> b.claim("nonce", "another-login")));
        refused(valid(b -> b.claim("nonce", null)));
        refused("not.a.jwt");
    }

    @Test
    void acceptsSmallClockSkew() throws Exception {
        validator.validate(valid(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(20)))), ISS, jwks, CLIENT, NONCE);
        validator.validate(valid(b -> b.audience(List.of(CLIENT, "x")).claim("azp", CLIENT)), ISS, jwks, CLIENT, NONCE);
    }

    @Test
    void aForgedIdTokenNeverSelectsThePayerPatient() throws Exception {
        try (RecordingServer jwksServer = new RecordingServer(r -> RecordingServer.Response.json(jwks.toString(true)))) {
            SmartConfiguration server = new SmartConfiguration(URI.create("https://payer.example/fhir"), ISS,
                    URI.create("https://payer.example/auth"), URI.create("https://payer.example/token"), null, null,
                    URI.create(jwksServer.base() + "/jwks"), List.of(), List.of(), List.of(), List.of(), List.of(), false);
            Organization payer = new Organization("payer", "Health plan", server.fhirBase(), Organization.Flow.PKCE,
                    CLIENT, List.of("openid", "launch/patient"), Set.of(Organization.Quirk.PATIENT_FROM_ID_TOKEN_SUB),
                    null, true, "");
            SmartSignIn signIn = new SmartSignIn(TransportPolicy.newHttpClient(),
                    new SessionStore(TestStores.file(dir)), Clock.systemUTC());
            String forged = rs256(attackerKey, claims().subject("someone-else").build());
            TokenResponse r = new TokenResponse("at", "Bearer", Instant.now(), Instant.now().plusSeconds(60), null,
                    null, null, forged, "someone-else", null, null, false);
            AuthException e = assertThrows(AuthException.class, () -> signIn.sessionFrom(payer, server, r, NONCE));
            assertEquals("invalid_id_token", e.code());

            // Without an id_token the payer patient is not taken from the token response either.
            TokenResponse none = new TokenResponse("at", "Bearer", Instant.now(), Instant.now().plusSeconds(60), null,
                    null, null, null, "someone-else", null, null, false);
            assertThrows(AuthException.class, () -> signIn.sessionFrom(payer, server, none, NONCE));

            TokenResponse genuine = new TokenResponse("at", "Bearer", Instant.now(), Instant.now().plusSeconds(60),
                    null, null, null, valid(b -> { }), "someone-else", null, null, false);
            Session s = signIn.sessionFrom(payer, server, genuine, NONCE);
            assertEquals("patient-42", s.patient(), "the patient is the validated sub");
            assertEquals("Patient/patient-42", s.fhirUser());
        }
    }
}
