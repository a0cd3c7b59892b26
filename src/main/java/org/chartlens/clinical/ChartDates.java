package org.chartlens.clinical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ChartDate.Precision;

/**
 * Reads FHIR dates leniently. Never throws: text it cannot read becomes an UNREADABLE
 * {@link ChartDate} that keeps the text for display. Stateless, thread safe, cheap.
 */
public final class ChartDates {
    private static final DateTimeFormatter US_DATE_TIME =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    private ChartDates() {
    }

    public static ChartDate parse(String text) {
        if (text == null || text.isBlank()) {
            return ChartDate.NONE;
        }
        String s = text.trim();
        try {
            int len = s.length();
            if (len == 4 && allDigits(s)) {
                return new ChartDate(text, LocalDate.of(Integer.parseInt(s), 1, 1)
                        .atStartOfDay().toInstant(ZoneOffset.UTC), Precision.YEAR);
            }
            if (len == 7 && s.charAt(4) == '-') {
                return new ChartDate(text, LocalDate.of(Integer.parseInt(s.substring(0, 4)),
                        Integer.parseInt(s.substring(5, 7)), 1).atStartOfDay()
                        .toInstant(ZoneOffset.UTC), Precision.MONTH);
            }
            if (len == 10 && s.charAt(4) == '-') {
                return new ChartDate(text, LocalDate.parse(s).atStartOfDay()
                        .toInstant(ZoneOffset.UTC), Precision.DAY);
            }
            if (len > 10 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
                Instant i = fastInstant(s);
                if (i != null) {
                    return new ChartDate(text, i, Precision.TIME);
                }
                try {
                    i = OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e) {
                    i = LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                }
                return new ChartDate(text, i, Precision.TIME);
            }
            if (s.indexOf('/') > 0) {
                // CareCloud style "8/27/1930 12:00:00 AM": readable for sorting, shown as given.
                try {
                    return new ChartDate(text, LocalDateTime.parse(s.toUpperCase(Locale.ROOT),
                            US_DATE_TIME).toInstant(ZoneOffset.UTC), Precision.UNREADABLE);
                } catch (DateTimeParseException e) {
                    return new ChartDate(text, LocalDate.parse(s, US_DATE).atStartOfDay()
                            .toInstant(ZoneOffset.UTC), Precision.UNREADABLE);
                }
            }
        } catch (RuntimeException e) {
            // fall through: keep as given
        }
        return new ChartDate(text, null, Precision.UNREADABLE);
    }

    /**
     * "yyyy-MM-ddTHH:mm:ss[.fff...](Z|+hh:mm)" without DateTimeFormatter (which costs several
     * microseconds a call; a long chart has tens of thousands of dates). Null when not that shape.
     */
    static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 7);
        int day = num(s, 8, 10);
        int hour = num(s, 11, 13);
        int min = num(s, 14, 16);
        int sec = num(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || min < 0 || min > 59 || sec < 0 || sec > 60) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            String frac = (s.substring(start, Math.min(i, start + 9)) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(frac);
        }
        int offsetSeconds;
        if (i < n && s.charAt(i) == 'Z' && i == n - 1) {
            offsetSeconds = 0;
        } else if (i + 6 == n && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = num(s, i + 1, i + 3);
            int om = num(s, i + 4, i + 6);
            if (oh < 0 || om < 0) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long secs = epochDay * 86400 + hour * 3600L + min * 60L + Math.min(sec, 59) - offsetSeconds;
        return Instant.ofEpochSecond(secs, nanos);
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
