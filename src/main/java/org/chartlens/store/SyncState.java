package org.chartlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sync state: {@code _lastUpdated} cursors per organization x patient x search, when each
 * patient's sync last completed, and freshness per organization x resource type. The static
 * writers run inside a caller's transaction (a {@link CacheBatch}, so a cursor commits with the
 * data it describes); the instance methods read, or write in a transaction of their own.
 * Thread safe.
 */
final class SyncState {
    private final CacheConnections db;

    SyncState(CacheConnections db) {
        this.db = db;
    }

    Optional<String> cursor(String org, String patientId, String type) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_updated FROM cursor WHERE org = ? AND patient = ? AND type = ?")) {
                ps.setString(1, org);
                ps.setString(2, patientId == null ? "" : patientId);
                ps.setString(3, type);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    List<String> patientsWithCursor(String org, String type) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT patient FROM cursor WHERE org = ? AND type = ? AND patient <> '' ORDER BY patient")) {
                ps.setString(1, org);
                ps.setString(2, type);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    Optional<Instant> lastSynced(String org, String patientId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_synced FROM patient_sync WHERE org = ? AND patient = ?")) {
                ps.setString(1, org);
                ps.setString(2, patientId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1)))
                            : Optional.<Instant>empty();
                }
            }
        });
    }

    List<Freshness> freshness(String org) {
        return db.read(c -> {
            List<Freshness> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT org, type, last_success, last_error, last_error_at, state "
                            + "FROM freshness WHERE org = ? ORDER BY type")) {
                ps.setString(1, org);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Freshness(rs.getString(1), rs.getString(2),
                                CacheConnections.instant(rs, 3), rs.getString(4),
                                CacheConnections.instant(rs, 5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    void recordSuccess(String org, String type, Instant at) {
        db.write("record freshness", c -> freshness(c, org, type, "ok", at, null, null, true));
    }

    void recordFailure(String org, String type, String reason, Instant at) {
        db.write("record freshness", c -> freshness(c, org, type, "failed", null, reason, at, false));
    }

    void recordUnavailable(String org, String type, String state, String reason, Instant at) {
        checkUnavailable(state);
        db.write("record freshness", c -> freshness(c, org, type, state, null, reason, at, false));
    }

    static void checkUnavailable(String state) {
        if (!"unsupported".equals(state) && !"not-granted".equals(state)) {
            throw new IllegalArgumentException("state must be unsupported or not-granted");
        }
    }

    // ------------------------------------------------------------------ inside a transaction

    static void setCursor(Connection c, String org, String patientId, String type, String lastUpdated)
            throws SQLException {
        CacheConnections.update(c, "INSERT INTO cursor(org, patient, type, last_updated, updated_at)"
                        + " VALUES (?,?,?,?,?) ON CONFLICT(org, patient, type) DO UPDATE SET"
                        + " last_updated = excluded.last_updated, updated_at = excluded.updated_at",
                org, patientId == null ? "" : patientId, type, lastUpdated, System.currentTimeMillis());
    }

    static void markPatientSynced(Connection c, String org, String patientId, Instant at) throws SQLException {
        CacheConnections.update(c, "INSERT INTO patient_sync(org, patient, last_synced) VALUES (?,?,?)"
                        + " ON CONFLICT(org, patient) DO UPDATE SET last_synced = excluded.last_synced",
                org, patientId, at.toEpochMilli());
    }

    static void freshness(Connection c, String org, String type, String state, Instant success,
                          String error, Instant errorAt, boolean clearError) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO freshness(org, type, last_success, last_error, last_error_at, state)"
                        + " VALUES (?,?,?,?,?,?) ON CONFLICT(org, type) DO UPDATE SET"
                        + " state = excluded.state,"
                        + " last_success = coalesce(excluded.last_success, last_success),"
                        + " last_error = CASE WHEN ? THEN NULL ELSE coalesce(excluded.last_error, last_error) END,"
                        + " last_error_at = CASE WHEN ? THEN NULL ELSE coalesce(excluded.last_error_at, last_error_at) END")) {
            ps.setString(1, org);
            ps.setString(2, type);
            setInstant(ps, 3, success);
            ps.setString(4, error);
            setInstant(ps, 5, errorAt);
            ps.setString(6, state);
            ps.setBoolean(7, clearError);
            ps.setBoolean(8, clearError);
            ps.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }
}
