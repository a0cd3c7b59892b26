package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo profile driven over plain HTTP: sign-in, FHIR reads and searches, and the refusals. */
class DemoProfileConformanceTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.demo());
        client = new PlainSmartClient(ehr);
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    @Test
    void servesAtLeastEightPatientsOnLoopback() {
        assertTrue(ehr.patientIds().size() >= 8);
        assertEquals("127.0.0.1", ehr.fhirBase().getHost());
        assertTrue(ehr.fhirBase().toString().endsWith("/fhir"));
        assertTrue(ehr.issuer().toString().endsWith("/oauth"));
    }

    @Test
    void discoveryAndMetadataNeedNoToken() {
        PlainSmartClient.Response smart = client.get(client.fhir(".well-known/smart-configuration"), null);
        assertEquals(200, smart.status());
        JsonNode s = smart.json();
        assertEquals(ehr.issuer() + "/authorize", s.path("authorization_endpoint").asText());
        assertEquals(ehr.issuer() + "/token", s.path("token_endpoint").asText());
        assertTrue(s.path("code_challenge_methods_supported").toString().contains("S256"));

        PlainSmartClient.Response meta = client.get(client.fhir("metadata"), null);
        assertEquals(200, meta.status());
        JsonNode cs = meta.json();
        assertEquals("CapabilityStatement", cs.path("resourceType").asText());
        assertTrue(cs.toString().contains("oauth-uris"));
        assertTrue(cs.toString().contains("\"type\":\"Observation\""));
    }

    @Test
    void signInGivesPatientContextScopesRefreshAndIdToken() {
        JsonNode t = client.signIn("launch/patient openid fhirUser offline_access patient/*.read");
        assertEquals("Bearer", t.path("token_type").asText());
        assertEquals(ehr.patientIds().get(0), t.path("patient").asText());
        assertTrue(t.path("expires_in").asInt() > 0);
        assertTrue(t.path("scope").asText().contains("patient/*.read"));
        assertFalse(t.path("refresh_token").asText().isEmpty());
        assertEquals(3, t.path("id_token").asText().split("\\.").length);
    }

    @Test
    void searchPagesThroughExactlyThePatientsObservations() {
        JsonNode t = client.signIn("launch/patient patient/*.rs");
        String token = t.path("access_token").asText();
        String patient = t.path("patient").asText();
        String url = client.fhir("Observation?patient=" + patient + "&_count=100");
        Set<String> ids = new HashSet<>();
        int pages = 0;
        while (url != null) {
            PlainSmartClient.Response r = client.get(url, token);
            assertEquals(200, r.status(), r.body());
            JsonNode b = r.json();
            for (JsonNode e : b.path("entry")) {
                JsonNode res = e.path("resource");
                assertEquals("Observation", res.path("resourceType").asText());
                assertEquals("Patient/" + patient, res.path("subject").path("reference").asText());
                assertTrue(ids.add(res.path("id").asText()), "duplicate across pages");
            }
            url = null;
            for (JsonNode l : b.path("link")) {
                if ("next".equals(l.path("relation").asText())) {
                    url = l.path("url").asText();
                }
            }
            pages++;
        }
        assertEquals(ehr.sourceCounts(patient).get("Observation"), ids.size());
        assertTrue(pages > 1, "more than one page");
    }

    @Test
    void referencesAreResolvedToLiteralTypeSlashId() {
        String token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        String patient = ehr.patientIds().get(0);
        PlainSmartClient.Response r = client.get(client.fhir("Encounter?patient=" + patient + "&_count=5"), token);
        assertEquals(200, r.status());
        assertFalse(r.body().contains("urn:uuid:"));
        assertFalse(r.body().contains("?identifier="));
        JsonNode enc = r.json().path("entry").get(0).path("resource");
        String provider = enc.path("serviceProvider").path("reference").asText();
        assertTrue(provider.matches("Organization/[0-9a-f-]+"), provider);
        assertEquals(200, client.get(client.fhir(provider), token).status());
        String url = client.fhir("Patient/" + patient + "/$everything?_count=1000");
        int references = 0;
        while (url != null) {
            PlainSmartClient.Response page = client.get(url, token);
            assertFalse(page.body().contains("\"reference\":\"urn:uuid:"));
            assertFalse(page.body().matches("(?s).*\"reference\":\"[A-Za-z]+\\?identifier=.*"));
            references += page.body().split("\"reference\":\"[A-Z][A-Za-z]+/").length - 1;
            url = null;
            for (JsonNode l : page.json().path("link")) {
                if ("next".equals(l.path("relation").asText())) {
                    url = l.path("url").asText();
                }
            }
        }
        assertTrue(references > 1000, "literal references: " + references);
    }

    @Test
    void missingOrUnknownTokenIs401() {
        PlainSmartClient.Response none = client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), null);
        assertEquals(401, none.status());
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));
        assertEquals("OperationOutcome", none.json().path("resourceType").asText());
        assertEquals(401, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), "made-up").status());
    }

    @Test
    void tokenForPatientAReadingPatientBIs403() {
        String token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        String b = ehr.patientIds().get(1);
        assertEquals(403, client.get(client.fhir("Patient/" + b), token).status());
        assertEquals(403, client.get(client.fhir("Observation?patient=" + b), token).status());
        assertEquals(403, client.get(client.fhir("Patient/" + b + "/$everything"), token).status());
        assertEquals(200, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), token).status());
    }

    @Test
    void wrongPkceVerifierIsInvalidGrant() {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens", "patient/*.read launch/patient");
        String code = client.code(p);
        PlainSmartClient.Response r = client.exchange(code, PlainSmartClient.verifier(), "chartlens");
        assertEquals(400, r.status());
        assertEquals("invalid_grant", r.json().path("error").asText());
    }

    @Test
    void replayedCodeIsInvalidGrant() {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens", "patient/*.read launch/patient");
        String code = client.code(p);
        PlainSmartClient.Response first = client.exchange(code, p.verifier(), "chartlens");
        assertEquals(200, first.status());
        PlainSmartClient.Response again = client.exchange(code, p.verifier(), "chartlens");
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.json().path("error").asText());
        // RFC 6749 4.1.2: what the replayed code gave out is revoked too
        assertEquals(401, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)),
                first.json().path("access_token").asText()).status());
    }

    @Test
    void authorizeWithoutPkceOrWithForeignRedirectIsRefused() {
        PlainSmartClient.Response r = client.get(ehr.issuer() + "/authorize?" + PlainSmartClient.form(Map.of(
                "response_type", "code", "client_id", "chartlens", "redirect_uri", PlainSmartClient.REDIRECT,
                "scope", "patient/*.read", "state", "s1")), null);
        assertEquals(302, r.status());
        assertTrue(r.header("Location").contains("error=invalid_request"));
        PlainSmartClient.Response evil = client.get(ehr.issuer() + "/authorize?" + PlainSmartClient.form(Map.of(
                "response_type", "code", "client_id", "chartlens", "redirect_uri", "https://evil.example/cb",
                "scope", "patient/*.read", "state", "s1", "code_challenge", "x", "code_challenge_method", "S256")), null);
        assertEquals(400, evil.status());
        assertEquals(null, evil.header("Location"));
    }

    @Test
    void rotatedRefreshTokenIsSingleUseAndReuseRevokesTheGrant() {
        JsonNode t = client.signIn("launch/patient patient/*.read offline_access");
        String r1 = t.path("refresh_token").asText();
        PlainSmartClient.Response ok = client.refresh(r1, "chartlens");
        assertEquals(200, ok.status(), ok.body());
        String r2 = ok.json().path("refresh_token").asText();
        assertNotEquals(r1, r2);
        long first = t.path("refresh_token_expires_in").asLong();
        long second = ok.json().path("refresh_token_expires_in").asLong();
        assertTrue(first > 0 && second > 0 && second <= first, "seconds left on the grant: rotation does not extend it");
        String access2 = ok.json().path("access_token").asText();
        assertEquals(200, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), access2).status());

        PlainSmartClient.Response replay = client.refresh(r1, "chartlens");
        assertEquals(400, replay.status());
        assertEquals("invalid_grant", replay.json().path("error").asText());
        // the whole grant is gone: the newer refresh token and its access token too
        assertEquals("invalid_grant", client.refresh(r2, "chartlens").json().path("error").asText());
        assertEquals(401, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), access2).status());
    }

    @Test
    void expiredAccessTokensAre401AndRefreshIsCounted() {
        JsonNode t = client.signIn("launch/patient patient/*.read offline_access");
        String token = t.path("access_token").asText();
        int before = ehr.tokenRequestCount("refresh_token");
        ehr.expireAccessTokens();
        assertEquals(401, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), token).status());
        PlainSmartClient.Response r = client.refresh(t.path("refresh_token").asText(), "chartlens");
        assertEquals(200, r.status());
        assertEquals(before + 1, ehr.tokenRequestCount("refresh_token"));
        assertEquals(200, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)),
                r.json().path("access_token").asText()).status());
    }

    @Test
    void putResourceIsFoundByLastUpdatedGt() {
        String token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        String patient = ehr.patientIds().get(0);
        JsonNode any = client.get(client.fhir("Condition?patient=" + patient + "&_count=1"), token).json();
        String lastUpdated = any.path("entry").get(0).path("resource").path("meta").path("lastUpdated").asText();
        assertNotNull(lastUpdated);
        int before = ehr.sourceCounts(patient).get("Condition");
        String key = ehr.put("{\"resourceType\":\"Condition\",\"id\":\"added-1\",\"subject\":{\"reference\":\"Patient/"
                + patient + "\"},\"code\":{\"text\":\"Added later\"}}");
        assertEquals("Condition/added-1", key);
        assertEquals(before + 1, ehr.sourceCounts(patient).get("Condition"));
        JsonNode newer = client.get(client.fhir("Condition?patient=" + patient + "&_lastUpdated=gt" + lastUpdated), token).json();
        assertEquals(1, newer.path("total").asInt());
        assertEquals("added-1", newer.path("entry").get(0).path("resource").path("id").asText());
    }

    @Test
    void sourceCountsMatchTheBundle() {
        Map<String, Integer> counts = new LinkedHashMap<>(ehr.sourceCounts(ehr.patientIds().get(0)));
        assertEquals(1, counts.get("Patient"));
        assertTrue(counts.get("Observation") > 300);
        assertFalse(counts.containsKey("Organization"));
        assertTrue(List.of("Condition", "Encounter", "MedicationRequest").stream().allMatch(counts::containsKey));
    }
}
