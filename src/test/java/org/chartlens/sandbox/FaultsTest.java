package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault switch, as the client side's resilience tests will meet it. */
class FaultsTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;
    private static String token;
    private static String patient;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.demo());
        client = new PlainSmartClient(ehr);
        JsonNode t = client.signIn("launch/patient patient/*.read");
        token = t.path("access_token").asText();
        patient = t.path("patient").asText();
    }

    @AfterEach
    void clear() {
        ehr.faults().clear();
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    private PlainSmartClient.Response patientRead() {
        return client.get(client.fhir("Patient/" + patient), token);
    }

    @Test
    void rateLimitCountsDownWithRetryAfterSecondsOrDate() {
        ehr.faults().set("rate-limit=2:3");
        PlainSmartClient.Response r = patientRead();
        assertEquals(429, r.status());
        assertEquals("3", r.header("Retry-After"));
        assertEquals(429, patientRead().status());
        assertEquals(200, patientRead().status());
        ehr.faults().set("rate-limit=1:http-date");
        assertTrue(patientRead().header("Retry-After").endsWith("GMT"));
        // discovery and metadata are never faulted
        ehr.faults().set("rate-limit=5");
        assertEquals(200, client.get(client.fhir("metadata"), null).status());
        assertEquals(200, client.get(client.fhir(".well-known/smart-configuration"), null).status());
    }

    @Test
    void serverErrors() {
        ehr.faults().set("error=503:1,error=502:1");
        PlainSmartClient.Response r = patientRead();
        assertEquals(503, r.status());
        assertEquals("OperationOutcome", r.json().path("resourceType").asText());
        assertEquals(502, patientRead().status());
        assertEquals(200, patientRead().status());
    }

    @Test
    void hangOutlastsAClientTimeout() {
        ehr.faults().set("hang=1");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(client.fhir("Patient/" + patient)))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMillis(500)).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(req, HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, patientRead().status());
    }

    @Test
    void dropCutsTheConnectionMidBody() {
        ehr.faults().set("drop=1");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(client.fhir("Observation?patient=" + patient)))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
        assertThrows(IOException.class, () -> http.send(req, HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, patientRead().status());
    }

    @Test
    void expireTokensMakes401() {
        ehr.faults().set("expire-tokens");
        assertEquals(401, patientRead().status());
        token = client.signIn("launch/patient patient/*.read").path("access_token").asText();
        assertEquals(200, patientRead().status());
    }

    @Test
    void foreignNextGoesToTheRecordingOrigin() {
        ehr.faults().set("foreign-next");
        JsonNode page = client.get(client.fhir("Observation?patient=" + patient + "&_count=5"), token).json();
        String next = page.path("link").get(1).path("url").asText();
        assertTrue(next.startsWith(ehr.foreignOrigin().toString()), next);
        int before = ehr.foreignAuthorizationHeaders().size();
        assertEquals(200, client.get(next, null).status());
        assertEquals(before + 1, ehr.foreignAuthorizationHeaders().size());
        assertEquals("", ehr.foreignAuthorizationHeaders().get(before));
        client.get(next, "leaked");
        assertEquals("Bearer leaked", ehr.foreignAuthorizationHeaders().get(before + 1));
    }

    @Test
    void loopNextRepeatsTheSamePage() {
        ehr.faults().set("loop-next");
        String url = client.fhir("Observation?patient=" + patient + "&_count=5");
        JsonNode page = client.get(url, token).json();
        assertEquals(url, page.path("link").get(1).path("url").asText());
    }

    @Test
    void malformedDeepHugeAndScriptBodies() throws Exception {
        ehr.faults().set("malformed-json=1");
        PlainSmartClient.Response cut = patientRead();
        assertEquals(200, cut.status());
        assertThrows(IOException.class, () -> PlainSmartClient.JSON.readTree(cut.body()));
        assertEquals(patient, patientRead().json().path("id").asText());

        ehr.faults().set("deep-json=5000:1");
        String deep = patientRead().body();
        assertTrue(deep.contains("[".repeat(5000)));

        ehr.faults().set("huge-string=2:1");
        assertTrue(patientRead().body().length() > 2 * 1024 * 1024);

        ehr.faults().set("huge-response=3:1");
        String huge = patientRead().body();
        assertTrue(huge.length() > 3 * 1024 * 1024);
        assertEquals(patient, PlainSmartClient.JSON.readTree(huge).path("id").asText(), "still valid JSON");

        ehr.faults().set("script-narrative");
        JsonNode withScript = patientRead().json();
        assertTrue(withScript.path("text").path("div").asText().contains("<script>"));
        assertTrue(withScript.path("text").path("div").asText().contains("onerror"));
    }

    @Test
    void unknownSpecIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ehr.faults().set("explode=1"));
        assertTrue(e.getMessage().contains("explode"));
        assertThrows(IllegalArgumentException.class, () -> ehr.faults().set("rate-limit"));
        assertFalse(patientRead().status() != 200);
    }
}
