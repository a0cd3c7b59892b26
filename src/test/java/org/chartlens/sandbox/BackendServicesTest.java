package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SMART Backend Services (private_key_jwt, RFC 7591 registration) and Bulk Data export. */
class BackendServicesTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;
    private static RSAKey rsa;
    private static String rsaClient;

    @BeforeAll
    static void start() throws Exception {
        ehr = DemoEhr.start(SandboxOptions.builder().profile("credible").build());
        client = new PlainSmartClient(ehr);
        rsa = new RSAKeyGenerator(2048).keyID("k-rsa").generate();
        String body = "{\"client_name\":\"test backend\",\"grant_types\":[\"client_credentials\"],"
                + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":" + new JWKSet(rsa.toPublicJWK()) + "}";
        PlainSmartClient.Response r = client.send(HttpRequest.newBuilder(URI.create(ehr.issuer() + "/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, r.status(), r.body());
        rsaClient = r.json().path("client_id").asText();
        assertTrue(r.json().path("jwks").toString().contains("\"kid\":\"k-rsa\""));
        assertTrue(!r.json().path("jwks").toString().contains("\"d\""), "no private parts echoed");
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    private static String assertion(String clientId, Object key, JWSAlgorithm alg, String aud, Instant exp, String jti)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(aud)
                .expirationTime(Date.from(exp)).jwtID(jti).build();
        String kid = key instanceof RSAKey r ? r.getKeyID() : ((ECKey) key).getKeyID();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key));
        return jwt.serialize();
    }

    private static PlainSmartClient.Response token(String assertion) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "client_credentials");
        f.put("scope", "system/*.read");
        f.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        f.put("client_assertion", assertion);
        return client.postForm(ehr.issuer() + "/token", f, null);
    }

    private static String tokenUrl() {
        return ehr.issuer() + "/token";
    }

    @Test
    void rs384AssertionGetsASystemToken() throws Exception {
        PlainSmartClient.Response r = token(assertion(rsaClient, rsa, JWSAlgorithm.RS384, tokenUrl(),
                Instant.now().plusSeconds(240), UUID.randomUUID().toString()));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("scope").asText().contains("system/"));
        assertTrue(r.json().path("refresh_token").isMissingNode());
        // credible: access tokens are JWTs
        assertEquals(3, r.json().path("access_token").asText().split("\\.").length);
        String any = ehr.patientIds().get(3);
        assertEquals(200, client.get(client.fhir("Condition?patient=" + any), r.json().path("access_token").asText()).status());
    }

    @Test
    void es384AssertionViaJavaRegistrationWorks() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_384).keyID("k-ec").generate();
        String id = ehr.registerBackendClient(new JWKSet(ec.toPublicJWK()).toString());
        PlainSmartClient.Response r = token(assertion(id, ec, JWSAlgorithm.ES384, tokenUrl(),
                Instant.now().plusSeconds(120), UUID.randomUUID().toString()));
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void badAssertionsAreInvalidClient() throws Exception {
        Instant exp = Instant.now().plusSeconds(200);
        String[] bad = {
                assertion(rsaClient, rsa, JWSAlgorithm.RS256, tokenUrl(), exp, "j-" + UUID.randomUUID()),
                assertion(rsaClient, rsa, JWSAlgorithm.RS384, ehr.fhirBase().toString(), exp, "j-" + UUID.randomUUID()),
                assertion(rsaClient, rsa, JWSAlgorithm.RS384, tokenUrl(), Instant.now().minusSeconds(120), "j-" + UUID.randomUUID()),
                assertion(rsaClient, rsa, JWSAlgorithm.RS384, tokenUrl(), Instant.now().plusSeconds(3600), "j-" + UUID.randomUUID()),
                assertion(rsaClient, new RSAKeyGenerator(2048).keyID("k-rsa").generate(), JWSAlgorithm.RS384,
                        tokenUrl(), exp, "j-" + UUID.randomUUID()),
                assertion("backend-unknown", rsa, JWSAlgorithm.RS384, tokenUrl(), exp, "j-" + UUID.randomUUID()),
                "not-a-jwt"
        };
        for (String a : bad) {
            PlainSmartClient.Response r = token(a);
            assertEquals(401, r.status(), r.body());
            assertEquals("invalid_client", r.json().path("error").asText());
        }
    }

    @Test
    void replayedJtiIsRefused() throws Exception {
        String a = assertion(rsaClient, rsa, JWSAlgorithm.RS384, tokenUrl(), Instant.now().plusSeconds(200), "once");
        assertEquals(200, token(a).status());
        PlainSmartClient.Response again = token(a);
        assertEquals(401, again.status());
        assertEquals("invalid_client", again.json().path("error").asText());
    }

    @Test
    void bulkExportKickOffPollAndNdjsonFiles() throws Exception {
        String access = token(assertion(rsaClient, rsa, JWSAlgorithm.RS384, tokenUrl(), Instant.now().plusSeconds(200),
                UUID.randomUUID().toString())).json().path("access_token").asText();
        PlainSmartClient.Response noPrefer = client.get(client.fhir("Patient/$export"), access);
        assertEquals(400, noPrefer.status());

        PlainSmartClient.Response kick = client.send(HttpRequest.newBuilder(URI.create(
                        client.fhir("Patient/$export?_type=Patient,Condition")))
                .header("Authorization", "Bearer " + access).header("Accept", "application/fhir+json")
                .header("Prefer", "respond-async").GET().build());
        assertEquals(202, kick.status(), kick.body());
        String status = kick.header("Content-Location");
        assertNotNull(status);

        PlainSmartClient.Response first = client.get(status, access);
        assertEquals(202, first.status());
        assertEquals("1", first.header("Retry-After"));
        PlainSmartClient.Response done = client.get(status, access);
        assertEquals(200, done.status());
        JsonNode manifest = done.json();
        assertTrue(manifest.path("requiresAccessToken").asBoolean());
        int patients = 0;
        for (JsonNode out : manifest.path("output")) {
            PlainSmartClient.Response file = client.get(out.path("url").asText(), access);
            assertEquals(200, file.status());
            assertTrue(file.header("Content-Type").contains("ndjson"));
            String[] lines = file.body().split("\n");
            assertEquals(out.path("count").asInt(), lines.length);
            for (String line : lines) {
                assertEquals(out.path("type").asText(), PlainSmartClient.JSON.readTree(line).path("resourceType").asText());
            }
            if ("Patient".equals(out.path("type").asText())) {
                patients = lines.length;
            }
            assertEquals(401, client.get(out.path("url").asText(), null).status());
        }
        assertEquals(ehr.patientIds().size(), patients);
        assertEquals(2, manifest.path("output").size());
    }

    @Test
    void patientTokensCannotExport() {
        JsonNode t = client.signIn("openid fhirUser launch/patient patient/*.read");
        PlainSmartClient.Response r = client.send(HttpRequest.newBuilder(URI.create(client.fhir("Patient/$export")))
                .header("Authorization", "Bearer " + t.path("access_token").asText())
                .header("Prefer", "respond-async").timeout(Duration.ofSeconds(10)).GET().build());
        assertEquals(403, r.status());
    }
}
