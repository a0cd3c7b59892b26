package org.chartlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The cache schema as an ordered list of migrations; {@code PRAGMA user_version} records how many
 * ran. A migration runs in the same transaction as the version bump, so a kill mid-migration
 * leaves the previous version intact. Append new migrations; never edit a shipped one.
 */
final class Schema {
    private Schema() {
    }

    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                // v1: resources (raw JSON + indexed columns), sync state, freshness, audit log
                "CREATE TABLE resource (org TEXT NOT NULL, type TEXT NOT NULL, id TEXT NOT NULL,"
                        + " patient TEXT, effective TEXT, status TEXT, code TEXT, last_updated TEXT,"
                        + " stored_at INTEGER NOT NULL, json TEXT NOT NULL)",
                "CREATE UNIQUE INDEX resource_identity ON resource(type, org, id)",
                "CREATE INDEX resource_chart ON resource(org, patient, type, effective)",
                "CREATE TABLE cursor (org TEXT NOT NULL, patient TEXT NOT NULL, type TEXT NOT NULL,"
                        + " last_updated TEXT, updated_at INTEGER NOT NULL, PRIMARY KEY(org, patient, type))",
                "CREATE TABLE patient_sync (org TEXT NOT NULL, patient TEXT NOT NULL,"
                        + " last_synced INTEGER NOT NULL, PRIMARY KEY(org, patient))",
                "CREATE TABLE freshness (org TEXT NOT NULL, type TEXT NOT NULL, last_success INTEGER,"
                        + " last_error TEXT, last_error_at INTEGER, state TEXT NOT NULL,"
                        + " PRIMARY KEY(org, type))",
                "CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
                        + " who TEXT NOT NULL, event TEXT NOT NULL, org TEXT, patient TEXT, detail TEXT)",
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                        + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
                "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
                        + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            ));

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static void migrate(Connection c) throws SQLException {
        int current = version(c);
        if (current > MIGRATIONS.size()) {
            throw new CacheOpenException(CacheOpenException.Reason.NEWER_VERSION,
                    "The local cache was written by a newer ChartLens (schema " + current
                            + "); update ChartLens or rebuild the cache from the servers.", null);
        }
        for (int v = current; v < MIGRATIONS.size(); v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
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

    static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, java.sql.Types.INTEGER);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }
}
