package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chartlens.app.cli.SummaryCommandAccess;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Restrictions;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.AuditEvent;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 in the referral summary, on the demo EHR's Credible profile (a substance-use program
 * that labels its records R ETH 42CFRPart2): {@code chartlens summary} leaves restricted records out
 * and counts them, no display text or code of theirs in the PDF's text (PDFBox extraction); with
 * {@code --break-glass} and {@code --include-restricted} both, they are in it, each with the
 * 42 CFR 2.32 notice, and the glass and the include are in the audit log before the export.
 */
class RestrictedSummaryTest {
    /** Display texts and codes of Credible's restricted records (docs/demo-ehr.md "Security labels"). */
    static final List<String> SECRETS = List.of("opioid", "buprenorphine", "misuses drugs", "f11.20", "1010603",
            "361055000");

    @TempDir
    static Path data;
    @TempDir
    static Path out;
    private static DemoEhr ehr;
    private static ChartLensContext ctx;
    private static PatientRef labelled;

    @BeforeAll
    static void signInAndSyncCredible() throws Exception {
        ctx = new ChartLensContext(data, PassphraseSource.fixed("restricted-summary-pass".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"));
        ctx.auditSource("cli:summary");
        ehr = DemoEhr.start(SandboxOptions.builder().profile("credible").autoApprove(true).build());
        Organization preset = OrganizationDirectory.loadPresets().get("credible").organization();
        ctx.organizations().save(preset.withFhirBase(ehr.fhirBase()).withFlow(Organization.Flow.PKCE)
                .withClientId("chartlens").withScopes(List.of("openid", "fhirUser", "offline_access", "user/*.read")));
        Organization org = ctx.organization("credible");
        Session s = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
        assertTrue(ctx.sync(org).run(SyncRequest.everyone().withContextPatient(s.patient())
                .withScopes(Set.copyOf(s.grantedScopes())), SyncListener.NONE).ok());
        labelled = ctx.cache().patients().stream()
                .filter(p -> ctx.cache().chart(p.org(), p.id()).stream().anyMatch(r -> r.id().startsWith("bh-")))
                .map(p -> new PatientRef(p.org(), p.id())).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        if (ehr != null) {
            ehr.close();
        }
    }

    private static String text(Path pdf) throws Exception {
        return String.join("\n", SummaryOnDemoEhrTest.pages(pdf)).replaceAll("\\s+", " ");
    }

    private static List<AuditEvent> events(String name) {
        return ctx.cache().auditEvents(Instant.EPOCH, null, null).stream().filter(e -> e.event().equals(name)).toList();
    }

    @Test
    void aSummaryLeavesRestrictedRecordsOutCountsThemAndIncludesThemOnlyWithBothFlagsAudited() throws Exception {
        Path masked = out.resolve("masked.pdf");
        SummaryCommandAccess.export(ctx, List.of(labelled.qualified()), masked, null);
        String m = text(masked);
        String lower = m.toLowerCase(Locale.ROOT);
        for (String secret : SECRETS) {
            assertFalse(lower.contains(secret), secret + " in the masked summary:\n" + m);
        }
        assertTrue(m.matches(".*\\d+ restricted records not included .*"), m);
        assertTrue(m.matches(".*restricted records not included · from Credible[^·]* · reason: substance-use treatment "
                + "\\(42 CFR Part 2\\).*"), m);
        assertFalse(m.contains(Restrictions.PART2_NOTICE), "no notice without a Part 2 item");
        assertTrue(events("break-the-glass").isEmpty() && events("include-restricted").isEmpty());
        assertTrue(events("export").get(0).detail().contains("restricted=left out"), events("export").toString());

        Path shown = out.resolve("included.pdf");
        SummaryCommandAccess.export(ctx, List.of(labelled.qualified()), shown, BreakGlass.parse("consent"));
        String s = text(shown);
        String sl = s.toLowerCase(Locale.ROOT);
        for (String secret : List.of("opioid", "buprenorphine")) {
            assertTrue(sl.contains(secret), secret + " in the summary with restricted records included:\n" + s);
        }
        assertTrue(s.contains("RESTRICTED RECORDS INCLUDED"), s);
        int notices = s.split(java.util.regex.Pattern.quote(Restrictions.PART2_NOTICE), -1).length - 1;
        int marked = s.split("Restricted: substance-use treatment", -1).length - 1;
        assertTrue(marked >= 2, "each included item is marked: " + s);
        assertEquals(marked + 1, notices, "each Part 2 item carries the notice, and the title block once: " + s);

        List<AuditEvent> glass = events("break-the-glass");
        List<AuditEvent> include = events("include-restricted");
        assertEquals(1, glass.size());
        assertEquals(1, include.size());
        assertTrue(glass.get(0).detail().startsWith("reason=Patient consent on file; records="), glass.get(0).detail());
        assertTrue(include.get(0).detail().startsWith("summary file=included.pdf; reason=Patient consent on file; records="),
                include.get(0).detail());
        assertTrue(include.get(0).detail().contains("42CFRPart2"), include.get(0).detail());
        assertEquals("cli:summary", include.get(0).source());
        assertEquals(labelled.id(), include.get(0).patientId());
        assertTrue(glass.get(0).seq() < include.get(0).seq(), "the glass is broken first");
        AuditEvent export = events("export").get(1);
        assertTrue(include.get(0).seq() < export.seq() && export.detail().contains("restricted=included"), export.toString());
    }

    @Test
    void includingNeedsBothOptionsSaidBeforeAnythingIsRead() {
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class,
                () -> SummaryCommandAccess.glass(null, true));
        assertTrue(noReason.getMessage().contains("--include-restricted needs --break-glass"), noReason.getMessage());
        IllegalArgumentException noInclude = assertThrows(IllegalArgumentException.class,
                () -> SummaryCommandAccess.glass("emergency", false));
        assertTrue(noInclude.getMessage().contains("--break-glass needs --include-restricted"), noInclude.getMessage());
        assertEquals(BreakGlass.Reason.OTHER, SummaryCommandAccess.glass("other:court order", true).reason());
        assertEquals(null, SummaryCommandAccess.glass(null, false));
    }
}
