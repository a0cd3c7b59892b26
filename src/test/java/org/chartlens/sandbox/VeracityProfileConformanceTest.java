package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Veracity: discovery required, PKCE for every client, single-use rotating 90-day refresh tokens, 400s. */
class VeracityProfileConformanceTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.builder().profile("veracity").build());
        client = new PlainSmartClient(ehr);
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    @Test
    void endpointsOnlyThroughWellKnown() {
        assertFalse(client.get(client.fhir("metadata"), null).body().contains("oauth-uris"));
        JsonNode smart = client.get(client.fhir(".well-known/smart-configuration"), null).json();
        assertEquals(ehr.issuer() + "/token", smart.path("token_endpoint").asText());
        assertTrue(smart.path("grant_types_supported").toString().contains("refresh_token"));
    }

    @Test
    void pkceRequiredEvenForTheConfidentialClient() {
        PlainSmartClient.Response r = client.get(ehr.issuer() + "/authorize?" + PlainSmartClient.form(Map.of(
                "response_type", "code", "client_id", "chartlens-confidential", "redirect_uri", PlainSmartClient.REDIRECT,
                "scope", "patient/*.read launch/patient", "state", "st", "aud", ehr.fhirBase().toString())), null);
        assertEquals(302, r.status());
        Map<String, String> q = PlainSmartClient.query(URI.create(r.header("Location")));
        assertEquals("invalid_request", q.get("error"));
        assertEquals("st", q.get("state"));
    }

    @Test
    void rotatingSingleUseNinetyDayRefresh() {
        JsonNode t = client.signIn("launch/patient patient/*.read offline_access");
        // The 90 days are documented in prose; tokens come "as per RFC 6749", which has no lifetime field.
        assertTrue(t.path("refresh_token_expires_in").isMissingNode() && t.path("refresh_expires_in").isMissingNode());
        JsonNode next = client.refresh(t.path("refresh_token").asText(), "chartlens").json();
        assertNotEquals(t.path("refresh_token").asText(), next.path("refresh_token").asText());
        PlainSmartClient.Response reuse = client.refresh(t.path("refresh_token").asText(), "chartlens");
        assertEquals(400, reuse.status());
        assertEquals("invalid_grant", reuse.json().path("error").asText());
        assertEquals("invalid_grant", client.refresh(next.path("refresh_token").asText(), "chartlens")
                .json().path("error").asText());
    }

    @Test
    void noOfflineAccessNoRefreshToken() {
        assertTrue(client.signIn("launch/patient patient/*.read").path("refresh_token").isMissingNode());
    }

    @Test
    void unsupportedRequestsAre400WithOperationOutcome() {
        String token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        String patient = ehr.patientIds().get(0);
        PlainSmartClient.Response type = client.get(client.fhir("Basic?patient=" + patient), token);
        assertEquals(400, type.status());
        assertEquals("OperationOutcome", type.json().path("resourceType").asText());
        PlainSmartClient.Response param = client.get(client.fhir("Observation?patient=" + patient + "&color=blue"), token);
        assertEquals(400, param.status());
        assertTrue(param.json().path("issue").get(0).path("details").path("text").asText().contains("color"));
    }

    @Test
    void refusalsForMissingTokenAndOtherPatient() {
        String token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        assertEquals(401, client.get(client.fhir("Condition?patient=" + ehr.patientIds().get(0)), null).status());
        assertEquals(403, client.get(client.fhir("Condition?patient=" + ehr.patientIds().get(1)), token).status());
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens", "launch/patient patient/*.read");
        assertEquals("invalid_grant", client.exchange(client.code(p), PlainSmartClient.verifier(), "chartlens")
                .json().path("error").asText());
    }

    @Test
    void shortLifetimesExpireAccessAndRefresh(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SmallData.copyInto(dir);
        try (DemoEhr shortLived = DemoEhr.start(SandboxOptions.builder().profile("veracity").dataDir(dir)
                .accessTokenLifetime(Duration.ofMillis(800)).refreshTokenLifetime(Duration.ofMillis(800)).build())) {
            PlainSmartClient c = new PlainSmartClient(shortLived);
            JsonNode t = c.signIn("launch/patient patient/*.read offline_access");
            assertEquals(1, t.path("expires_in").asInt());
            Thread.sleep(1000);
            assertEquals(401, c.get(c.fhir("Patient/" + t.path("patient").asText()), t.path("access_token").asText()).status());
            assertEquals("invalid_grant", c.refresh(t.path("refresh_token").asText(), "chartlens").json().path("error").asText());
        }
    }

    @Test
    void aMissingDataFolderIsRefusedPlainly() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DemoEhr.start(SandboxOptions.builder().dataDir(java.nio.file.Path.of("no-such-folder")).build()));
        assertTrue(e.getMessage().contains("Not a folder"));
    }
}
