package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CareCloud: the password grant as documented, Type/_search?Patient=, _format=JSON|XML, odd data. */
class CareCloudProfileConformanceTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;
    private static String patient;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.builder().profile("carecloud").autoApprove(false).build());
        client = new PlainSmartClient(ehr);
        patient = ehr.patientIds().get(0);
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    private static String passwordToken(String user) {
        // exactly the vendor's example: grant_type "Password", fields "Username" / "Password"
        PlainSmartClient.Response r = client.postForm(ehr.issuer() + "/token",
                Map.of("grant_type", "Password", "Username", user, "Password", "demo-password"), null);
        assertEquals(200, r.status(), r.body());
        return r.json().path("access_token").asText();
    }

    @Test
    void documentedPasswordGrantAndSearchForm() {
        String token = passwordToken(patient);
        PlainSmartClient.Response r = client.get(client.fhir("Patient/_search?Patient=" + patient + "&_format=JSON"), token);
        assertEquals(200, r.status());
        JsonNode p = r.json().path("entry").get(0).path("resource");
        assertEquals(patient, p.path("id").asText());
        assertTrue(p.path("birthDate").asText().matches("\\d{1,2}/\\d{1,2}/\\d{4} 12:00:00 AM"), p.path("birthDate").asText());
        assertTrue(p.path("identifier").get(0).path("system").asText().startsWith("https:\\"));
        assertEquals("6095", p.path("address").get(0).path("postalCode").asText());
        PlainSmartClient.Response devices = client.get(client.fhir("Condition/_search?Patient=" + patient + "&_format=XML"), token);
        assertTrue(devices.body().startsWith("<Bundle"));
    }

    @Test
    void wrongPasswordAndPostAreRefused() {
        PlainSmartClient.Response wrong = client.postForm(ehr.issuer() + "/token",
                Map.of("grant_type", "Password", "Username", "clinician", "Password", "x"), null);
        assertEquals(400, wrong.status());
        assertEquals("invalid_grant", wrong.json().path("error").asText());
        String token = passwordToken("clinician");
        PlainSmartClient.Response post = client.send(HttpRequest.newBuilder(URI.create(client.fhir("Patient/_search")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Patient=" + patient)).build());
        assertEquals(405, post.status());
    }

    @Test
    void patientUserCannotReadAnotherPatient() {
        String token = passwordToken(patient);
        assertEquals(403, client.get(client.fhir("Observation/_search?Patient=" + ehr.patientIds().get(1)), token).status());
        assertEquals(401, client.get(client.fhir("Observation/_search?Patient=" + patient), null).status());
    }

    @Test
    void loginPageIsShownWithoutAutoApprove() {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens", "launch/patient patient/*.read");
        PlainSmartClient.Response page = client.get(p.url(), null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("name=\"password\""));
    }
}
