package org.chartlens.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person on the referral list (issue 17, "the clinic day"): when they are due and why ("referred
 * by Dr X, cardiology"). One entry per person; a person of one is a single record. Immutable.
 *
 * @param person  the person as linked now (its records are what a sync or a chart reads)
 * @param due     the day the person is due
 * @param reason  the user's words (free text; never written to a log or the audit detail)
 * @param addedAt when the person was put on the list
 */
public record Referral(Person person, LocalDate due, String reason, Instant addedAt) {
    public Referral {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(due, "due");
        reason = reason == null ? "" : reason.strip();
    }

    /** "overdue by 2 days", "due today" or "" (later), in words, against {@code today}. */
    public String dueWords(LocalDate today) {
        return dueWords(due, today);
    }

    /** "overdue by 2 days", "due today" or "" (later) for a due day. */
    public static String dueWords(LocalDate due, LocalDate today) {
        if (due.isBefore(today)) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(due, today);
            return "overdue by " + days + (days == 1 ? " day" : " days");
        }
        return due.equals(today) ? "due today" : "";
    }
}
