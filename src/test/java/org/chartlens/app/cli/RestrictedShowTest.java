package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chartlens.app.ChartLensContext;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.LabelledBundle;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Restrictions;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show} text and JSON for a patient with labelled records (issue 18): no display text, code or
 * note of a restricted record before the glass is broken, all of them after, with the Part 2 notice;
 * breaking the glass is audited first.
 */
class RestrictedShowTest {
    @TempDir
    Path data;
    @TempDir
    Path files;

    private ChartLensContext context() {
        return new ChartLensContext(data, PassphraseSource.fixed("restricted-show-pass".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"));
    }

    @Test
    void maskedUntilTheGlassIsBrokenThenShownWithTheNoticeAndAudited() throws Exception {
        try (ChartLensContext ctx = context()) {
            ctx.auditSource("cli:show");
            PatientRef ref = LabelledBundle.importInto(ctx.cache(), files);
            Function<String, String> names = o -> "Credible";
            ChartData masked = ShowCommand.open(ctx, List.of(ref), UnitSystem.METRIC, null);
            for (ChartReport.Part part : ChartReport.Part.values()) {
                String text = ChartReport.text(masked, names, part);
                String json = ChartReport.json(masked, names, part);
                for (String secret : LabelledBundle.SECRETS) {
                    assertFalse(text.contains(secret), part + " text leaks " + secret + ":\n" + text);
                    assertFalse(json.contains(secret), part + " JSON leaks " + secret);
                }
                assertFalse(text.contains(Restrictions.PART2_NOTICE));
            }
            String summary = ChartReport.text(masked, names, ChartReport.Part.SUMMARY);
            assertTrue(summary.contains("4 restricted records hidden · from Credible · reason: substance-use treatment (42 CFR Part 2)\n"), summary);
            assertTrue(summary.contains("Restricted record hidden · from Credible · reason: mental health"), summary);
            assertTrue(summary.contains("Essential hypertension"), summary);
            String timeline = ChartReport.text(masked, names, ChartReport.Part.TIMELINE);
            assertTrue(timeline.contains("(restricted)"), timeline);
            assertTrue(ChartReport.json(masked, names, ChartReport.Part.ALL).contains("\"state\" : \"hidden\""));
            assertTrue(ctx.cache().auditEvents(Instant.EPOCH, null, null).stream()
                    .noneMatch(e -> e.event().equals("break-the-glass")), "nothing broken yet");

            ChartData shown = ShowCommand.open(ctx, List.of(ref), UnitSystem.METRIC, BreakGlass.parse("emergency"));
            String all = ChartReport.text(shown, names, ChartReport.Part.ALL) + ChartReport.text(shown, names, ChartReport.Part.MEDS)
                    + ChartReport.text(shown, names, ChartReport.Part.TIMELINE);
            String allJson = ChartReport.json(shown, names, ChartReport.Part.ALL);
            for (String secret : List.of("Opioid dependence", "Buprenorphine", "Major depressive disorder")) {
                assertTrue(all.contains(secret), secret + " shown after breaking the glass");
            }
            for (String code : List.of("F11.20", "1010603", "F32.9", "Opioid treatment program")) {
                assertTrue(allJson.contains(code), code + " in the JSON after breaking the glass");
            }
            assertTrue(all.contains("RESTRICTED RECORDS SHOWN") && all.contains(Restrictions.PART2_NOTICE), all);
            assertTrue(allJson.contains("\"restricted\" : \"substance-use treatment (42 CFR Part 2)\""), allJson);
            List<AuditEvent> glass = ctx.cache().auditEvents(Instant.EPOCH, null, null).stream()
                    .filter(e -> e.event().equals("break-the-glass")).toList();
            assertEquals(1, glass.size());
            AuditEvent e = glass.get(0);
            assertEquals(ref.org(), e.org());
            assertEquals(ref.id(), e.patientId());
            assertEquals("cli:show", e.source());
            assertTrue(e.detail().startsWith("reason=Treatment emergency; records=5; labels="), e.detail());
            for (String label : List.of("R", "ETH", "42CFRPart2", "PSY")) {
                assertTrue(List.of(e.detail().substring(e.detail().indexOf("labels=") + 7).split(" ")).contains(label), e.detail());
            }
            assertTrue(e.who() != null && e.at() != null, e.toString());
        }
    }

    @Test
    void reasonsAreTheShortListAndOtherNeedsWords() {
        assertEquals(BreakGlass.Reason.PATIENT_CONSENT, BreakGlass.parse("consent").reason());
        assertEquals("Other: court order", BreakGlass.parse("other:court order").describe());
        assertThrows(IllegalArgumentException.class, () -> BreakGlass.parse("other"));
        assertThrows(IllegalArgumentException.class, () -> BreakGlass.parse("curious"));
    }
}
