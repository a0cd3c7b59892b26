package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The payer's Patient Access API: PKCE, Coverage + CARIN BB EOBs, sub = patient id, one-hour tokens. */
class PayerProfileConformanceTest {
    static final String SCOPES = "launch/patient openid fhirUser offline_access patient/Patient.read "
            + "patient/Coverage.read patient/ExplanationOfBenefit.read patient/Condition.read";
    private static DemoEhr ehr;
    private static PlainSmartClient client;
    private static JsonNode tokens;
    private static String access;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.builder().profile("payer").build());
        client = new PlainSmartClient(ehr);
        tokens = client.signIn(SCOPES);
        access = tokens.path("access_token").asText();
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    @Test
    void patientIdFromIdTokenSubAndOneHourTokens() throws Exception {
        String sub = SignedJWT.parse(tokens.path("id_token").asText()).getJWTClaimsSet().getSubject();
        assertEquals(ehr.patientIds().get(0), sub);
        assertEquals(3600, tokens.path("expires_in").asInt());
        assertEquals(200, client.get(client.fhir("Patient/" + sub), access).status());
    }

    @Test
    void coverageAndCarinBlueButtonEobs() {
        String sub = ehr.patientIds().get(0);
        JsonNode cov = client.get(client.fhir("Coverage?patient=" + sub), access).json();
        assertTrue(cov.path("total").asInt() >= 1);
        JsonNode coverage = cov.path("entry").get(0).path("resource");
        assertEquals("Patient/" + sub, coverage.path("beneficiary").path("reference").asText());
        JsonNode eobs = client.get(client.fhir("ExplanationOfBenefit?patient=" + sub + "&_count=1000"), access).json();
        assertEquals(ehr.sourceCounts(sub).get("ExplanationOfBenefit"), eobs.path("total").asInt());
        JsonNode eob = eobs.path("entry").get(0).path("resource");
        assertTrue(eob.path("meta").path("profile").get(0).asText().contains("carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit"));
        String ref = eob.path("insurance").get(0).path("coverage").path("reference").asText();
        assertTrue(ref.startsWith("Coverage/"));
        assertEquals(200, client.get(client.fhir(ref), access).status());
        assertEquals(404, client.get(client.fhir("Claim?patient=" + sub), access).status());
    }

    @Test
    void everythingCarriesCoverageAndEobs() {
        Set<String> types = new HashSet<>();
        String url = client.fhir("Patient/" + ehr.patientIds().get(0) + "/$everything?_count=1000");
        while (url != null) {
            JsonNode b = client.get(url, access).json();
            b.path("entry").forEach(e -> types.add(e.path("resource").path("resourceType").asText()));
            url = null;
            for (JsonNode l : b.path("link")) {
                if ("next".equals(l.path("relation").asText())) {
                    url = l.path("url").asText();
                }
            }
        }
        assertTrue(types.containsAll(Set.of("Patient", "Coverage", "ExplanationOfBenefit", "Condition")), types.toString());
        assertTrue(!types.contains("Observation"), "not granted, not served");
    }

    @Test
    void refreshKeepsWorkingAndOtherMembersAreForbidden() {
        PlainSmartClient.Response r = client.refresh(tokens.path("refresh_token").asText(), "chartlens");
        assertEquals(200, r.status());
        assertEquals(403, client.get(client.fhir("Patient/" + ehr.patientIds().get(1)), access).status());
        assertEquals(401, client.get(client.fhir("Coverage"), null).status());
    }

    @Test
    void noConfidentialClientHere() {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens", SCOPES);
        String code = client.code(p);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", PlainSmartClient.REDIRECT);
        f.put("code_verifier", p.verifier());
        String basic = Base64.getEncoder().encodeToString("chartlens-confidential:chartlens-demo-secret"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("invalid_client", client.postForm(ehr.issuer() + "/token", f, basic).json().path("error").asText());
    }
}
