package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.CompletenessMap;
import org.chartlens.domain.CompletenessMap.Fix;
import org.chartlens.domain.CompletenessMap.Status;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.SignInState;
import org.junit.jupiter.api.Test;

/** Issue 17: every reason a cell is missing, in words, with its fix; the banner's one line. */
class CompletenessTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final PatientRef CLINIC = new PatientRef("clinic", "p1");
    private static final PatientRef PAYER = new PatientRef("payer", "m1");
    private static final Map<String, String> NAMES = Map.of("clinic", "Riverside Clinic", "payer", "Health Plan",
            "import:referral", "referral.json");

    private static CompletenessMap build(List<Completeness.Holding> holdings, List<Completeness.Pull> pulls,
                                         Map<String, SignInState> signIns) {
        return Completeness.build(holdings, pulls, signIns, NAMES::get, NOW, ZoneOffset.UTC);
    }

    private static Completeness.Pull ok(String org, String type) {
        return new Completeness.Pull(org, type, "ok", NOW.minus(Duration.ofHours(2)), null, null);
    }

    @Test
    void everyReasonInWordsWithItsFix() {
        Instant synced = NOW.minus(Duration.ofHours(1));
        List<Completeness.Holding> holdings = List.of(
                new Completeness.Holding(CLINIC, Map.of("Condition", 4, "MedicationRequest", 2), synced),
                new Completeness.Holding(PAYER, Map.of("Coverage", 1), synced));
        List<Completeness.Pull> pulls = List.of(ok("clinic", "Condition"), ok("clinic", "AllergyIntolerance"),
                new Completeness.Pull("clinic", "MedicationRequest", "failed", NOW.minus(Duration.ofDays(3)),
                        "Riverside Clinic answered 503 (temporarily unavailable)", NOW.minus(Duration.ofHours(1))),
                new Completeness.Pull("payer", "AllergyIntolerance", "not-granted", null,
                        "The sign-in did not grant AllergyIntolerance.", NOW),
                new Completeness.Pull("payer", "CarePlan", "unsupported", null, "The server does not offer CarePlan.", NOW),
                ok("payer", "Coverage"));
        Map<String, SignInState> signIns = Map.of(
                "clinic", new SignInState("clinic", true, NOW.plus(Duration.ofDays(5)).plusSeconds(60), true),
                "payer", new SignInState("payer", true, NOW.plus(Duration.ofDays(29)), true));
        CompletenessMap m = build(holdings, pulls, signIns);

        CompletenessMap.Cell allergiesPayer = m.cell(PAYER, "AllergyIntolerance").orElseThrow();
        assertEquals(Status.NOT_GRANTED, allergiesPayer.status());
        assertEquals("not granted at sign-in", allergiesPayer.words());
        assertEquals(Fix.SIGN_IN_AGAIN, allergiesPayer.fix());

        assertEquals(Status.UNSUPPORTED, m.cell(PAYER, "CarePlan").orElseThrow().status());
        assertEquals(Fix.NONE, m.cell(PAYER, "CarePlan").orElseThrow().fix());

        CompletenessMap.Cell meds = m.cell(CLINIC, "MedicationRequest").orElseThrow();
        assertEquals(Status.FAILED, meds.status());
        assertEquals("failed at the last sync (today 09:00): Riverside Clinic answered 503 (temporarily unavailable); "
                + "2 held from before", meds.words());
        assertEquals(Fix.SYNC_NOW, meds.fix());

        CompletenessMap.Cell problems = m.cell(CLINIC, "Condition").orElseThrow();
        assertEquals(Status.HELD, problems.status());
        assertEquals(4, problems.count());
        assertEquals(synced, problems.lastPulled());
        assertEquals("4, pulled today 09:00", problems.words());

        CompletenessMap.Cell allergiesClinic = m.cell(CLINIC, "AllergyIntolerance").orElseThrow();
        assertEquals(Status.NONE_THERE, allergiesClinic.status(), "pulled, none there: known, not missing");
        assertEquals(Status.NEVER_PULLED, m.cell(CLINIC, "Immunization").orElseThrow().status());
        assertEquals(Fix.SYNC_NOW, m.cell(CLINIC, "Immunization").orElseThrow().fix());

        CompletenessMap.Row clinic = m.rows().get(0);
        assertEquals(5L, clinic.grantDaysLeft());
        assertEquals("the sign-in runs out in 5 days (10 Dec 2026)", clinic.access());
        assertEquals(Fix.SIGN_IN_AGAIN, clinic.accessFix());
        assertEquals("signed in until 3 Jan 2027", m.rows().get(1).access());

        assertTrue(m.summary().startsWith("Allergies unknown at Health Plan: not granted (19 more gaps)"), m.summary());
        assertTrue(m.attention());
        assertTrue(m.summary().endsWith(" · sign-in at Riverside Clinic runs out in 5 days"), m.summary());
        assertEquals(12 * 2, m.cells().size());
    }

    @Test
    void anEndedOrMissingSignInTurnsSyncNowIntoSignInAgain() {
        List<Completeness.Holding> holdings = List.of(new Completeness.Holding(CLINIC, Map.of(), null),
                new Completeness.Holding(PAYER, Map.of(), null));
        CompletenessMap m = build(holdings, List.of(), Map.of(
                "clinic", new SignInState("clinic", true, NOW.minus(Duration.ofDays(2)), true),
                "payer", new SignInState("payer", false, null, true)));
        assertEquals("the sign-in ran out on 3 Dec 2026", m.rows().get(0).access());
        assertEquals("not signed in", m.rows().get(1).access());
        CompletenessMap.Cell never = m.cell(CLINIC, "Condition").orElseThrow();
        assertEquals(Status.NEVER_PULLED, never.status());
        assertEquals(Fix.SIGN_IN_AGAIN, never.fix(), "no sync without a sign-in");
        assertTrue(m.summary().contains("sign-in at Riverside Clinic has run out"), m.summary());
        assertTrue(m.summary().contains("not signed in at Health Plan"), m.summary());
    }

    @Test
    void aSyncedRecordWithoutStatePerTypeSaysWhatIsHeldAndCallsNothingMissing() {
        CompletenessMap m = build(List.of(new Completeness.Holding(CLINIC, Map.of("Condition", 2), NOW)), List.of(),
                Map.of());
        assertEquals("2 held", m.cell(CLINIC, "Condition").orElseThrow().words());
        assertEquals(Status.NONE_THERE, m.cell(CLINIC, "AllergyIntolerance").orElseThrow().status());
        assertEquals("none held", m.cell(CLINIC, "AllergyIntolerance").orElseThrow().words());
        assertTrue(!m.attention(), m.summary());
    }

    @Test
    void importedFilesAndACompleteChart() {
        PatientRef imported = new PatientRef("import:referral", "x");
        CompletenessMap m = build(List.of(new Completeness.Holding(imported, Map.of("Condition", 1), NOW)), List.of(),
                Map.of("import:referral", SignInState.notApplicable("import:referral")));
        assertEquals(Status.HELD, m.cell(imported, "Condition").orElseThrow().status());
        assertEquals("none in the imported files", m.cell(imported, "AllergyIntolerance").orElseThrow().words());
        assertEquals(Fix.NONE, m.cell(imported, "AllergyIntolerance").orElseThrow().fix());
        assertEquals("Nothing missing: every type was pulled at every organization", m.summary());
        assertTrue(!m.attention());
    }
}
