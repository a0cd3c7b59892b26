package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written FHIR date check accepts exactly what the specification's expression does. */
class EffectiveDatesTest {
    /** The FHIR R4 date/dateTime/instant grammar as the regular expression it replaced (the oracle). */
    private static final Pattern ORACLE = Pattern.compile(
            "-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])"
                    + "(T([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\\.[0-9]{1,9})?)?"
                    + "(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?");

    @Test
    void knownValuesAreJudgedAsTheSpecificationSays() {
        for (String ok : List.of("2020", "-0044", "2020-02", "2020-02-29", "2020-12-31T23:59", "2020-01-01T00:00Z",
                "2020-01-01T10:00:60", "2020-01-01T10:00:00.123456789+14:00", "2020-01-01T10:00:00-13:59",
                "1930-08-27T00:00:00Z", "2020-01-01T10:00+05:30")) {
            assertTrue(EffectiveDates.isFhirDate(ok), ok);
        }
        for (String bad : List.of("", "-", "202", "20200", "2020-13", "2020-00", "2020-1-01", "2020-01-32",
                "2020-01-01T24:00", "2020-01-01T10:60", "2020-01-01T10", "2020-01-01T10:00:61",
                "2020-01-01T10:00:00.", "2020-01-01T10:00:00.1234567890", "2020-01-01T10:00:00+14:01",
                "2020-01-01T10:00:00+15:00", "2020-01-01T10:00:00+0500", "2020-01-01T10:00:00z",
                "8/27/1930 12:00:00 AM", "2020-01-01 10:00", "２０２０", "2020-01-01T10:00:00ZZ")) {
            assertFalse(EffectiveDates.isFhirDate(bad), bad);
        }
        assertFalse(EffectiveDates.isFhirDate(null));
    }

    @Test
    void agreesWithTheExpressionOnManyNearMisses() {
        Random random = new Random(21);
        String alphabet = "0123456789-T:.Z+z 9";
        List<String> seeds = List.of("2020-02-29T23:59:60.123456789+14:00", "-0001-12-31T00:00:00Z",
                "1999-09-09T09:09:09-09:09", "2024-05-01T10:00:00.5Z", "2024-05-01T10:00");
        List<String> values = new ArrayList<>();
        for (String seed : seeds) {
            for (int cut = 0; cut <= seed.length(); cut++) {
                values.add(seed.substring(0, cut));
            }
        }
        for (int k = 0; k < 200_000; k++) {
            StringBuilder s = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            values.add(s.toString());
        }
        int accepted = 0;
        for (String v : values) {
            boolean expected = ORACLE.matcher(v).matches();
            assertEquals(expected, EffectiveDates.isFhirDate(v), v);
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 1000, "the corpus holds valid dates too");
    }
}
