package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.domain.UnitSystem;
import org.chartlens.fhir.FhirJson;
import org.chartlens.report.SummaryOptions;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.AuditEvent;
import org.chartlens.sync.ChartImport;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 section 4 on the real demo EHR: three vendor profiles signed in and synced through the
 * app's own wiring, one person's three records linked, then {@code chartlens summary}'s export:
 * the PDF's text (PDFBox extraction) has every section and every organization by name, the running
 * head and the footer on every page; the file is owner-only and the export audited with its name.
 * Also the large Synthea chart (many pages, tables continued under their heading) and the bad paths.
 */
class SummaryOnDemoEhrTest {
    private static final List<String> PROFILES = List.of("credible", "insync", "veracity");
    static final List<String> SECTIONS = List.of("Sources and freshness", "Active problems", "Current medications",
            "Allergies and intolerances", "Recent abnormal results", "Recent encounters", "Immunizations",
            "What is missing", "Reviewer's notes");

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static final Map<String, DemoEhr> EHRS = new LinkedHashMap<>();
    private static ChartLensContext ctx;

    @BeforeAll
    static void signInAndSyncThreeOrganizations() throws Exception {
        ctx = new ChartLensContext(data, PassphraseSource.fixed("summary-test-pass".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"));
        ctx.auditSource("cli:summary");
        for (String profile : PROFILES) {
            DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile(profile).autoApprove(true).build());
            EHRS.put(profile, ehr);
            Organization preset = OrganizationDirectory.loadPresets().get(profile).organization();
            ctx.organizations().save(preset.withFhirBase(ehr.fhirBase()).withFlow(Organization.Flow.PKCE)
                    .withClientId("chartlens").withScopes(List.of("openid", "fhirUser", "offline_access", "user/*.read")));
            Organization org = ctx.organization(profile);
            Session s = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            SyncResult r = ctx.sync(org).run(SyncRequest.everyone().withContextPatient(s.patient())
                    .withScopes(Set.copyOf(s.grantedScopes())), SyncListener.NONE);
            assertTrue(r.ok(), profile + ": " + r.summary());
        }
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        EHRS.values().forEach(DemoEhr::close);
    }

    static List<String> pages(Path pdf) throws IOException {
        Path keep = Files.createDirectories(Path.of("target", "summary-samples")); // to look at (build output)
        Files.copy(pdf, keep.resolve(pdf.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            List<String> out = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= d.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                out.add(s.getText(d));
            }
            return out;
        }
    }

    static void everyPageNamesThePatientAndSaysPhi(List<String> pages, String name, String born) {
        for (int i = 0; i < pages.size(); i++) {
            String p = pages.get(i);
            assertTrue(p.contains(name + " · born " + born), "page " + (i + 1) + " names the patient");
            assertTrue(p.contains("Contains PHI") && p.contains("Printed "), "page " + (i + 1) + " footer");
            assertTrue(p.contains("Page " + (i + 1) + " of " + pages.size()), "page " + (i + 1) + " number");
        }
    }

    static void sectionsInOrder(String all) {
        int at = -1;
        for (String s : SECTIONS) {
            int i = all.indexOf(s, at + 1);
            assertTrue(i > at, s + " comes after the section before it");
            at = i;
        }
    }

    @Test
    void aPersonLinkedAcrossThreeOrganizationsPrintsEverySectionAndEveryOrganization() throws Exception {
        Persons persons = Persons.of(ctx);
        Persons.Proposal first = persons.snapshot().proposals().stream().filter(Persons.Proposal::preselected).findFirst()
                .orElseThrow();
        persons.link(first.a().ref().qualified(), first.b().ref().qualified(), null);
        for (Persons.Proposal p : persons.snapshot().proposals()) {
            Person now = ChartQuery.resolvePerson(ctx.cache(), first.a().ref().qualified());
            boolean joinsIt = now.records().contains(p.a().ref()) != now.records().contains(p.b().ref());
            if (joinsIt && p.preselected()) {
                persons.link(p.a().ref().qualified(), p.b().ref().qualified(), null);
            }
        }
        Person person = ChartQuery.resolvePerson(ctx.cache(), first.a().ref().qualified());
        assertEquals(3, person.records().size(), "one record at each organization");

        Path file = out.resolve("referral.pdf");
        int pages = org.chartlens.app.cli.SummaryCommandAccess.export(ctx, List.of(person.id()), file);
        List<String> text = pages(file);
        assertEquals(pages, text.size());
        String all = String.join("\n", text).replaceAll("\\s+", " ");
        sectionsInOrder(all);
        OrganizationNames names = new OrganizationNames(ctx.organizations().list());
        for (PatientRef r : person.records()) {
            String org = names.apply(r.org());
            assertTrue(!org.equals(r.org()), "a readable name for " + r.org());
            assertTrue(all.contains(org) && all.replace(" ", "").contains(r.id()), "the Sources row of " + org);
            assertTrue(all.indexOf(org, all.indexOf("Active problems")) > 0, org + " names rows past the Sources");
        }
        ChartData chart = ChartQuery.openPerson(ctx.cache(), person.records(), UnitSystem.METRIC, LocalDate.now());
        String name = chart.model().patient().name();
        everyPageNamesThePatientAndSaysPhi(text, name, chart.model().patient().birthDate().dateOnly());
        assertTrue(all.contains(name.replaceAll("\\s+", " ")));
        chart.model().problems().activeProblems().forEach(p -> assertTrue(all.contains(p.code().label().replaceAll("\\s+", " ")),
                p.code().label()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<AuditEvent> events = ctx.cache().auditEvents(null, null, null).stream()
                .filter(e -> e.event().equals("export")).toList();
        assertEquals(3, events.size(), "one export event per record");
        events.forEach(e -> assertTrue(e.detail().startsWith("summary file=referral.pdf pages=" + pages)
                && "cli:summary".equals(e.source()), e.toString()));
    }

    @Test
    void theLargeChartContinuesItsTablesUnderTheirHeadingsWithTheFooterOnEveryPage() throws Exception {
        Path folder = out.resolve("large");
        Files.createDirectories(folder);
        try (var files = Files.list(Path.of("/work/shared/fhir-data/synthea-large"))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        ChartImport.Result imported = new ChartImport(ctx.cache(), new FhirJson()).importPath(folder);
        String id = imported.org() + ":" + imported.patients().get(0);
        Path file = out.resolve("large.pdf");
        org.chartlens.app.cli.SummaryCommandAccess.export(ctx, List.of(id), file);
        List<String> text = pages(file);
        assertTrue(text.size() >= 3, "a long chart takes several pages: " + text.size());
        String all = String.join("\n", text).replaceAll("\\s+", " ");
        sectionsInOrder(all);
        assertTrue(all.contains("(continued)"), "a table continued on the next page under its heading");
        assertTrue(all.contains("Imported file (large)"), "rows name the import");
        ChartData chart = ChartQuery.open(ctx.cache(), new PatientRef(imported.org(), imported.patients().get(0)),
                UnitSystem.METRIC, LocalDate.now());
        everyPageNamesThePatientAndSaysPhi(text, chart.model().patient().name(), chart.model().patient().birthDate().dateOnly());
    }

    @Test
    void badPathsAndUnknownPatientsAreSaidInWords() throws Exception {
        String any = ctx.cache().patients().get(0).org() + ":" + ctx.cache().patients().get(0).id();
        IOException missing = assertThrows(IOException.class, () -> org.chartlens.app.cli.SummaryCommandAccess.export(ctx,
                List.of(any), out.resolve("no-such-folder").resolve("x.pdf")));
        assertTrue(missing.getMessage().contains("no-such-folder") && missing.getMessage().contains("does not exist"),
                missing.getMessage());
        IOException folder = assertThrows(IOException.class, () -> org.chartlens.app.cli.SummaryCommandAccess.export(ctx,
                List.of(any), out));
        assertTrue(folder.getMessage().contains("it is a folder"), folder.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> org.chartlens.app.cli.SummaryCommandAccess.export(ctx, List.of("demo:nobody"), out.resolve("n.pdf")));
        assertTrue(unknown.getMessage().contains("no cached patient demo:nobody"), unknown.getMessage());
        assertTrue(!Files.exists(out.resolve("n.pdf")));
        SummaryOptions.of(o -> o, ZonedDateTime.now()); // the defaults build
    }
}
