package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Credible: OIDC + PKCE, JWT tokens, US Core 3.1.1 list, open Provider Directory (bulk: BackendServicesTest). */
class CredibleProfileConformanceTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.builder().profile("credible").build());
        client = new PlainSmartClient(ehr);
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    @Test
    void accessAndRefreshTokensAreSignedJwts() throws Exception {
        JsonNode t = client.signIn("openid fhirUser launch/patient patient/*.read offline_access");
        JWKSet jwks = JWKSet.parse(client.get(ehr.issuer() + "/jwks", null).body());
        SignedJWT at = SignedJWT.parse(t.path("access_token").asText());
        assertTrue(at.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(at.getHeader().getKeyID()))));
        assertEquals(ehr.fhirBase().toString(), at.getJWTClaimsSet().getAudience().get(0));
        assertEquals(t.path("patient").asText(), at.getJWTClaimsSet().getStringClaim("patient"));
        SignedJWT rt = SignedJWT.parse(t.path("refresh_token").asText());
        assertTrue(rt.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(rt.getHeader().getKeyID()))));
        assertEquals(200, client.refresh(t.path("refresh_token").asText(), "chartlens").status());
    }

    @Test
    void providerDirectoryIsOpenPatientDataIsNot() {
        JsonNode practitioners = client.get(client.fhir("Practitioner?_count=5"), null).json();
        assertTrue(practitioners.path("total").asInt() > 5);
        assertEquals(200, client.get(client.fhir("PractitionerRole?_count=5"), null).status());
        assertEquals(401, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), null).status());
    }

    @Test
    void usCoreResourceList() {
        String token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        String p = ehr.patientIds().get(0);
        assertEquals(200, client.get(client.fhir("Goal?patient=" + p), token).status());
        assertEquals(404, client.get(client.fhir("ExplanationOfBenefit?patient=" + p), token).status());
        assertEquals(404, client.get(client.fhir("Provenance?patient=" + p), token).status(), "read only");
        assertEquals(403, client.get(client.fhir("Condition?patient=" + ehr.patientIds().get(1)), token).status());
        PlainSmartClient.Pending pending = client.authorizeUrl("chartlens", "launch/patient patient/*.read");
        String code = client.code(pending);
        assertEquals(200, client.exchange(code, pending.verifier(), "chartlens").status());
        assertEquals("invalid_grant", client.exchange(code, pending.verifier(), "chartlens").json().path("error").asText());
    }
}
