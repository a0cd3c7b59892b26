package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.OrganizationPreset;
import org.chartlens.sandbox.DemoEhr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of issue 4: each of the six demo EHR profiles signed in to by the flow its preset
 * documents (PKCE, backend services, secret, rotating PKCE, password, payer PKCE with sub), through
 * the real HTTP endpoints, then the Patient read with the token.
 */
class SandboxProfilesSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static Organization preset(String id, DemoEhr ehr) {
        OrganizationPreset p = OrganizationDirectory.loadPresets().get(id);
        assertEquals(id, p.demoProfile(), "the preset names the demo profile that imitates it");
        return p.organization().withFhirBase(ehr.fhirBase()).withClientId(
                p.organization().clientId() == null ? "chartlens" : p.organization().clientId());
    }

    private static DemoEhr start(String profile) {
        return TinyEhr.start(profile);
    }

    private JsonNode readPatient(DemoEhr ehr, Session s, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ehr.fhirBase() + "/Patient/" + id))
                .header("Authorization", "Bearer " + s.accessToken())
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "Patient read with the token");
        JsonNode p = JSON.readTree(r.body());
        assertEquals("Patient", p.path("resourceType").asText());
        assertEquals(id, p.path("id").asText());
        return p;
    }

    @Test
    void demoByPkce() throws Exception {
        try (DemoEhr ehr = start("demo")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = preset("demo", ehr);
            assertEquals(Organization.Flow.PKCE, org.flow());
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            assertNotNull(s.refreshToken());
            assertTrue(s.fhirUser().contains("/Practitioner/"), "fhirUser from the validated id_token");
            assertNotNull(s.subject());
            readPatient(ehr, s, ehr.patientIds().get(0));

            SignInStatus status = auth.status(org);
            assertTrue(status.signedIn());
            assertTrue(status.signedInAs().startsWith("Practitioner/"), status.signedInAs());
            assertTrue(status.grantedScopes().contains("user/*.read"));
            assertTrue(status.accessTokenExpiresAt().isAfter(java.time.Instant.now()));
            assertNull(status.lastError());
        }
    }

    @Test
    void credibleByBackendServices() throws Exception {
        try (DemoEhr ehr = start("credible")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = preset("credible", ehr);
            assertEquals(Organization.Flow.BACKEND, org.flow());
            BackendKey key = auth.sessionStore().backendKeyOrCreate(org.id());
            org = org.withClientId(ehr.registerBackendClient(key.publicJwks()));
            Session s = auth.signInBackend(org, null);
            assertNull(s.refreshToken(), "backend services get no refresh token");
            assertTrue(s.grantedScopes().stream().allMatch(x -> x.startsWith("system/")));
            readPatient(ehr, s, ehr.patientIds().get(0));
            // A new token comes from a new assertion, not a refresh token.
            String renewed = auth.tokens(org).refreshAfterRejection(s.accessToken());
            assertTrue(!renewed.equals(s.accessToken()));
            assertEquals(2, ehr.tokenRequestCount("client_credentials"));
        }
    }

    @Test
    void insyncByClientSecret() throws Exception {
        try (DemoEhr ehr = start("insync")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = preset("insync", ehr).withClientId("chartlens-confidential");
            assertEquals(Organization.Flow.SECRET, org.flow());
            auth.sessionStore().saveClientSecret(org.id(), "chartlens-demo-secret".toCharArray());
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            readPatient(ehr, s, ehr.patientIds().get(0));
        }
    }

    @Test
    void veracityByPkceWithRotatingNinetyDayRefreshTokens() throws Exception {
        try (DemoEhr ehr = start("veracity")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = preset("veracity", ehr);
            assertTrue(org.has(Organization.Quirk.DISCOVERY_REQUIRED));
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            assertNotNull(s.refreshGrantExpiresAt());
            assertTrue(Duration.between(s.signedInAt(), s.refreshGrantExpiresAt()).toDays() >= 89);
            readPatient(ehr, s, ehr.patientIds().get(0));

            String renewed = auth.tokens(org).refreshAfterRejection(s.accessToken());
            Session after = auth.sessionStore().load(org.id()).orElseThrow();
            assertEquals(renewed, after.accessToken());
            assertTrue(!after.refreshToken().equals(s.refreshToken()), "rotated refresh token persisted");
            readPatient(ehr, after, ehr.patientIds().get(0));
        }
    }

    @Test
    void carecloudByPasswordGrant() throws Exception {
        try (DemoEhr ehr = start("carecloud")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = preset("carecloud", ehr);
            assertTrue(org.passwordGrantAllowed());
            char[] password = "demo-password".toCharArray();
            Session s = auth.signInWithPassword(org, null, "clinician", password);
            assertEquals("\0".repeat(13), new String(password), "the password array is wiped after use");
            readPatient(ehr, s, ehr.patientIds().get(0));
            String stored = new String(auth.sessionStore().secrets().get("session/carecloud").orElseThrow(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(!stored.contains("demo-password"), "the password is never stored");
            assertTrue(auth.status(org).flowNote().contains("never stored"), "the UI says why this flow is weaker");

            // A user-added organization never gets the password flow, even against the same server.
            Organization copy = new Organization("copy", "Copy", org.fhirBase(), Organization.Flow.PASSWORD,
                    "chartlens", org.scopes(), org.quirks(), null, false, "");
            AuthException refused = assertThrows(AuthException.class,
                    () -> auth.signInWithPassword(copy, null, "clinician", "demo-password".toCharArray()));
            assertEquals("unauthorized_client", refused.code());
            assertEquals(1, ehr.tokenRequestCount("password"));
        }
    }

    @Test
    void payerByPkceWithThePatientFromTheValidatedSub() throws Exception {
        try (DemoEhr ehr = start("payer")) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = preset("payer", ehr);
            assertTrue(org.has(Organization.Quirk.PATIENT_FROM_ID_TOKEN_SUB));
            Session s = auth.signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(20));
            assertNotNull(s.patient());
            assertEquals(s.subject(), s.patient(), "patient id is the id_token sub");
            readPatient(ehr, s, s.patient());
            assertEquals(s.patient(), auth.status(org).patient(), "patient in context for the panel");
        }
    }
}
