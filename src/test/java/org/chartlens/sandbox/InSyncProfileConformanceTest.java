package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** InSync (Smile CDR): client id + secret, the US Core 3.1.1 list, Smile-style answers. */
class InSyncProfileConformanceTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.builder().profile("insync").build());
        client = new PlainSmartClient(ehr);
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    private static PlainSmartClient.Response confidentialExchange(String secret) {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens-confidential", "launch/patient patient/*.read openid fhirUser");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", client.code(p));
        f.put("redirect_uri", PlainSmartClient.REDIRECT);
        f.put("code_verifier", p.verifier());
        return client.postForm(ehr.issuer() + "/token", f, Base64.getEncoder().encodeToString(
                ("chartlens-confidential:" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void clientSecretBasicSignIn() {
        PlainSmartClient.Response bad = confidentialExchange("wrong");
        assertEquals(401, bad.status());
        assertEquals("invalid_client", bad.json().path("error").asText());
        assertTrue(bad.header("WWW-Authenticate").startsWith("Basic"));
        PlainSmartClient.Response ok = confidentialExchange("chartlens-demo-secret");
        assertEquals(200, ok.status(), ok.body());
        String token = ok.json().path("access_token").asText();
        PlainSmartClient.Response r = client.get(client.fhir("Condition?patient=" + ehr.patientIds().get(0)), token);
        assertEquals(200, r.status());
        assertTrue(r.header("X-Powered-By").contains("Smile CDR"));
        assertTrue(r.json().path("link").get(0).path("url").asText().startsWith(ehr.fhirBase().toString()));
    }

    @Test
    void usCoreListOnlyAndSmileStyleOutcomes() {
        String token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        PlainSmartClient.Response claim = client.get(client.fhir("Claim?patient=" + ehr.patientIds().get(0)), token);
        assertEquals(404, claim.status());
        JsonNode issue = claim.json().path("issue").get(0);
        assertTrue(issue.path("diagnostics").asText().startsWith("HAPI-"));
        assertEquals(404, client.get(client.fhir("Medication?patient=" + ehr.patientIds().get(0)), token).status());
        String cs = client.get(client.fhir("metadata"), null).body();
        assertTrue(cs.contains("\"type\":\"Condition\"") && !cs.contains("\"type\":\"Claim\""));
    }

    @Test
    void refusals() {
        String token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        assertEquals(403, client.get(client.fhir("Patient/" + ehr.patientIds().get(1)), token).status());
        assertEquals(401, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), null).status());
        assertEquals("unsupported_grant_type", client.postForm(ehr.issuer() + "/token", Map.of("grant_type", "password",
                "username", "clinician", "password", "demo-password"), null).json().path("error").asText());
    }
}
