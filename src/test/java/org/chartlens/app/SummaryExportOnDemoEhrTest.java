package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.AuditEvent;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.CacheAuditPort;
import org.chartlens.ui.port.SensitiveSettings;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 17 and 18 on the real demo EHR: the Credible profile (a substance-use program whose
 * records are labelled 42 CFR Part 2) signed in and synced through the app's wiring; a labelled
 * patient's chart exported from the desktop's Export PDF… leaves the opioid-treatment episode out
 * until the glass is broken and "Include restricted records in this document" is ticked, and the
 * inclusion is in the cache's audit log from {@code view:chart}.
 */
class SummaryExportOnDemoEhrTest {
    /** Display text of Credible's restricted records (docs/demo-ehr.md "Security labels"). */
    private static final List<String> RESTRICTED = List.of("Opioid dependence", "buprenorphine", "Opioid treatment",
            "Misuses drugs");
    /** Of those, what the summary's sections show once included (problems, current medications). */
    private static final List<String> SHOWN = List.of("Opioid dependence", "buprenorphine");

    @TempDir
    Path data;
    @TempDir
    Path out;

    @Test
    void aLabelledCrediblePatientsPdfHasTheEpisodeOnlyWhenIncluded() throws Exception {
        Fx.stage();
        try (DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile("credible").autoApprove(true).build());
             ChartLensContext ctx = new ChartLensContext(data, PassphraseSource.fixed("export-test-pass".toCharArray()),
                     Map.of("CHARTLENS_SECRET_STORE", "file"))) {
            Organization preset = OrganizationDirectory.loadPresets().get("credible").organization();
            ctx.organizations().save(preset.withFhirBase(ehr.fhirBase()).withFlow(Organization.Flow.PKCE)
                    .withClientId("chartlens").withScopes(List.of("openid", "fhirUser", "offline_access", "user/*.read")));
            Organization org = ctx.organization("credible");
            Session s = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            SyncResult r = ctx.sync(org).run(SyncRequest.everyone().withContextPatient(s.patient())
                    .withScopes(Set.copyOf(s.grantedScopes())), SyncListener.NONE);
            assertTrue(r.ok(), r.summary());
            PatientRef labelled = ctx.cache().patients().stream().map(p -> new PatientRef(p.org(), p.id()))
                    .filter(p -> ChartQuery.open(ctx.cache(), p, UnitSystem.METRIC, LocalDate.now()).restrictions().any())
                    .findFirst().orElseThrow();
            ChartData masked = ChartQuery.open(ctx.cache(), labelled, UnitSystem.METRIC, LocalDate.now());
            assertTrue(masked.restrictions().part2(), "Credible's labels are Part 2");

            ChartView v = Fx.call(() -> {
                ChartViewModel vm = new ChartViewModel(ctx.cache(), new SameThreadTaskExecutor(), List.of(labelled),
                        () -> o -> "Credible Behavioral Health").withSummaries(DesktopSummaries.of(ctx, ctx::cache, () -> null));
                vm.restrictions(new CacheAuditPort(ctx::cache), SensitiveSettings.DEFAULTS);
                vm.load(UnitSystem.METRIC);
                return new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, false);
            });
            Fx.show(v);
            String before = export(v, true, out.resolve("before.pdf"));
            Fx.run(() -> v.viewModel().breakGlass(BreakGlass.parse("other:referral to a treatment program")));
            Fx.settle();
            String unticked = export(v, false, out.resolve("unticked.pdf"));
            String ticked = export(v, true, out.resolve("ticked.pdf"));
            for (String secret : RESTRICTED) {
                assertFalse(before.contains(secret), secret + " before the glass is broken");
                assertFalse(unticked.contains(secret), secret + " with the box not ticked");
            }
            for (String shown : SHOWN) {
                assertTrue(ticked.contains(shown), shown + " once included");
            }
            SummaryOnDemoEhrTest.sectionsInOrder(ticked);
            List<AuditEvent> events = ctx.cache().auditEvents(Instant.EPOCH, labelled.org(), labelled.id());
            assertEquals(3, events.stream().filter(e -> e.event().equals("export") && "view:chart".equals(e.source())).count());
            List<AuditEvent> included = events.stream().filter(e -> e.event().equals("include-restricted")).toList();
            assertEquals(1, included.size());
            assertTrue(included.get(0).detail().startsWith("document=export; reason=Other: referral to a treatment program; "
                    + "records="), included.get(0).detail());
            assertTrue(included.get(0).detail().contains("42CFRPart2"), included.get(0).detail());
        }
    }

    /** Export PDF… answered with {@code include}; the PDF's text. */
    private static String export(ChartView v, boolean include, Path file) throws Exception {
        Fx.run(() -> {
            v.summaryActions().use((k, d, g) -> Optional.of(include), (w, s) -> file, null);
            v.exportPdf();
        });
        Fx.settle();
        String said = Fx.call(() -> v.summaryActions().job().messageProperty().get());
        assertTrue(said.startsWith("Saved " + file.getFileName()), said);
        return String.join("\n", SummaryOnDemoEhrTest.pages(file));
    }
}
