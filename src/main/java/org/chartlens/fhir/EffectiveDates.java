package org.chartlens.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which element gives a resource its clinically relevant date, in order of preference, and
 * whether a value is a FHIR date/dateTime at all. Values are kept exactly as given: a
 * malformed date (e.g. {@code 8/27/1930 12:00:00 AM}) is stored as text and reported, never
 * dropped. Stateless and thread safe.
 */
public final class EffectiveDates {
    private EffectiveDates() {
    }

    /** Element names in order of preference; "*Period" elements contribute their start. */
    static final List<String> ORDER = List.of(
            "effectiveDateTime", "effectivePeriod", "effectiveInstant", "onsetDateTime", "onsetPeriod",
            "performedDateTime", "performedPeriod", "occurrenceDateTime", "occurrencePeriod", "period",
            "authoredOn", "recordedDate", "date", "issued", "created", "billablePeriod", "recorded",
            "birthDate", "start");

    /** Each element's index in {@link #ORDER}: asked for every member of every resource parsed. */
    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < ORDER.size(); i++) {
            RANK.put(ORDER.get(i), i);
        }
    }

    static int rank(String element) {
        return RANK.getOrDefault(element, -1);
    }

    /**
     * True for a valid FHIR date, dateTime or instant (partial dates included): exactly the
     * strings of the regular expression
     * {@code -?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9]
     * (:([0-5][0-9]|60)(\.[0-9]{1,9})?)?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?},
     * checked by hand: it runs for every resource a sync stores, where the regular expression was
     * a tenth of the parse threads' time (issue 21; the expression is the oracle of
     * EffectiveDatesTest).
     */
    public static boolean isFhirDate(String value) {
        if (value == null) {
            return false;
        }
        int n = value.length();
        int i = n > 0 && value.charAt(0) == '-' ? 1 : 0;
        if (i + 4 > n || !digit(value, i) || !digit(value, i + 1) || !digit(value, i + 2) || !digit(value, i + 3)) {
            return false;
        }
        i += 4;
        if (i == n) {
            return true;
        }
        if (value.charAt(i) != '-' || !twoDigits(value, i + 1, 1, 12)) {
            return false;
        }
        i += 3;
        if (i == n) {
            return true;
        }
        if (value.charAt(i) != '-' || !twoDigits(value, i + 1, 1, 31)) {
            return false;
        }
        i += 3;
        if (i == n) {
            return true;
        }
        if (value.charAt(i) != 'T' || !twoDigits(value, i + 1, 0, 23) || i + 3 >= n || value.charAt(i + 3) != ':'
                || !twoDigits(value, i + 4, 0, 59)) {
            return false;
        }
        i += 6;
        if (i < n && value.charAt(i) == ':') {
            if (!twoDigits(value, i + 1, 0, 60)) {
                return false;
            }
            i += 3;
            if (i < n && value.charAt(i) == '.') {
                int j = i + 1;
                while (j < n && j - i <= 9 && digit(value, j)) {
                    j++;
                }
                if (j == i + 1) {
                    return false;
                }
                i = j;
            }
        }
        if (i == n) {
            return true;
        }
        char zone = value.charAt(i);
        if (zone == 'Z') {
            return i + 1 == n;
        }
        if ((zone != '+' && zone != '-') || i + 6 != n || value.charAt(i + 3) != ':') {
            return false;
        }
        return twoDigits(value, i + 1, 0, 13) && twoDigits(value, i + 4, 0, 59)
                || value.startsWith("14:00", i + 1);
    }

    private static boolean digit(String s, int at) {
        char c = s.charAt(at);
        return c >= '0' && c <= '9';
    }

    /** Two ASCII digits at {@code at} whose value is within [lo, hi]. */
    private static boolean twoDigits(String s, int at, int lo, int hi) {
        if (at + 2 > s.length() || !digit(s, at) || !digit(s, at + 1)) {
            return false;
        }
        int v = (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
        return v >= lo && v <= hi;
    }
}
