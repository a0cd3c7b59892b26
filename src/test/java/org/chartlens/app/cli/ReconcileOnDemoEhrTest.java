package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.Persons;
import org.chartlens.app.Reconciliations;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.Reconciliation;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.domain.ReconcileMark;
import org.chartlens.domain.ReconcileRow;
import org.chartlens.domain.ReconcileTable;
import org.chartlens.domain.UnitSystem;
import org.chartlens.report.SummaryOptions;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ReconcileMarks;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 section 3 on the real demo EHR: Danille Hegmann signed in and synced at the demo
 * organization, Credible and Veracity through the app's own wiring and linked as one person. Veracity lists her
 * current lisinopril 10 MG order as stopped at 20 MG (docs/demo-ehr.md "Planted disagreements"):
 * the reconciliation matches the two RxNorm codes at the ingredient level and lists that row first;
 * two reviewers' marks are kept apart and audited without naming the drug; {@code chartlens
 * reconcile} prints them and the referral summary's PDF text carries them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileOnDemoEhrTest {
    private static final List<String> PROFILES = List.of("demo", "credible", "veracity");

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static final Map<String, DemoEhr> EHRS = new LinkedHashMap<>();
    private static ChartLensContext ctx;
    private static Person person;

    @BeforeAll
    static void signInSyncAndLinkDanille() throws Exception {
        ctx = new ChartLensContext(data, PassphraseSource.fixed("reconcile-test-pass".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file", ChartLensContext.REVIEWER_ENV, "alice"));
        ctx.auditSource("cli:reconcile");
        List<PatientRef> records = new ArrayList<>();
        for (String profile : PROFILES) {
            DemoEhr ehr;
            if (profile.equals("demo")) { // the embedded demo EHR, as the desktop starts it
                ctx.startEmbeddedDemo("demo");
                ehr = ctx.embeddedDemo("demo").orElseThrow();
            } else {
                ehr = DemoEhr.start(SandboxOptions.builder().profile(profile).autoApprove(true).build());
                EHRS.put(profile, ehr);
                Organization preset = OrganizationDirectory.loadPresets().get(profile).organization();
                ctx.organizations().save(preset.withFhirBase(ehr.fhirBase()).withFlow(Organization.Flow.PKCE)
                        .withClientId("chartlens").withScopes(List.of("openid", "fhirUser", "offline_access", "user/*.read")));
            }
            Organization org = ctx.organization(profile);
            Session s = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            String danille = ehr.patientIds().get(0); // index.txt order: Danille Hegmann first
            SyncResult r = ctx.sync(org).run(SyncRequest.patients(danille).withContextPatient(s.patient())
                    .withScopes(Set.copyOf(s.grantedScopes())), SyncListener.NONE);
            assertTrue(r.ok(), profile + ": " + r.summary());
            System.out.println("DEBUG " + profile + " " + r.summary() + " " + ctx.cache().countsByType(profile, danille));
            records.add(new PatientRef(profile, danille));
        }
        Persons persons = Persons.of(ctx);
        persons.link(records.get(0).qualified(), records.get(1).qualified(), null);
        persons.link(records.get(0).qualified(), records.get(2).qualified(), null);
        person = ChartQuery.resolvePerson(ctx.cache(), records.get(0).qualified());
        assertEquals(3, person.records().size());
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        EHRS.values().forEach(DemoEhr::close);
    }

    private static ReconcileTable table() {
        ChartData chart = ChartQuery.openPerson(ctx.cache(), person.records(), UnitSystem.METRIC, LocalDate.now());
        return Reconciliation.of(chart);
    }

    @Test
    @Order(1)
    void thePlantedDisagreementIsFoundAtTheIngredientLevelAndListedFirst() {
        ReconcileTable t = table();
                assertEquals(Set.of("demo", "credible", "veracity"), Set.copyOf(t.orgs()));
        ReconcileRow first = t.rows().get(0);
        assertEquals("med:lisinopril", first.key(), "the planted row comes first: " + t.rows().subList(0, 3));
        assertEquals(ReconcileRow.Agreement.DIFFERS, first.agreement());
        assertEquals(List.of("status", "dose"), first.differsOn());
        ReconcileRow.Cell veracity = first.cell("veracity");
        assertEquals("stopped", veracity.status());
        assertTrue(veracity.name().contains("lisinopril 20 MG"), veracity.name());
        for (String org : List.of("demo", "credible")) {
            ReconcileRow.Cell c = first.cell(org);
            assertEquals("active", c.status(), org);
            assertTrue(c.detail().startsWith("10 MG"), c.detail());
        }
        assertEquals(1, t.differing(), "only the planted row differs: the profiles serve the same data otherwise");
        assertTrue(t.rows().stream().anyMatch(r -> r.kind() == ReconcileRow.Kind.PROBLEM && r.agreement() == ReconcileRow.Agreement.SAME));
        assertTrue(t.rows().stream().anyMatch(r -> r.kind() == ReconcileRow.Kind.ALLERGY));
    }

    @Test
    @Order(2)
    void marksAreKeptPerReviewerAndAuditedWithoutNamingTheDrug() {
        ReconcileTable t = table();
        Reconciliations.mark(ctx.cache(), t, person.records(), "alice", "med:lisinopril", ReconcileMark.Verdict.DIFFERENT,
                "Veracity stopped it; confirm with the patient", "cli:reconcile");
        String amlodipine = t.rows().stream().filter(r -> r.key().equals("med:amlodipine")).findFirst().orElseThrow().key();
        Reconciliations.mark(ctx.cache(), t, person.records(), "alice", amlodipine, ReconcileMark.Verdict.SAME, null,
                "cli:reconcile");
        Reconciliations.mark(ctx.cache(), t, person.records(), "bob", "med:lisinopril", ReconcileMark.Verdict.NOT_RELEVANT,
                "", "cli:reconcile");
        Map<String, ReconcileMark> alice = Reconciliations.marks(ctx.cache(), "alice", person.records());
        Map<String, ReconcileMark> bob = Reconciliations.marks(ctx.cache(), "bob", person.records());
        assertEquals(ReconcileMark.Verdict.DIFFERENT, alice.get("med:lisinopril").verdict());
        assertEquals("Veracity stopped it; confirm with the patient", alice.get("med:lisinopril").note());
        assertEquals(ReconcileMark.Verdict.SAME, alice.get(amlodipine).verdict());
        assertEquals(Set.of("med:lisinopril"), bob.keySet(), "bob sees his own marks only");
        assertEquals(ReconcileMark.Verdict.NOT_RELEVANT, bob.get("med:lisinopril").verdict());
        // a mark on one record is the person's: it reads the same from any of its records
        assertEquals(alice, Reconciliations.marks(ctx.cache(), "alice", List.of(person.records().get(2))));
        List<AuditEvent> events = ctx.cache().auditEvents(null, null, null).stream()
                .filter(e -> e.event().equals("reconcile-mark")).toList();
        assertEquals(9, events.size(), "three marks, one event per record");
        String digest = ReconcileMarks.rowDigest("med:lisinopril");
        assertTrue(events.stream().anyMatch(e -> e.detail().equals("reconcile med row=" + digest + " mark=different with note")),
                events.toString());
        events.forEach(e -> assertFalse(e.detail().toLowerCase().contains("lisinopril") || e.detail().contains("Veracity"),
                e.detail()));
        assertThrows(IllegalArgumentException.class, () -> Reconciliations.mark(ctx.cache(), t, person.records(), "alice",
                "med:no-such-drug", ReconcileMark.Verdict.SAME, null, "cli:reconcile"));
    }

    @Test
    @Order(3)
    void theCommandPrintsTheRowsDisagreementsFirstWithTheReviewersMarks() {
        ReconcileTable t = table();
        OrganizationNames names = new OrganizationNames(ctx.organizations().list());
        String text = ReconcileCommand.text(person, "alice", t, Reconciliations.marks(ctx.cache(), "alice", person.records()), names);
        int lisinopril = text.indexOf("DIFFERS: STATUS, DOSE\tMedication\tLisinopril\tmed:lisinopril");
        assertTrue(lisinopril > 0, text);
        assertTrue(text.indexOf("SAME EVERYWHERE") > lisinopril, "disagreements first");
        assertTrue(text.contains("your mark: Not the same · Veracity stopped it; confirm with the patient"), text);
        assertTrue(text.contains(names.apply("veracity") + ": stopped · lisinopril 20 MG Oral Tablet"), text);
        var json = ReconcileCommand.json(person, "bob", t, Reconciliations.marks(ctx.cache(), "bob", person.records()), names);
        var row = json.path("rows").path(0);
        assertEquals("med:lisinopril", row.path("key").asText());
        assertEquals("differs", row.path("agreement").asText());
        assertEquals("not-relevant", row.path("mark").path("verdict").asText());
        assertEquals("bob", row.path("mark").path("reviewer").asText());
    }

    @Test
    @Order(4)
    void theReferralSummaryCarriesTheMarksAndTheNotes() throws Exception {
        Path file = out.resolve("referral.pdf");
        SummaryCommand.export(ctx, List.of(person.id()), file, SummaryOptions.Paper.A4, UnitSystem.METRIC);
        String all;
        try (PDDocument d = Loader.loadPDF(file.toFile())) {
            all = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        int meds = all.indexOf("Current medications");
        assertTrue(meds > 0);
        int mark = all.indexOf("Reviewed: Not the same (alice) · Veracity stopped it; confirm with the patient", meds);
        assertTrue(mark > 0, "alice's mark beside lisinopril in the current medications: " + all.substring(meds, Math.min(all.length(), meds + 1500)));
        assertTrue(all.indexOf("Reviewed: Same (alice)", meds) > 0, "the unannotated mark too");
        int notes = all.indexOf("Reviewer's notes");
        assertTrue(all.indexOf("Lisinopril (medication): Not the same · Veracity stopped it; confirm with the patient", notes) > notes,
                all.substring(notes));
        assertFalse(all.contains("Not relevant (bob)"), "bob's marks are not alice's summary");
        assertNotNull(file);
    }
}
