package org.chartlens.store;

/**
 * The outcome of checking the audit chain ({@link ChartCache#verifyAudit()}). The message is
 * plain words without PHI: it names events by sequence number only.
 *
 * @param status      what was found
 * @param events      how many events the log holds
 * @param firstBroken sequence number of the first event that is missing, changed or no longer
 *                    the recorded head; 0 when intact
 * @param headKept    whether a head kept outside the cache was compared
 * @param message     one sentence for a privacy officer
 */
public record AuditCheck(Status status, long events, long firstBroken, boolean headKept, String message) {

    /** What checking the chain found. */
    public enum Status {
        /** Every event follows the previous one and the head kept outside matches. */
        INTACT,
        /** An event was changed, or has no hash: {@code firstBroken} names it. */
        EVENT_CHANGED,
        /** An event is missing inside the log: {@code firstBroken} is the first missing one. */
        EVENTS_MISSING,
        /** Events were removed at the end: the log ends before the head kept outside. */
        TRUNCATED,
        /** The chain is whole but is not the one the head kept outside recorded (rewritten). */
        REWRITTEN
    }

    public boolean intact() {
        return status == Status.INTACT;
    }
}
