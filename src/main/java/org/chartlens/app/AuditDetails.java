package org.chartlens.app;

import java.util.List;
import org.chartlens.sync.SyncResult;

/**
 * The short, PHI-free details the CLI and the desktop app record with a sync's audit event, so
 * both say the same: how many patients, how many resources, and the outcome.
 */
public final class AuditDetails {
    /** A sync that stopped with an error before it had a result. */
    public static final String FAILED = "outcome=failed";

    private AuditDetails() {
    }

    /** "patients=1 resources=532 outcome=complete" (or incomplete / cancelled, with the failed pulls counted). */
    public static String sync(SyncResult r) {
        int resources = r.storedByType().values().stream().mapToInt(Integer::intValue).sum();
        String outcome = r.cancelled() ? "cancelled" : r.ok() ? "complete" : "incomplete failed=" + r.failed().size();
        return "patients=" + r.patients().size() + " resources=" + resources + " outcome=" + outcome;
    }

    /** The patient a sync was about when it was one, else null (the event then names the organization only). */
    public static String onePatient(List<String> patients) {
        return patients != null && patients.size() == 1 ? patients.get(0) : null;
    }
}
