package org.chartlens.identity;

import static org.chartlens.identity.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.chartlens.identity.Evidence.Agreement;
import org.chartlens.identity.Evidence.Field;
import org.junit.jupiter.api.Test;

/** Each piece of evidence, each conflict, and what makes a pair strong. */
class PairScorerTest {
    private static final String SSN = "http://hl7.org/fhir/sid/us-ssn";
    private final CandidateFinder finder = new CandidateFinder();

    /** Unrelated people, so that frequencies are not dominated by the pair under test. */
    private static List<PatientRecord> population(PatientRecord... pair) {
        List<PatientRecord> out = new ArrayList<>(List.of(pair));
        String[] families = {"Smith", "Jones", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Roberts", "Walker"};
        String[] givens = {"Anna", "Ben", "Carl", "Dora", "Emil", "Fay", "Gus", "Hana", "Ivo", "Jon"};
        for (int i = 0; i < 40; i++) {
            out.add(record("other", "p" + i).name(families[i % 10], givens[(i * 7) % 10])
                    .born("19" + (50 + i) + "-0" + (1 + i % 9) + "-1" + (i % 10)).sex(i % 2 == 0 ? "male" : "female")
                    .zip("4" + (1000 + i)).phone("555-100-" + (1000 + i)).build());
        }
        return out;
    }

    private Candidate compare(PatientRecord a, PatientRecord b) {
        return finder.compare(a, b, population(a, b));
    }

    private static Evidence of(Candidate c, Field f) {
        return c.evidence().stream().filter(e -> e.field() == f && e.agreement() != Agreement.MISSING).findFirst()
                .orElseThrow(() -> new AssertionError("no " + f + " evidence in " + c.evidence()));
    }

    private static Records danille(String org, String id) {
        return record(org, id).name("Hegmann834", "Danille883").born("1966-06-06").sex("female")
                .zip("43228").phone("555-373-7645");
    }

    @Test
    void sameIdentifierWrittenWithBackslashesIsStrong() {
        PatientRecord a = danille("demo", "a").id(SSN, "999-68-8039").build();
        PatientRecord b = record("carecloud", "b").name("HEGMANN834", "Danille883").born("1966-06-06").sex("female")
                .zip("6095").phone("(555) 373-7645").id("http:\\hl7.org\\fhir\\sid\\us-ssn", "999-68-8039").build();
        Candidate c = compare(a, b);
        Evidence id = of(c, Field.IDENTIFIER);
        assertEquals(Agreement.AGREE, id.agreement());
        assertEquals("same identifier at http://hl7.org/fhir/sid/us-ssn"
                + " (carecloud writes http:\\hl7.org\\fhir\\sid\\us-ssn, with backslashes)", id.text());
        assertTrue(c.strong());
        assertEquals(Agreement.AGREE, of(c, Field.FAMILY_NAME).agreement(), "case does not matter");
        assertEquals(Agreement.AGREE, of(c, Field.PHONE).agreement(), "(555) 373-7645 is 555-373-7645");
        assertEquals(Agreement.DISAGREE, of(c, Field.POSTAL_CODE).agreement(), "06095 is not 43228");
        assertTrue(c.conflicts().isEmpty(), c.conflicts().toString());
    }

    @Test
    void theSsnUnderItsOidIsTheSameIdentifier() {
        PatientRecord a = danille("demo", "a").id(SSN, "999-68-8039").build();
        PatientRecord b = danille("veracity", "b").id("urn:oid:2.16.840.1.113883.4.1", "999688039").build();
        Evidence id = of(compare(a, b), Field.IDENTIFIER);
        assertEquals(Agreement.AGREE, id.agreement());
        assertTrue(id.text().contains("veracity writes urn:oid:2.16.840.1.113883.4.1, as an OID"), id.text());
    }

    @Test
    void birthDateWithDayAndMonthSwapped() {
        PatientRecord a = record("demo", "a").name("Crist667", "Elana101").born("1964-12-02").sex("female").build();
        PatientRecord b = record("credible", "b").name("Crist667", "Elana101").born("1964-02-12").sex("female").build();
        Candidate c = compare(a, b);
        Evidence d = of(c, Field.BIRTH_DATE);
        assertEquals(Agreement.PARTIAL, d.agreement());
        assertEquals("birth date agrees with day and month swapped (1964-02-12 at credible, 1964-12-02 at demo)", d.text());
        assertTrue(d.weight() > 0, "a transposition is evidence for, not against: " + d.weight());
        assertFalse(c.conflicts().isEmpty(), "kept as a warning");
    }

    @Test
    void nicknameOfTheGivenName() {
        PatientRecord a = record("demo", "a").name("Smith", "William").born("1970-01-05").sex("male").build();
        PatientRecord b = record("insync", "b").name("Smith", "Bill").born("1970-01-05").sex("male").build();
        Evidence g = of(compare(a, b), Field.GIVEN_NAME);
        assertEquals(Agreement.PARTIAL, g.agreement());
        assertEquals("given name bill (insync) is a nickname of william", g.text());
    }

    @Test
    void soundAlikeGivenNames() {
        PatientRecord a = record("demo", "a").name("Smith", "Catherine").born("1970-01-05").build();
        PatientRecord b = record("insync", "b").name("Smith", "Cathrine").born("1970-01-05").build();
        Evidence g = of(compare(a, b), Field.GIVEN_NAME);
        assertEquals(Agreement.PARTIAL, g.agreement());
        assertTrue(g.text().contains("sound alike (Soundex C365)"), g.text());
    }

    @Test
    void hyphenatedFamilyNameAgreesOnAPart() {
        PatientRecord a = record("demo", "a").name("Dicki44", "Fawn386").born("1973-09-23").build();
        PatientRecord b = record("payer", "b").name("Dicki44-Becker968", "Fawn386").born("1973-09-23").build();
        Evidence f = of(compare(a, b), Field.FAMILY_NAME);
        assertEquals(Agreement.AGREE, f.agreement());
        assertEquals("family name dicki agrees (dicki-becker at payer has several parts)", f.text());
    }

    @Test
    void accentsDoNotMatter() {
        PatientRecord a = record("demo", "a").name("García", "José").born("1980-03-04").build();
        PatientRecord b = record("insync", "b").name("GARCIA", "Jose").born("1980-03-04").build();
        Candidate c = compare(a, b);
        assertEquals(Agreement.AGREE, of(c, Field.GIVEN_NAME).agreement());
        assertEquals(Agreement.AGREE, of(c, Field.FAMILY_NAME).agreement());
    }

    @Test
    void givenAndFamilySwapped() {
        PatientRecord a = record("demo", "a").name("Ryan260", "Jamie386").born("2011-10-20").sex("male").build();
        PatientRecord b = record("carecloud", "b").name("JAMIE386", "Ryan260").born("2011-10-20").sex("male").build();
        Candidate c = compare(a, b);
        assertEquals(Agreement.AGREE, of(c, Field.GIVEN_NAME).agreement());
        assertEquals(Agreement.AGREE, of(c, Field.FAMILY_NAME).agreement());
        assertTrue(of(c, Field.FAMILY_NAME).text().contains("given and family names swapped"), of(c, Field.FAMILY_NAME).text());
    }

    @Test
    void missingMiddleNameIsSaidButNotCounted() {
        PatientRecord a = record("demo", "a").name("Bechtelar572", "Babette571", "Bernetta267").born("1999-11-23").build();
        PatientRecord b = record("credible", "b").name("Bechtelar572", "Babette571").born("1999-11-23").build();
        Candidate c = compare(a, b);
        Evidence m = c.evidence().stream().filter(e -> e.text().startsWith("middle name")).findFirst().orElseThrow();
        assertEquals("middle name bernetta recorded at demo, none at credible", m.text());
        assertEquals(0.0, m.weight());
    }

    @Test
    void conflictingSexIsNeverStrong() {
        PatientRecord a = danille("demo", "a").id(SSN, "999-68-8039").build();
        PatientRecord b = danille("insync", "b").sex("male").id(SSN, "999-68-8039").build();
        Candidate c = compare(a, b);
        assertTrue(c.sharesIdentifier());
        assertFalse(c.strong());
        assertEquals(Agreement.DISAGREE, of(c, Field.SEX).agreement());
        assertEquals(List.of("sex differs (female at demo, male at insync)"), c.conflicts());
    }

    @Test
    void conflictingBirthDateIsNeverStrong() {
        PatientRecord a = danille("demo", "a").id(SSN, "999-68-8039").build();
        PatientRecord b = record("insync", "b").name("Hegmann834", "Danille883").born("1967-01-30").sex("female")
                .id(SSN, "999-68-8039").build();
        Candidate c = compare(a, b);
        assertTrue(c.sharesIdentifier());
        assertFalse(c.strong());
        Evidence d = of(c, Field.BIRTH_DATE);
        assertEquals(Agreement.DISAGREE, d.agreement());
        assertTrue(d.weight() < -5, "a different birth date weighs heavily against: " + d.weight());
        assertEquals(1, c.conflicts().size());
    }

    @Test
    void theSameSystemWithAnotherValueIsAConflict() {
        PatientRecord a = danille("demo", "a").id(SSN, "999-68-8039").id("urn:oid:1.2.3", "77").build();
        PatientRecord b = danille("insync", "b").id(SSN + "/", "999-68-8039").id("urn:oid:1.2.3", "78").build();
        Candidate c = compare(a, b);
        assertTrue(c.sharesIdentifier());
        assertFalse(c.strong());
        assertEquals(List.of("identifiers at urn:oid:1.2.3 differ"), c.conflicts());
    }

    @Test
    void namesakesScoreFarBelowTheThreshold() {
        PatientRecord a = record("demo", "a").name("Stiedemann542", "Jeromy156").born("2002-10-24").sex("male")
                .zip("43204").phone("555-269-6478").id(SSN, "999-40-2823").build();
        PatientRecord b = record("insync", "b").name("Stiedemann542", "Jeromy156").born("2002-03-30").sex("male")
                .zip("43201").phone("555-604-1187").id(SSN, "999-12-3456").build();
        Candidate c = compare(a, b);
        assertFalse(c.strong());
        assertTrue(c.score() < 0, "score " + c.score() + " " + c.evidence());
    }

    @Test
    void theSamePersonScoresFarAboveTheThreshold() {
        Candidate c = compare(danille("demo", "a").build(), danille("insync", "b").build());
        assertTrue(c.score() > 20, "score " + c.score());
        assertFalse(c.strong(), "no shared identifier: proposed, not pre-selected");
    }
}
