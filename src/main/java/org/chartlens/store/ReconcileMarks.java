package org.chartlens.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.ReconcileMark;

/**
 * Reconciliation marks per reviewer (issue 17 section 3): a reviewer's verdict on one row of a
 * person's reconciliation (same / not the same / not relevant, with an optional note), kept under
 * each record of the person so that it survives a link or an unlink of the others; reading takes
 * the latest mark per row over the person's records. A new mark of the same row replaces the
 * reviewer's earlier one. Each mark is audited ({@link AuditAction#RECONCILE_MARK}, one event per
 * record) in its own transaction; the event names the row by a digest of its key, never by the
 * drug or problem (no PHI in the log). Purging a record forgets its marks.
 *
 * <p>Thread safe; every method does disk I/O, so never call one on the FX thread.
 */
public final class ReconcileMarks {
    private final CacheConnections db;
    private final AuditLog audit;

    ReconcileMarks(CacheConnections db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Records {@code mark} on every one of {@code records}, audited from {@code source}. */
    public ReconcileMark mark(List<PatientRef> records, ReconcileMark mark, String source) {
        if (mark.reviewer() == null || mark.reviewer().isBlank()) {
            throw new IllegalArgumentException("a mark needs a reviewer's name");
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a mark needs a record");
        }
        db.write("record a reconciliation mark", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO reconcile_mark(reviewer, org, patient,"
                    + " row_key, verdict, note, marked_at) VALUES (?,?,?,?,?,?,?)")) {
                for (PatientRef r : records) {
                    ps.setString(1, mark.reviewer());
                    ps.setString(2, r.org());
                    ps.setString(3, r.id());
                    ps.setString(4, mark.rowKey());
                    ps.setString(5, mark.verdict().key());
                    ps.setString(6, mark.note());
                    ps.setLong(7, mark.at().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (PatientRef r : records) {
                audit.append(c, AuditAction.RECONCILE_MARK.key(), r.org(), r.id(), auditDetail(mark), source);
            }
        });
        return mark;
    }

    /** {@code reviewer}'s marks on the rows of a person with these records: row key -> the latest mark. */
    public Map<String, ReconcileMark> marks(String reviewer, List<PatientRef> records) {
        return db.read(c -> {
            Map<String, ReconcileMark> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT row_key, verdict, note, marked_at FROM reconcile_mark"
                    + " WHERE reviewer = ? AND org = ? AND patient = ?")) {
                for (PatientRef r : records) {
                    ps.setString(1, reviewer);
                    ps.setString(2, r.org());
                    ps.setString(3, r.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ReconcileMark m = new ReconcileMark(reviewer, rs.getString(1),
                                    ReconcileMark.Verdict.of(rs.getString(2)), rs.getString(3),
                                    Instant.ofEpochMilli(rs.getLong(4)));
                            out.merge(m.rowKey(), m, (a, b) -> a.at().isAfter(b.at()) ? a : b);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The audit detail of a mark: kind, a digest of the row key, verdict, whether a note was written. */
    public static String auditDetail(ReconcileMark m) {
        String kind = m.rowKey().contains(":") ? m.rowKey().substring(0, m.rowKey().indexOf(':')) : "row";
        return "reconcile " + kind + " row=" + rowDigest(m.rowKey()) + " mark=" + m.verdict().key()
                + (m.note().isEmpty() ? "" : " with note");
    }

    /** Eight hex digits of SHA-256 of the row key: names a row in the audit log without saying what it is. */
    public static String rowDigest(String rowKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(rowKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ inside a transaction

    /** Forgets every mark of one record, or of one organization when {@code patient} is null (purges). */
    static void forget(Connection c, String org, String patient) throws SQLException {
        if (patient == null) {
            CacheConnections.update(c, "DELETE FROM reconcile_mark WHERE org = ?", org);
        } else {
            CacheConnections.update(c, "DELETE FROM reconcile_mark WHERE org = ? AND patient = ?", org, patient);
        }
    }
}
