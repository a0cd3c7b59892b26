package org.chartlens.identity;

import static org.chartlens.identity.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateFinderTest {
    private final CandidateFinder finder = new CandidateFinder();

    /**
     * Person i at organization org: every blocking key distinct per person (birth date, Soundex
     * codes, postal code, phone, identifier), shared by that person's copies.
     */
    private static PatientRecord person(int i, String org) {
        return record(org, org + "-" + i).name(family(i), given(i))
                .born(java.time.LocalDate.of(1930, 1, 1).plusDays(7L * i).toString())
                .sex(i % 2 == 0 ? "female" : "male").zip(String.format("%05d", 10000 + i))
                .phone(String.format("555%07d", i)).id("urn:oid:1.2.3." + org, org + i).build();
    }

    /** A name whose Soundex code encodes n: a first letter, then three consonant codes. */
    private static String encode(char first, int n) {
        String cons = "bcdlmr";
        return "" + Character.toUpperCase(first) + "a" + cons.charAt(n / 36 % 6) + "a" + cons.charAt(n / 6 % 6)
                + "a" + cons.charAt(n % 6);
    }

    static String family(int i) {
        return encode((char) ('a' + i / 216 % 25), i % 216);
    }

    static String given(int i) {
        return encode('z', i % 216);
    }

    @Test
    void findsTheCopiesOfEachPersonAndNothingElse() {
        List<PatientRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(person(i, "a"));
            records.add(person(i, "b"));
        }
        CandidateSearch s = finder.find(records, Set.of());
        assertEquals(50, s.candidates().size(), s.candidates().toString());
        for (Candidate c : s.candidates()) {
            assertEquals(c.pair().first().fhirId().substring(2), c.pair().second().fhirId().substring(2));
        }
    }

    @Test
    void rejectedPairsAreNeverProposedAgain() {
        List<PatientRecord> records = List.of(person(1, "a"), person(1, "b"), person(2, "a"), person(2, "b"));
        RecordPair rejected = RecordPair.of(new RecordKey("b", "b-1"), new RecordKey("a", "a-1"));
        CandidateSearch s = finder.find(records, Set.of(rejected));
        assertEquals(1, s.candidates().size());
        assertEquals(RecordPair.of(new RecordKey("a", "a-2"), new RecordKey("b", "b-2")), s.candidates().get(0).pair());
        assertEquals(1, s.rejectedSkipped());
        CandidateSearch again = finder.find(records, Set.of());
        assertEquals(2, again.candidates().size(), "the same pair is proposed when not rejected");
    }

    @Test
    void aSharedIdentifierProposesThePairWhateverTheScore() {
        PatientRecord a = record("a", "1").name("Hegmann", "Danille").born("1966-06-06").sex("female")
                .id("http://hl7.org/fhir/sid/us-ssn", "999-68-8039").build();
        PatientRecord b = record("b", "2").name("Someone", "Else").born("1990-01-01").sex("male")
                .id("http://hl7.org/fhir/sid/us-ssn/", "999688039").build();
        CandidateSearch s = finder.find(List.of(a, b), Set.of());
        assertEquals(1, s.candidates().size());
        Candidate c = s.candidates().get(0);
        assertTrue(c.score() < 0 && !c.strong(), c.toString());
        assertEquals(2, c.conflicts().size(), c.conflicts().toString());
    }

    /** Blocking: records that share no key are never compared, so the work is near-linear. */
    @Test
    void recordsWithDistinctBlockingKeysAreNotCompared() {
        List<PatientRecord> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            records.add(person(i, "a"));
        }
        CandidateSearch s = finder.find(records, Set.of());
        assertTrue(s.comparedPairs() < 2000, "compared " + s.comparedPairs() + " of " + (2000L * 1999 / 2));
        assertEquals(0, s.candidates().size());
    }

    @Test
    void comparedPairsGrowLinearlyWithDuplicates() {
        long small = comparedWithCopies(500);
        long large = comparedWithCopies(4000);
        assertTrue(small >= 500, "each person's two copies are compared: " + small);
        assertTrue(large <= small * 8 * 1.5, "8x the records, " + large + " / " + small + " pairs (all pairs: 64x)");
    }

    private long comparedWithCopies(int persons) {
        List<PatientRecord> records = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            records.add(person(i, "a"));
            records.add(person(i, "b"));
        }
        return finder.find(records, Set.of()).comparedPairs();
    }

    @Test
    void oversizedBlocksAreLeftOut() {
        List<PatientRecord> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(record("a", "x" + i).name(family(i), given(i)).born("1900-01-01").build());
        }
        CandidateSearch s = new CandidateFinder(new CandidateFinder.Settings(5, 10), Nicknames.shipped())
                .find(records, Set.of());
        assertTrue(s.oversizedBlocks() >= 1);
        assertEquals(0, s.comparedPairs(), "the placeholder birth date alone joins nobody");
    }
}
