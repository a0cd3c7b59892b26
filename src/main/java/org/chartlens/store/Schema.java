package org.chartlens.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
            ),
            List.of(
                // v2: the hash-chained audit log (reviewer, source, hash); an event's hash is set
                // once, right after its insert, and then never changes. Events written before the
                // chain are chained by CHAIN_EXISTING_EVENTS in the same transaction.
                "ALTER TABLE audit ADD COLUMN reviewer TEXT",
                "ALTER TABLE audit ADD COLUMN source TEXT",
                "ALTER TABLE audit ADD COLUMN hash TEXT",
                "DROP TRIGGER audit_no_update",
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN OLD.hash IS NOT NULL"
                        + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
                "CREATE INDEX audit_patient ON audit(patient, org)"
            ),
            List.of(
                // v3: persons (issue 14, decision 0602): records a user linked as one person (only
                // persons of more than one record have rows), pairs said not to be the same person,
                // and what two linked records disagree on. The records themselves are untouched.
                "CREATE TABLE person_link (org TEXT NOT NULL, patient TEXT NOT NULL, person TEXT NOT NULL,"
                        + " linked_at INTEGER NOT NULL, PRIMARY KEY(org, patient))",
                "CREATE INDEX person_link_person ON person_link(person)",
                "CREATE TABLE person_reject (org_a TEXT NOT NULL, patient_a TEXT NOT NULL, org_b TEXT NOT NULL,"
                        + " patient_b TEXT NOT NULL, rejected_at INTEGER NOT NULL,"
                        + " PRIMARY KEY(org_a, patient_a, org_b, patient_b))",
                "CREATE TABLE person_warning (org_a TEXT NOT NULL, patient_a TEXT NOT NULL, org_b TEXT NOT NULL,"
                        + " patient_b TEXT NOT NULL, text TEXT NOT NULL,"
                        + " PRIMARY KEY(org_a, patient_a, org_b, patient_b, text))"
            ),
            List.of(
                // v4 (issue 15): resources the server no longer has (found by id-only
                // reconciliation); their rows leave `resource`, the fact stays here to be shown
                "CREATE TABLE removed (org TEXT NOT NULL, type TEXT NOT NULL, id TEXT NOT NULL, patient TEXT,"
                        + " removed_at INTEGER NOT NULL, PRIMARY KEY(org, type, id))",
                "CREATE INDEX removed_chart ON removed(org, patient)"
            ),
            List.of(
                // v5 (issue 17, decision 0800): "Mark reviewed" per reviewer and record: when, and
                // what was known then (per resource two hashes); the reviewed JSON kept once per
                // content hash (gzip) for the before/after of what changed later
                "CREATE TABLE review_mark (seq INTEGER PRIMARY KEY AUTOINCREMENT, reviewer TEXT NOT NULL,"
                        + " org TEXT NOT NULL, patient TEXT NOT NULL, reviewed_at INTEGER NOT NULL)",
                "CREATE INDEX review_mark_record ON review_mark(reviewer, org, patient, reviewed_at)",
                "CREATE TABLE review_item (mark INTEGER NOT NULL, org TEXT NOT NULL, type TEXT NOT NULL,"
                        + " id TEXT NOT NULL, raw_hash TEXT NOT NULL, content_hash TEXT NOT NULL,"
                        + " PRIMARY KEY(mark, type, id))",
                "CREATE INDEX review_item_content ON review_item(content_hash)",
                "CREATE TABLE review_content (hash TEXT PRIMARY KEY, json BLOB NOT NULL)"
            ),
            List.of(
                // v6 (issue 18, decision 0701): which resources carry security labels, set when a
                // resource is written (a substring test), so the worklist learns which records have
                // restricted ones from a small partial index instead of reading every resource
                "ALTER TABLE resource ADD COLUMN labelled INTEGER NOT NULL DEFAULT 0",
                "UPDATE resource SET labelled = 1 WHERE instr(json, '\"security\"') > 0",
                "CREATE INDEX resource_labelled ON resource(org, patient) WHERE labelled = 1"
            ),
            List.of(
                // v7 (issue 17 section 3): reconciliation marks per reviewer, record and row (the
                // row's concept key); a newer mark of the same row replaces the older
                "CREATE TABLE IF NOT EXISTS reconcile_mark (reviewer TEXT NOT NULL, org TEXT NOT NULL,"
                        + " patient TEXT NOT NULL, row_key TEXT NOT NULL, verdict TEXT NOT NULL, note TEXT NOT NULL,"
                        + " marked_at INTEGER NOT NULL, PRIMARY KEY(reviewer, org, patient, row_key))",
                "CREATE INDEX IF NOT EXISTS reconcile_mark_record ON reconcile_mark(org, patient)"
            ),
            List.of(
                // v8 (issue 17, the clinic day): the referral list (one row per person, kept on its
                // first record: due day as ISO date, the user's reason) and when each record's chart
                // was last opened (kept by the audit log's chart-opening events) or first seen by
                // retention (never opened), for "not opened for N days"
                "CREATE TABLE referral (org TEXT NOT NULL, patient TEXT NOT NULL, due TEXT NOT NULL,"
                        + " reason TEXT NOT NULL, added_at INTEGER NOT NULL, changed_at INTEGER NOT NULL,"
                        + " PRIMARY KEY(org, patient))",
                "CREATE TABLE chart_use (org TEXT NOT NULL, patient TEXT NOT NULL, opened_at INTEGER,"
                        + " seen_at INTEGER NOT NULL, PRIMARY KEY(org, patient))"
            ));

    /** Schema version after which the events already in the log are hash-chained. */
    private static final int CHAIN_EXISTING_EVENTS = 2;

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Runs the migrations this file lacks; returns the version it had (0: a new file). */
    static int migrate(Connection c) throws SQLException {
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
                if (v + 1 == CHAIN_EXISTING_EVENTS) {
                    AuditChain.chainUnhashed(c);
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
        return current;
    }
}
