package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.AuditEvent;
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
 * Issue 14 on the real demo EHR: three vendor profiles (each its own ids, MRNs and planted
 * variations, docs/demo-ehr.md), real sign-in through the app's own wiring, real sync into one
 * encrypted cache; then the candidates, links, rejections and unlinks exactly as planted:
 * 12 people at three organizations plus InSync's namesake = 37 records; 3 pairs per person =
 * 36 proposed pairs, 34 strong (Elana Crist's two pairs with Credible's swapped birth date are not);
 * linking them all leaves 13 persons.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonsOnDemoEhrTest {
    private static final List<String> PROFILES = List.of("credible", "insync", "veracity");
    /** Elana Crist: Credible serves her birth date with day and month swapped. */
    private static final String ELANA = "6c5f5393";
    private static final String IRENE = "d7ad2617";

    @TempDir
    static Path data;

    private static final Map<String, DemoEhr> EHRS = new LinkedHashMap<>();
    /** record -> index of the Synthea person in the load order (12 = InSync's namesake). */
    private static final Map<PatientRef, Integer> TRUTH = new HashMap<>();
    private static ChartLensContext ctx;
    private static List<Persons.Row> unlinkedRows;

    @BeforeAll
    static void signInAndSyncThreeOrganizations() throws Exception {
        ctx = context();
        for (String profile : PROFILES) {
            DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile(profile).autoApprove(true).build());
            EHRS.put(profile, ehr);
            Organization preset = OrganizationDirectory.loadPresets().get(profile).organization();
            // each vendor preset by PKCE with the public client every profile registers (docs/demo-ehr.md)
            ctx.organizations().save(preset.withFhirBase(ehr.fhirBase()).withFlow(Organization.Flow.PKCE)
                    .withClientId("chartlens").withScopes(List.of("openid", "fhirUser", "offline_access", "user/*.read")));
            Organization org = ctx.organization(profile);
            Session s = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            // every patient of the profile (as `sync --all-patients`): the planted duplicates are spread over them
            SyncResult r = ctx.sync(org).run(SyncRequest.everyone().withContextPatient(s.patient())
                    .withScopes(Set.copyOf(s.grantedScopes())), SyncListener.NONE);
            assertTrue(r.ok(), profile + ": " + r.summary());
            List<String> ids = ehr.patientIds();
            for (int i = 0; i < ids.size(); i++) {
                TRUTH.put(new PatientRef(profile, ids.get(i)), i);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        EHRS.values().forEach(DemoEhr::close);
    }

    private static ChartLensContext context() {
        ChartLensContext c = new ChartLensContext(data, PassphraseSource.fixed("persons-test-pass".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"));
        c.auditSource("test:persons");
        return c;
    }

    private static Persons persons() {
        return Persons.of(ctx);
    }

    private static boolean samePerson(Persons.Proposal p) {
        return TRUTH.get(p.a().ref()).equals(TRUTH.get(p.b().ref()));
    }

    private static PatientRef record(String profile, String syntheaPrefix) {
        int index = -1;
        // the demo profile's ids are the Synthea ids; the vendor profiles' are derived, same order
        List<String> synthea = DemoEhrIds.synthea();
        for (int i = 0; i < synthea.size(); i++) {
            if (synthea.get(i).startsWith(syntheaPrefix)) {
                index = i;
            }
        }
        return new PatientRef(profile, EHRS.get(profile).patientIds().get(index));
    }

    @Test
    @Order(1)
    void theMatcherProposesExactlyThePlantedPairsAndNeverTheNamesake() {
        Persons.Snapshot s = persons().snapshot();
        assertEquals(37, s.persons().size(), "no links yet: every record is a person of one");
        assertEquals(36, s.proposals().size());
        assertTrue(s.proposals().stream().allMatch(PersonsOnDemoEhrTest::samePerson), "only records of the same person");
        assertEquals(34, s.proposals().stream().filter(Persons.Proposal::preselected).count());
        assertTrue(s.proposals().stream().noneMatch(p -> TRUTH.get(p.a().ref()) == 12 || TRUTH.get(p.b().ref()) == 12),
                "the namesake at InSync is never proposed");
        assertTrue(s.search().comparedPairs() < 37L * 36 / 2, "blocking: not every pair is compared");
        // Elana: proposed, not strong, the conflict in words with the organization's name
        PatientRef elana = record("credible", ELANA);
        List<Persons.Proposal> hers = s.proposals().stream()
                .filter(p -> p.a().ref().equals(elana) || p.b().ref().equals(elana)).toList();
        assertEquals(2, hers.size());
        assertTrue(hers.stream().noneMatch(Persons.Proposal::preselected));
        String conflict = hers.get(0).conflicts().get(0);
        assertTrue(conflict.contains("at Credible Behavioral Health (Qualifacts)") && conflict.contains("birth dates differ"),
                conflict);
        assertEquals("Credible Behavioral Health (Qualifacts)", hers.get(0).a().organization().startsWith("Credible")
                ? hers.get(0).a().organization() : hers.get(0).b().organization());
        // the worklist's count: every person of one has two possible matches, the namesake none
        s.persons().forEach(r -> assertEquals(TRUTH.get(r.records().get(0).ref()) == 12 ? 0 : 2, r.possibleMatches(),
                r.name()));
        unlinkedRows = s.persons();
    }

    @Test
    @Order(2)
    void aRejectedPairIsRememberedAndNeverProposedAgain() {
        PatientRef insync = record("insync", IRENE);
        PatientRef veracity = record("veracity", IRENE);
        persons().reject(insync.qualified(), veracity.qualified(), null);
        ctx.close();
        ctx = context();
        Persons.Snapshot s = persons().snapshot();
        assertEquals(35, s.proposals().size());
        assertTrue(s.proposals().stream().noneMatch(p -> Set.of(p.a().ref(), p.b().ref()).equals(Set.of(insync, veracity))));
    }

    @Test
    @Order(3)
    void linkingEveryProposalLeavesThirteenPersonsAndKeepsTheBirthDateWarning() {
        Persons ps = persons();
        for (Persons.Proposal p : ps.snapshot().proposals()) {
            if (!ctx.cache().personOf(p.a().ref()).records().contains(p.b().ref())) {
                ps.link(p.a().ref().qualified(), p.b().ref().qualified(), null);
            }
        }
        // the rejected pair is already one person through Credible's record: rejecting it again is refused
        assertThrows(IllegalArgumentException.class,
                () -> ps.reject(record("insync", IRENE).qualified(), record("veracity", IRENE).qualified(), null));
        Persons.Snapshot s = ps.snapshot();
        assertEquals(13, s.persons().size(), "37 records minus the 24 planted duplicates");
        assertEquals(0, s.proposals().size());
        for (Persons.Row r : s.persons()) {
            boolean namesake = TRUTH.get(r.records().get(0).ref()) == 12;
            assertEquals(namesake ? 1 : 3, r.records().size(), r.name());
            assertEquals(0, r.possibleMatches());
            assertEquals(1, r.records().stream().map(x -> TRUTH.get(x.ref())).distinct().count(), "one Synthea person");
        }
        Person elana = ChartQuery.resolvePerson(ctx.cache(), record("veracity", ELANA).qualified());
        assertEquals(3, elana.records().size());
        assertEquals(2, elana.warnings().size(), elana.warnings().toString());
        assertTrue(elana.warnings().stream().allMatch(w -> w.startsWith("birth dates differ")));
        assertEquals(List.of(), s.persons().stream().filter(r -> !r.id().equals(elana.id()))
                .flatMap(r -> r.warnings().stream()).toList(), "no other person has a warning");
        // the API the merged chart uses: a person id or any of its records
        assertEquals(elana, ChartQuery.resolvePerson(ctx.cache(), elana.id()));
        assertEquals(elana, ChartQuery.resolvePerson(ctx.cache(), record("credible", ELANA).qualified()));
        assertEquals(elana, ChartQuery.resolvePerson(ctx.cache(), Person.idOf(record("insync", ELANA))));
    }

    @Test
    @Order(4)
    void unlinkingRestoresTheSeparateRecordsExactly() {
        Persons ps = persons();
        PatientRef credible = record("credible", ELANA);
        PatientRef insync = record("insync", ELANA);
        PatientRef veracity = record("veracity", ELANA);
        int chartSize = ctx.cache().chart(credible.org(), credible.id()).size();
        Person left = ps.unlink(credible.qualified(), null);
        assertEquals(Set.of(insync, veracity), Set.copyOf(left.records()));
        assertEquals(List.of(), left.warnings(), "the swapped birth date went with Credible's record");
        assertEquals(Person.single(credible), ctx.cache().personOf(credible));
        assertEquals(chartSize, ctx.cache().chart(credible.org(), credible.id()).size(), "the record is untouched");
        assertEquals(2, ps.snapshot().proposals().size(), "Credible's record is proposed again with the others");
        ps.unlink(insync.qualified(), null);
        List<Persons.Row> now = ps.snapshot().persons().stream()
                .filter(r -> TRUTH.get(r.records().get(0).ref()).equals(TRUTH.get(credible))).toList();
        List<Persons.Row> before = unlinkedRows.stream()
                .filter(r -> TRUTH.get(r.records().get(0).ref()).equals(TRUTH.get(credible))).toList();
        assertEquals(before, now, "the same three persons of one, with the same ids, as before any link");
        assertThrows(IllegalArgumentException.class, () -> ps.unlink(veracity.qualified(), null));
        assertThrows(IllegalArgumentException.class, () -> ps.link(veracity.qualified(), veracity.qualified(), null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ps.link("veracity:nobody", veracity.qualified(), null))
                .getMessage().contains("no cached patient veracity:nobody"));
    }

    @Test
    @Order(5)
    void linkRejectAndUnlinkAreInTheAuditLogWithWhoAndWhen() {
        List<AuditEvent> events = ctx.cache().auditLog(null, null);
        List<AuditEvent> links = events.stream().filter(e -> e.event().equals("link")).toList();
        assertEquals(24, links.size(), "two links make a person of three records: 12 x 2");
        assertEquals(1, events.stream().filter(e -> e.event().equals("link-rejected")).count());
        assertEquals(2, events.stream().filter(e -> e.event().equals("unlink")).count());
        events.stream().filter(e -> e.event().startsWith("link") || e.event().equals("unlink")).forEach(e -> {
            assertEquals("test:persons", e.source());
            assertFalse(e.who().isBlank());
            assertNotEquals(null, e.at());
            assertFalse(e.detail().contains("1964"), "no PHI in the audit log: " + e.detail());
        });
        assertTrue(ctx.cache().verifyAudit().intact());
    }

    /** The Synthea ids in load order (the demo profile's own ids). */
    static final class DemoEhrIds {
        private static List<String> ids;

        static synchronized List<String> synthea() {
            if (ids == null) {
                try (DemoEhr demo = DemoEhr.start(SandboxOptions.demo())) {
                    ids = new ArrayList<>(demo.patientIds());
                }
            }
            return ids;
        }
    }
}
