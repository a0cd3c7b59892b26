package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real login + consent page (auto-approve off), driven the way a browser submits it. */
class ConsentPageTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.builder().autoApprove(false).build());
        client = new PlainSmartClient(ehr);
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    /** The form's fields as a browser would send them (hidden inputs + what the user chose). */
    private static List<String[]> hiddenFields(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")});
        }
        return out;
    }

    private static PlainSmartClient.Response submit(String html, String... extra) {
        StringBuilder body = new StringBuilder();
        for (String[] f : hiddenFields(html)) {
            body.append(PlainSmartClient.form(Map.of(f[0], f[1]))).append('&');
        }
        for (int i = 0; i < extra.length; i += 2) {
            body.append(PlainSmartClient.form(Map.of(extra[i], extra[i + 1]))).append('&');
        }
        return client.send(java.net.http.HttpRequest.newBuilder(URI.create(ehr.issuer() + "/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    @Test
    void clinicianPicksAPatientAndUnchecksAScope() {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens",
                "launch/patient user/*.read patient/*.read offline_access openid fhirUser");
        PlainSmartClient.Response page = client.get(p.url(), null);
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<form method=\"post\""));
        assertTrue(html.contains("value=\"offline_access\" checked"));
        String chosen = ehr.patientIds().get(2);

        PlainSmartClient.Response wrong = submit(html, "action", "approve", "username", "clinician",
                "password", "nope", "patient", chosen, "grant_scope", "patient/*.read");
        assertEquals(200, wrong.status());
        assertTrue(wrong.body().contains("Wrong user name or password"));

        PlainSmartClient.Response ok = submit(html, "action", "approve", "username", "clinician",
                "password", "demo-password", "patient", chosen, "grant_scope", "launch/patient",
                "grant_scope", "patient/*.read", "grant_scope", "openid", "grant_scope", "fhirUser");
        assertEquals(302, ok.status(), ok.body());
        Map<String, String> q = PlainSmartClient.query(URI.create(ok.header("Location")));
        assertEquals(p.state(), q.get("state"));
        JsonNode t = client.exchange(q.get("code"), p.verifier(), "chartlens").json();
        assertEquals(chosen, t.path("patient").asText());
        assertFalse(t.path("scope").asText().contains("offline_access"));
        assertTrue(t.path("refresh_token").isMissingNode());
        assertEquals(200, client.get(client.fhir("Patient/" + chosen), t.path("access_token").asText()).status());
    }

    @Test
    void patientUserGetsOwnChartOnlyAndNeverUserScopes() {
        String me = ehr.patientIds().get(4);
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens", "launch/patient patient/*.read user/*.read");
        String html = client.get(p.url(), null).body();
        PlainSmartClient.Response ok = submit(html, "action", "approve", "username", me, "password", "demo-password",
                "grant_scope", "launch/patient", "grant_scope", "patient/*.read", "grant_scope", "user/*.read");
        JsonNode t = client.exchange(PlainSmartClient.query(URI.create(ok.header("Location"))).get("code"),
                p.verifier(), "chartlens").json();
        assertEquals(me, t.path("patient").asText());
        assertFalse(t.path("scope").asText().contains("user/"));
        assertEquals(403, client.get(client.fhir("Patient/" + ehr.patientIds().get(0)), t.path("access_token").asText()).status());
    }

    @Test
    void denyRedirectsWithAccessDenied() {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens", "launch/patient patient/*.read");
        String html = client.get(p.url(), null).body();
        PlainSmartClient.Response denied = submit(html, "action", "deny");
        assertEquals(302, denied.status());
        Map<String, String> q = PlainSmartClient.query(URI.create(denied.header("Location")));
        assertEquals("access_denied", q.get("error"));
        assertEquals(p.state(), q.get("state"));
    }
}
