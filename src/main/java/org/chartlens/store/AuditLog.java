package org.chartlens.store;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log: who (the OS user), when, what kind of event, which organization and
 * patient id, a short non-PHI detail. Appends run inside the caller's write transaction (so a
 * purge and its event commit together) or in one of their own. Thread safe.
 */
final class AuditLog {
    private final CacheConnections db;
    private final String osUser;

    AuditLog(CacheConnections db) {
        this.db = db;
        this.osUser = System.getProperty("user.name", "unknown");
    }

    /** Appends one event in a transaction of its own. */
    void audit(String event, String org, String patientId, String detail) {
        db.write("write the audit log", c -> append(c, event, org, patientId, detail));
    }

    /** Appends one event inside the caller's transaction on {@code c}. */
    void append(Connection c, String event, String org, String patientId, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit(at, who, event, org, patient, detail) VALUES (?,?,?,?,?,?)")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, osUser);
            ps.setString(3, event);
            ps.setString(4, org);
            ps.setString(5, patientId);
            ps.setString(6, detail);
            ps.executeUpdate();
        }
    }

    /** The audit log, oldest first, between two instants (nulls: unbounded). */
    List<AuditEvent> between(Instant from, Instant to) {
        return db.read(c -> {
            List<AuditEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, at, who, event, org, patient, detail FROM audit "
                            + "WHERE at >= ? AND at <= ? ORDER BY seq")) {
                ps.setLong(1, from == null ? Long.MIN_VALUE : from.toEpochMilli());
                ps.setLong(2, to == null ? Long.MAX_VALUE : to.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** Writes the audit log as CSV (seq,at,who,event,org,patient,detail), oldest first. */
    void exportCsv(Writer out) throws IOException {
        out.write("seq,at,who,event,org,patient,detail\n");
        for (AuditEvent e : between(null, null)) {
            out.write(e.seq() + "," + e.at() + "," + csv(e.who()) + "," + csv(e.event()) + ","
                    + csv(e.org()) + "," + csv(e.patientId()) + "," + csv(e.detail()) + "\n");
        }
        out.flush();
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
