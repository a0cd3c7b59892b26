package org.chartlens.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeping the cache in shape: retention (purging a patient, an organization, data older than a
 * number of days, each audited in the same transaction) and integrity checks. Thread safe.
 */
final class Retention {
    private final CacheConnections db;
    private final AuditLog audit;

    Retention(CacheConnections db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    int purgePatient(String org, String patientId) {
        int[] n = {0};
        db.write("purge a patient", c -> {
            n[0] = CacheConnections.update(c, "DELETE FROM resource WHERE org=? AND patient=?", org, patientId);
            CacheConnections.update(c, "DELETE FROM cursor WHERE org=? AND patient=?", org, patientId);
            CacheConnections.update(c, "DELETE FROM patient_sync WHERE org=? AND patient=?", org, patientId);
            PersonLinks.detach(c, new org.chartlens.domain.PatientRef(org, patientId));
            CacheConnections.update(c, "DELETE FROM removed WHERE org=? AND patient=?", org, patientId);
            ReviewMarks.forget(c, org, patientId);
            ReconcileMarks.forget(c, org, patientId);
            audit.append(c, AuditAction.PURGE_PATIENT.key(), org, patientId, n[0] + " resources");
        });
        return n[0];
    }

    int purgeOrganization(String org) {
        int[] n = {0};
        db.write("purge an organization", c -> {
            n[0] = CacheConnections.update(c, "DELETE FROM resource WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM cursor WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM patient_sync WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM removed WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM freshness WHERE org=?", org);
            PersonLinks.detachOrganization(c, org);
            ReviewMarks.forget(c, org, null);
            ReconcileMarks.forget(c, org, null);
            audit.append(c, AuditAction.PURGE_ORGANIZATION.key(), org, null, n[0] + " resources");
        });
        return n[0];
    }

    int purgeOlderThan(int days, Instant now) {
        long cutoff = now.minus(days, ChronoUnit.DAYS).toEpochMilli();
        int[] n = {0};
        db.write("purge old data", c -> {
            n[0] = CacheConnections.update(c, "DELETE FROM resource WHERE stored_at < ?", cutoff);
            CacheConnections.update(c, "DELETE FROM cursor WHERE updated_at < ?", cutoff);
            CacheConnections.update(c, "DELETE FROM patient_sync WHERE last_synced < ?", cutoff);
            CacheConnections.update(c, "DELETE FROM removed WHERE removed_at < ?", cutoff);
            audit.append(c, AuditAction.PURGE_OLDER_THAN.key(), null, null, days + " days, " + n[0] + " resources");
        });
        return n[0];
    }

    /**
     * SQLite's {@code PRAGMA integrity_check}, which reads every page in use: "ok", or the first
     * problems found; a page changed on disk fails its authentication tag and throws
     * {@link CacheException#damaged()} (the read's last page too, see {@link CacheConnections#read}).
     */
    String integrityCheck() {
        return db.read(c -> {
            StringBuilder sb = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    sb.append(sb.length() == 0 ? "" : "; ").append(rs.getString(1));
                }
            }
            return sb.toString();
        });
    }

    /** The file's page size in bytes (fixed when the file was created). */
    int pageSize() {
        return db.read(c -> {
            try (Statement s = c.createStatement()) {
                return CacheFile.pageSize(s);
            }
        });
    }
}
