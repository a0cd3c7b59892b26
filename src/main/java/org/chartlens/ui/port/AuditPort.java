package org.chartlens.ui.port;

import java.time.Instant;
import java.util.List;
import org.chartlens.store.AuditAction;
import org.chartlens.store.AuditCheck;
import org.chartlens.store.AuditEvent;

/**
 * The audit log as the desktop views use it: view models record what the clinician did (source
 * {@code view:<view>}), the status area checks the chain after unlock, and the Audit view lists
 * the events. Thread safe; every method blocks (call it from the task executor, never on the FX
 * thread).
 */
public interface AuditPort {
    /** Records nothing and finds nothing (modes without a cache). */
    AuditPort NONE = new AuditPort() {
        @Override
        public void record(AuditAction action, String org, String patientId, String detail, String source) {
        }

        @Override
        public List<AuditEvent> events(Instant since, String org, String patientId) {
            return List.of();
        }

        @Override
        public AuditCheck verify() {
            return new AuditCheck(AuditCheck.Status.INTACT, 0, 0, false, "There is no audit log in this mode.");
        }
    };

    /**
     * Records one event: the patient by id only, {@code detail} short and without PHI.
     *
     * @param source the view it came from, e.g. "view:chart"
     */
    void record(AuditAction action, String org, String patientId, String detail, String source);

    /** Events at or after {@code since} (about one patient, at one organization); nulls do not filter. Oldest first. */
    List<AuditEvent> events(Instant since, String org, String patientId);

    /** Checks the whole chain and the head kept outside the cache. */
    AuditCheck verify();
}
