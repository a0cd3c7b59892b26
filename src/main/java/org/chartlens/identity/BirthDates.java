package org.chartlens.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Birth dates as servers send them. Stateless. */
public final class BirthDates {
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private BirthDates() {
    }

    /**
     * A FHIR {@code date} ({@code 1966-06-06}; a date-time's date part) or CareCloud's
     * {@code 6/6/1966 12:00:00 AM}; null for partial dates ({@code 1966}, {@code 1966-06}),
     * blanks and anything else.
     */
    public static LocalDate parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(s.substring(0, 10));
            }
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}.*")) {
                return LocalDate.parse(s.split("\\s+")[0], US);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** The date with day and month exchanged, or null when that is no date (day above 12). */
    public static LocalDate transposed(LocalDate d) {
        if (d == null || d.getDayOfMonth() > 12 || d.getDayOfMonth() == d.getMonthValue()) {
            return null;
        }
        return LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue());
    }
}
