package org.chartlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One write transaction on the cache: resources, cursors and per-patient sync marks committed
 * together, so a cursor never runs ahead of the data it describes. Not thread safe: one thread
 * uses a batch from {@link ChartCache#begin()} to {@link #close()}. Holds the cache's write lock
 * while open, so keep batches short (a page or a few thousand resources).
 */
public final class CacheBatch implements AutoCloseable {
    private final CacheConnections db;
    private final AuditLog auditLog;
    private final Connection c;
    private final PreparedStatement put;
    private final long storedAt = System.currentTimeMillis();
    private int pending;
    private boolean done;

    CacheBatch(CacheConnections db, AuditLog auditLog, Connection c) throws SQLException {
        this.db = db;
        this.auditLog = auditLog;
        this.c = c;
        this.put = c.prepareStatement(
                "INSERT INTO resource(org, type, id, patient, effective, status, code, last_updated,"
                        + " stored_at, json, labelled) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                        + " ON CONFLICT(type, org, id) DO UPDATE SET patient = coalesce(excluded.patient, patient),"
                        + " effective = excluded.effective, status = excluded.status, code = excluded.code,"
                        + " last_updated = excluded.last_updated, stored_at = excluded.stored_at,"
                        + " json = excluded.json, labelled = excluded.labelled");
    }

    /**
     * Inserts or replaces one resource (identity: org, type, id). A resource already cached
     * under a patient keeps that patient when it arrives again without one.
     *
     * @param lastUpdated its {@code meta.lastUpdated} as given, or null
     */
    public void put(StoredResource r, String lastUpdated) {
        try {
            put.setString(1, r.org());
            put.setString(2, r.type());
            put.setString(3, r.id());
            put.setString(4, r.patientId());
            put.setString(5, r.effective());
            put.setString(6, r.status());
            put.setString(7, r.code());
            put.setString(8, lastUpdated);
            put.setLong(9, storedAt);
            put.setString(10, r.json());
            put.setInt(11, labelled(r.json()) ? 1 : 0);
            put.addBatch();
            if (++pending >= 256) {
                put.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            throw db.failure("store a resource", e);
        }
    }

    /** True when the JSON may carry security labels ({@code meta.security}; issue 18): one substring test. */
    static boolean labelled(String json) {
        return json != null && json.contains("\"security\"");
    }

    /**
     * A resource the server no longer has: its row leaves the cache and the removal is recorded
     * (shown with the chart until the resource arrives again or the patient is purged).
     */
    public void remove(String org, String type, String id, String patientId, Instant at) {
        try {
            if (pending > 0) {
                put.executeBatch();
                pending = 0;
            }
            CacheConnections.update(c, "DELETE FROM resource WHERE type=? AND org=? AND id=?", type, org, id);
            CacheConnections.update(c, "INSERT OR REPLACE INTO removed(org, type, id, patient, removed_at) VALUES (?,?,?,?,?)",
                    org, type, id, patientId, at.toEpochMilli());
        } catch (SQLException e) {
            throw db.failure("record a removed resource", e);
        }
    }

    /** Sets the {@code _lastUpdated} cursor of org x patient x type ("" or null: organization-wide). */
    public void setCursor(String org, String patientId, String type, String lastUpdated) {
        try {
            SyncState.setCursor(c, org, patientId, type, lastUpdated);
        } catch (SQLException e) {
            throw db.failure("store a sync cursor", e);
        }
    }

    /** Marks one patient's sync at one organization complete at {@code at}. */
    public void markPatientSynced(String org, String patientId, Instant at) {
        try {
            SyncState.markPatientSynced(c, org, patientId, at);
        } catch (SQLException e) {
            throw db.failure("store the sync time", e);
        }
    }

    /** Records a complete pull of org x type inside this transaction. */
    public void recordSuccess(String org, String type, Instant at) {
        try {
            SyncState.freshness(c, org, type, "ok", at, null, null, true);
        } catch (SQLException e) {
            throw db.failure("record freshness", e);
        }
    }

    /** Records a failed pull of org x type inside this transaction (keeps the last success). */
    public void recordFailure(String org, String type, String reason, Instant at) {
        try {
            SyncState.freshness(c, org, type, "failed", null, reason, at, false);
        } catch (SQLException e) {
            throw db.failure("record freshness", e);
        }
    }

    /** Records org x type as "unsupported" or "not-granted" inside this transaction. */
    public void recordUnavailable(String org, String type, String state, String reason, Instant at) {
        SyncState.checkUnavailable(state);
        try {
            SyncState.freshness(c, org, type, state, null, reason, at, false);
        } catch (SQLException e) {
            throw db.failure("record freshness", e);
        }
    }

    /** Appends an audit event inside this transaction. */
    public void audit(String event, String org, String patientId, String detail) {
        try {
            auditLog.append(c, event, org, patientId, detail);
        } catch (SQLException e) {
            throw db.failure("write the audit log", e);
        }
    }

    /** Makes everything in this batch durable at once. */
    public void commit() {
        try {
            if (pending > 0) {
                put.executeBatch();
                pending = 0;
            }
            c.commit();
            done = true;
            db.batchCommitted();
        } catch (SQLException e) {
            throw db.failure("commit to the local cache", e);
        }
    }

    /** Rolls back anything not committed and releases the write lock. */
    @Override
    public void close() {
        try {
            if (!done) {
                try {
                    c.rollback();
                } finally {
                    db.batchRolledBack();
                }
            }
            put.close();
        } catch (SQLException e) {
            throw db.failure("roll back a cache write", e);
        } finally {
            db.endBatch();
        }
    }
}
