package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.app.SignInStates;
import org.chartlens.auth.Browser;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.CompletenessMap;
import org.chartlens.domain.PatientRef;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 on the real demo EHR: a member signs in at the payer and unticks allergies on its consent
 * page; after a real sync the completeness map says allergies are not granted there (sign in again),
 * the types the payer does not offer are "not offered", what arrived is counted, and the banner's
 * line names the gap. Then the same through {@code chartlens status}'s text and JSON.
 */
class StatusOnDemoEhrTest {
    private static final String ALLERGIES = "patient/AllergyIntolerance.read";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    @TempDir
    Path data;

    /** A member at the payer's consent page: signs in as {@code member}, unticks {@code untick}, approves. */
    private static Browser member(String member, String untick) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return url -> CompletableFuture.runAsync(() -> {
            try {
                String page = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Map<String, String> form = new LinkedHashMap<>();
                Matcher m = HIDDEN.matcher(page);
                while (m.find()) {
                    form.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\""));
                }
                StringBuilder body = new StringBuilder();
                form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
                body.append("&username=").append(enc(member)).append("&password=demo-password&action=approve");
                for (String s : form.getOrDefault("scope", "").split(" ")) {
                    if (!s.isEmpty() && !s.equals(untick)) {
                        body.append("&grant_scope=").append(enc(s));
                    }
                }
                URI post = URI.create(url.toString().substring(0, url.toString().indexOf('?')));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(post)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                new ScriptedBrowser().open(post.resolve(r.headers().firstValue("Location").orElseThrow()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aPayerSignInThatRefusesAllergiesShowsNotGranted() throws Exception {
        try (DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile("payer").autoApprove(false).build());
             ChartLensContext ctx = new ChartLensContext(data, PassphraseSource.fixed("status-test".toCharArray()),
                     Map.of("CHARTLENS_SECRET_STORE", "file"))) {
            ctx.auditSource("test:status");
            Organization preset = OrganizationDirectory.loadPresets().get("payer").organization();
            ctx.organizations().save(preset.withFhirBase(ehr.fhirBase()).withClientId("chartlens"));
            Organization org = ctx.organization("payer");
            String memberId = ehr.patientIds().get(0);
            Session s = ctx.auth().signInWithBrowser(org, null, member(memberId, ALLERGIES), Duration.ofSeconds(30));
            assertTrue(s.refusedScopes().contains(ALLERGIES), "the member unticked allergies: " + s.refusedScopes());
            SyncResult r = ctx.sync(org).run(SyncRequest.patients(s.patient()).withContextPatient(s.patient())
                    .withScopes(Set.copyOf(s.grantedScopes())), SyncListener.NONE);
            assertEquals("not-granted", r.unavailable().get("AllergyIntolerance"), r.summary());

            PatientRef ref = new PatientRef("payer", s.patient());
            OrganizationNames names = new OrganizationNames(ctx.organizations().list());
            CompletenessMap map = ChartQuery.completeness(ctx.cache(), List.of(ref),
                    SignInStates.of(ctx, List.of("payer")), names, Instant.now(), ZoneOffset.UTC);

            CompletenessMap.Cell allergies = map.cell(ref, "AllergyIntolerance").orElseThrow();
            assertEquals(CompletenessMap.Status.NOT_GRANTED, allergies.status());
            assertEquals("not granted at sign-in", allergies.words());
            assertEquals(CompletenessMap.Fix.SIGN_IN_AGAIN, allergies.fix());
            CompletenessMap.Cell carePlans = map.cell(ref, "CarePlan").orElseThrow();
            assertEquals(CompletenessMap.Status.UNSUPPORTED, carePlans.status(), "the payer's type list has no CarePlan");
            int conditions = ehr.sourceCounts(s.patient()).getOrDefault("Condition", 0);
            CompletenessMap.Cell problems = map.cell(ref, "Condition").orElseThrow();
            assertEquals(conditions, problems.count());
            assertEquals(conditions > 0 ? CompletenessMap.Status.HELD : CompletenessMap.Status.NONE_THERE, problems.status());
            assertTrue(problems.lastPulled() != null);
            assertTrue(map.summary().startsWith("Allergies unknown at " + org.name() + ": not granted"), map.summary());
            assertEquals("signed in", map.rows().get(0).access(), "the payer's document gives no refresh lifetime");

            String text = StatusCommand.text(map);
            assertTrue(text.contains("Allergies            not granted at sign-in -> sign in again"), text);
            assertTrue(text.contains("Summary: Allergies unknown at " + org.name() + ": not granted"), text);
            JsonNode json = StatusCommand.json(map);
            JsonNode cell = json.path("records").get(0).path("types").get(0);
            assertEquals("AllergyIntolerance", cell.path("type").asText());
            assertEquals("not-granted", cell.path("status").asText());
            assertEquals("sign-in-again", cell.path("fix").asText());
            assertTrue(!text.contains(s.accessToken()), "no token in the output");
        }
    }
}
