package org.chartlens.domain;

import java.time.Instant;

/**
 * A date from the chart, kept exactly as the server gave it, plus (when it could be read) an
 * instant for sorting and plotting. Partial dates ("2019", "2019-04") keep their precision; a
 * malformed date ("8/27/1930 12:00:00 AM") is shown as given. Immutable.
 *
 * @param asGiven   the text as received, or null when absent
 * @param instant   the start of the period the text denotes (UTC), or null when unreadable
 * @param precision how much of the date is known
 */
public record ChartDate(String asGiven, Instant instant, Precision precision) {

    public enum Precision { NONE, YEAR, MONTH, DAY, TIME, UNREADABLE }

    public static final ChartDate NONE = new ChartDate(null, null, Precision.NONE);

    public boolean isPresent() {
        return asGiven != null && !asGiven.isBlank();
    }

    /** Milliseconds since the epoch, or {@code fallback} when unknown. */
    public long millisOr(long fallback) {
        return instant == null ? fallback : instant.toEpochMilli();
    }

    /**
     * For display: partial and malformed dates as given; full date-times as "yyyy-MM-dd HH:mm"
     * in the offset the server used (we never shift a clinical time into another zone silently).
     */
    public String display() {
        if (!isPresent()) {
            return "";
        }
        if (precision == Precision.TIME && asGiven.length() >= 16 && asGiven.charAt(10) == 'T') {
            return asGiven.substring(0, 10) + " " + asGiven.substring(11, 16);
        }
        return asGiven;
    }

    /** Date part only ("2019-04-01", "2019-04", "2019"), or the text as given when unreadable. */
    public String dateOnly() {
        if (!isPresent()) {
            return "";
        }
        if (precision == Precision.TIME && asGiven.length() >= 10) {
            return asGiven.substring(0, 10);
        }
        return asGiven;
    }

    @Override
    public String toString() {
        return display();
    }
}
