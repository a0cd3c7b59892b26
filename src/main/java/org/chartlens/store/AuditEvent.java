package org.chartlens.store;

import java.time.Instant;

/**
 * One entry of the append-only audit log. Never holds PHI bodies or tokens: only who, when, what
 * kind of event, and which organization / patient id it concerned.
 *
 * @param seq       position in the log (ascending, gap-free per cache)
 * @param at        when
 * @param who       the OS user name
 * @param event     event kind, e.g. "sign-in", "sign-out", "patient-opened", "export", "print",
 *                  "settings-changed", "sync", "purge"
 * @param org       organization id, or null
 * @param patientId patient id at that organization, or null
 * @param detail    short non-PHI detail (e.g. "tab=vitals"), or null
 */
public record AuditEvent(long seq, Instant at, String who, String event, String org,
                         String patientId, String detail) {
}
