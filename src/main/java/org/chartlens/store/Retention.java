package org.chartlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chartlens.domain.PatientRef;

/**
 * Keeping the cache in shape: retention (purging a patient, an organization, the charts not opened
 * for a number of days and on no referral list, each audited in the same transaction) and
 * integrity checks. Thread safe.
 */
public final class Retention {
    private final CacheConnections db;
    private final AuditLog audit;

    Retention(CacheConnections db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    int purgePatient(String org, String patientId) {
        int[] n = {0};
        db.write("purge a patient", c -> {
            n[0] = purgeRecord(c, org, patientId);
            audit.append(c, AuditAction.PURGE_PATIENT.key(), org, patientId, n[0] + " resources");
        });
        return n[0];
    }

    /** Everything cached about one record, inside the caller's transaction; returns resources removed. */
    private static int purgeRecord(Connection c, String org, String patientId) throws SQLException {
        int n = CacheConnections.update(c, "DELETE FROM resource WHERE org=? AND patient=?", org, patientId);
        CacheConnections.update(c, "DELETE FROM cursor WHERE org=? AND patient=?", org, patientId);
        CacheConnections.update(c, "DELETE FROM patient_sync WHERE org=? AND patient=?", org, patientId);
        PersonLinks.detach(c, new PatientRef(org, patientId));
        CacheConnections.update(c, "DELETE FROM removed WHERE org=? AND patient=?", org, patientId);
        CacheConnections.update(c, "DELETE FROM chart_use WHERE org=? AND patient=?", org, patientId);
        ReviewMarks.forget(c, org, patientId);
        ReconcileMarks.forget(c, org, patientId);
        Referrals.forget(c, org, patientId);
        return n;
    }

    int purgeOrganization(String org) {
        int[] n = {0};
        db.write("purge an organization", c -> {
            n[0] = CacheConnections.update(c, "DELETE FROM resource WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM cursor WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM patient_sync WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM removed WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM freshness WHERE org=?", org);
            CacheConnections.update(c, "DELETE FROM chart_use WHERE org=?", org);
            PersonLinks.detachOrganization(c, org);
            ReviewMarks.forget(c, org, null);
            ReconcileMarks.forget(c, org, null);
            Referrals.forget(c, org, null);
            audit.append(c, AuditAction.PURGE_ORGANIZATION.key(), org, null, n[0] + " resources");
        });
        return n[0];
    }

    /**
     * Retention (issue 17): purges the charts of persons on no referral list whose every record was
     * last opened (or, never opened, first seen by this purge) more than {@code days} days before
     * {@code now}; a record seen for the first time starts its clock at {@code now}. One transaction:
     * a {@code purge-patient} event per record and one {@code purge-older-than} event when anything
     * went. Returns what went.
     */
    Purged purgeUnopened(int days, Instant now, String source) {
        long cutoff = now.minus(days, ChronoUnit.DAYS).toEpochMilli();
        Purged[] out = {new Purged(List.of(), 0)};
        db.write("purge charts not opened", c -> {
            CacheConnections.update(c, "INSERT OR IGNORE INTO chart_use(org, patient, opened_at, seen_at)"
                    + " SELECT org, id, NULL, ? FROM resource WHERE type = 'Patient'", now.toEpochMilli());
            Map<PatientRef, Long> lastUse = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT u.org, u.patient, COALESCE(u.opened_at, u.seen_at)"
                    + " FROM chart_use u JOIN resource r ON r.type = 'Patient' AND r.org = u.org AND r.id = u.patient");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastUse.put(new PatientRef(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
            Set<PatientRef> listed = Referrals.listedRecords(c);
            List<PatientRef> stale = new ArrayList<>();
            for (PatientRef r : lastUse.keySet()) {
                List<PatientRef> person = PersonLinks.personOf(c, r).records();
                if (person.stream().noneMatch(listed::contains)
                        && person.stream().allMatch(x -> lastUse.getOrDefault(x, Long.MAX_VALUE) < cutoff)) {
                    stale.add(r);
                }
            }
            stale.sort(java.util.Comparator.comparing(PatientRef::qualified));
            int resources = 0;
            for (PatientRef r : stale) {
                int n = purgeRecord(c, r.org(), r.id());
                resources += n;
                audit.append(c, AuditAction.PURGE_PATIENT.key(), r.org(), r.id(), n + " resources, not opened for "
                        + days + " days, not on the referral list", source);
            }
            if (!stale.isEmpty()) {
                audit.append(c, AuditAction.PURGE_OLDER_THAN.key(), null, null, "not opened for " + days + " days: "
                        + stale.size() + " records, " + resources + " resources", source);
            }
            out[0] = new Purged(List.copyOf(stale), resources);
        });
        return out[0];
    }

    /** What retention purged: the records (organization and id) and how many resources. */
    public record Purged(List<PatientRef> records, int resources) {
    }

    /** Keeps when a record's chart was opened (an audited chart-opening event), in the caller's transaction. */
    static void opened(Connection c, String org, String patientId, long at) throws SQLException {
        CacheConnections.update(c, "INSERT INTO chart_use(org, patient, opened_at, seen_at) VALUES (?,?,?,?)"
                + " ON CONFLICT(org, patient) DO UPDATE SET opened_at = excluded.opened_at", org, patientId, at, at);
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
