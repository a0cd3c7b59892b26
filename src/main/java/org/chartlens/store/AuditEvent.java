package org.chartlens.store;

import java.time.Instant;

/**
 * One entry of the append-only, hash-chained audit log. Never holds PHI bodies or tokens: only
 * who, when, what kind of event, which organization / patient id it concerned, and from where.
 *
 * @param seq       position in the log (ascending, gap-free per cache)
 * @param at        when
 * @param who       the OS user name
 * @param event     event kind, e.g. "sign-in", "sign-out", "patient-opened", "export", "print",
 *                  "settings-changed", "sync", "purge"
 * @param org       organization id, or null
 * @param patientId patient id at that organization, or null
 * @param detail    short non-PHI detail (e.g. "tab=vitals"), or null
 * @param reviewer  the reviewer's display name when one is set in the app, or null
 * @param source    the command or view it came from (e.g. "cli:show", "view:chart"), or null
 * @param hash      SHA-256 (hex) over the previous event's hash and this event's fields
 *                  ({@link AuditChain}); null only in a log that was tampered with
 */
public record AuditEvent(long seq, Instant at, String who, String event, String org,
                         String patientId, String detail, String reviewer, String source,
                         String hash) {

    /** An event without reviewer, source or hash (as the log held them before the chain). */
    public AuditEvent(long seq, Instant at, String who, String event, String org,
                      String patientId, String detail) {
        this(seq, at, who, event, org, patientId, detail, null, null, null);
    }
}
