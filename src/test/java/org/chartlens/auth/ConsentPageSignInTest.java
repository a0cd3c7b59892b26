package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo EHR's real login and consent page (no auto-approve), filled in as a person would:
 * a permission unticked there shows up as a refused scope (security.md 8), and Deny becomes a
 * plain-words access_denied (26).
 */
class ConsentPageSignInTest {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dir;

    /** A person at the consent page: signs in as the clinician, unticks {@code untick}, presses {@code action}. */
    private Browser person(String action, String untick) {
        return url -> CompletableFuture.runAsync(() -> {
            try {
                String page = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Map<String, String> form = new LinkedHashMap<>();
                Matcher m = HIDDEN.matcher(page);
                while (m.find()) {
                    form.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\""));
                }
                StringBuilder body = new StringBuilder();
                form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(FormEncoding.encode(k))
                        .append('=').append(FormEncoding.encode(v)));
                body.append("&username=clinician&password=demo-password&action=").append(action);
                for (String s : FormEncoding.parseQuery(url.getRawQuery()).get("scope").split(" ")) {
                    if (!s.equals(untick)) {
                        body.append("&grant_scope=").append(FormEncoding.encode(s));
                    }
                }
                URI post = URI.create(url.toString().substring(0, url.toString().indexOf('?')));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(post)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                String location = r.headers().firstValue("Location").orElseThrow();
                new ScriptedBrowser().follow(post.resolve(location));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private DemoEhr start() {
        return DemoEhr.start(SandboxOptions.builder().profile("demo").autoApprove(false).dataDir(TinyEhr.DATA).build());
    }

    @Test
    void aPermissionUntickedAtTheServerIsReportedAsRefused() throws Exception {
        try (DemoEhr ehr = start()) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = OrganizationDirectory.loadPresets().get("demo").organization().withFhirBase(ehr.fhirBase());
            Session s = auth.signInWithBrowser(org, null, person("approve", "offline_access"), Duration.ofSeconds(20));
            assertEquals(List.of("offline_access"), s.refusedScopes());
            assertNull(s.refreshToken(), "no offline_access, no refresh token");
            SignInStatus status = auth.status(org);
            assertEquals(List.of("offline_access"), status.refusedScopes());
            assertTrue(status.grantedScopes().contains("user/*.read"));
            assertTrue(status.signedInAs().startsWith("Practitioner/"));
        }
    }

    @Test
    void denyAtTheServerBecomesAPlainAccessDenied() throws Exception {
        try (DemoEhr ehr = start()) {
            AuthSessions auth = new AuthSessions(TestStores.file(dir));
            Organization org = OrganizationDirectory.loadPresets().get("demo").organization().withFhirBase(ehr.fhirBase());
            AuthException e = assertThrows(AuthException.class,
                    () -> auth.signInWithBrowser(org, null, person("deny", null), Duration.ofSeconds(20)));
            assertEquals("access_denied", e.code());
            assertTrue(e.getMessage().startsWith("Access was declined at Demo EHR"), e.getMessage());
            assertFalse(auth.status(org).signedIn());
            assertEquals(e.getMessage(), auth.status(org).lastError());
            assertEquals(0, ehr.tokenRequestCount("authorization_code"));
        }
    }
}
