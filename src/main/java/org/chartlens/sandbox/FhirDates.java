package org.chartlens.sandbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** FHIR date / dateTime / instant values as half-open epoch-millisecond ranges. Stateless. */
final class FhirDates {
    private static final java.util.regex.Pattern NO_SECONDS =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})?");

    private FhirDates() {
    }

    /**
     * The range a FHIR date value covers: {@code 2020} is the whole year, {@code 2020-03-04} the
     * whole (UTC) day, a dateTime one millisecond (or the second / minute it is precise to).
     *
     * @return {low, high}, or null when the text is not a FHIR date
     */
    static long[] range(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        try {
            switch (s.length()) {
                case 4: {
                    LocalDate d = LocalDate.of(Integer.parseInt(s), 1, 1);
                    return new long[] {millis(d), millis(d.plusYears(1))};
                }
                case 7: {
                    YearMonth ym = YearMonth.parse(s);
                    return new long[] {millis(ym.atDay(1)), millis(ym.plusMonths(1).atDay(1))};
                }
                case 10: {
                    LocalDate d = LocalDate.parse(s);
                    return new long[] {millis(d), millis(d.plusDays(1))};
                }
                default: {
                    String t = s;
                    long width = 1;
                    if (NO_SECONDS.matcher(t).matches()) {
                        t = t.substring(0, 16) + ":00" + t.substring(16);
                        width = 60_000;
                    }
                    if (t.length() == 19) {
                        t = t + "Z"; // search values without zone: read as UTC
                    }
                    long low = OffsetDateTime.parse(t).toInstant().toEpochMilli();
                    return new long[] {low, low + width};
                }
            }
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static long millis(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /**
     * Whether a resource's range {@code [rl, rh)} matches a search {@code prefix} + value range
     * {@code [pl, ph)}, after FHIR search's date rules (simplified: eq = contained).
     */
    static boolean matches(String prefix, long pl, long ph, long rl, long rh) {
        switch (prefix) {
            case "gt":
            case "sa":
                return rh > ph;
            case "ge":
                return rh > pl;
            case "lt":
            case "eb":
                return rl < pl;
            case "le":
                return rl < ph;
            case "ne":
                return !(rl >= pl && rh <= ph);
            case "ap":
                return rl < ph && rh > pl;
            default:
                return rl >= pl && rh <= ph;
        }
    }
}
