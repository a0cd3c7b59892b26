package org.chartlens.store;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: who (the OS user, and the reviewer's name when the app has one), when, what kind
 * of event, which organization and patient id, a short non-PHI detail, and from which command or
 * view. Each event is hash-chained to the one before ({@link AuditChain}); after every commit
 * that appended events, the new head goes to the {@link AuditHeadStore} outside the cache.
 * Appends run inside the caller's write transaction (so a purge and its event commit together)
 * or in one of their own.
 *
 * <p>The head kept outside is advanced only while the log still holds the head found there at
 * open: a log found truncated or rewritten stays reported until someone looks. Thread safe:
 * appends and {@link #committed()} / {@link #rolledBack()} run under the cache's write lock.
 */
final class AuditLog implements CacheConnections.TransactionListener {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final CacheConnections db;
    private final String osUser;
    private volatile AuditHeadStore heads = AuditHeadStore.NONE;
    private volatile boolean headTrusted = true;
    private volatile String reviewer;
    private volatile String source;
    /** The head this transaction's appends made; guarded by the write lock. */
    private AuditHead pending;

    AuditLog(CacheConnections db) {
        this.db = db;
        this.osUser = System.getProperty("user.name", "unknown");
    }

    /**
     * Connects the log to the head kept outside, at open. No head yet: the current one is
     * recorded (first use, or a cache from before the chain). A head but a new, empty cache file:
     * an "audit-restarted" event records what the previous log had.
     */
    void attach(AuditHeadStore store, boolean newFile) {
        this.heads = store;
        Optional<AuditHead> kept = readHead();
        if (kept.isEmpty()) {
            writeHead(db.read(AuditChain::last));
            return;
        }
        AuditHead head = kept.get();
        if (newFile && head.seq() > 0 && db.read(AuditChain::count) == 0) {
            audit("audit-restarted", null, null, "new cache file; the previous audit log had "
                    + head.seq() + " events, last hash " + head.hash().substring(0, 16), null);
            return;
        }
        headTrusted = db.read(c -> AuditChain.holds(c, head));
        if (!headTrusted) {
            LOG.warn("The audit log does not hold the head recorded outside the cache; "
                    + "the recorded head is kept as evidence ('chartlens audit verify')");
        }
    }

    void reviewer(String displayName) {
        this.reviewer = displayName;
    }

    void source(String commandOrView) {
        this.source = commandOrView;
    }

    /** Appends one event in a transaction of its own ({@code from}: null for the default source). */
    void audit(String event, String org, String patientId, String detail, String from) {
        db.write("write the audit log", c -> append(c, event, org, patientId, detail, from));
    }

    /** Appends one event inside the caller's transaction on {@code c}, from the default source. */
    void append(Connection c, String event, String org, String patientId, String detail) throws SQLException {
        append(c, event, org, patientId, detail, null);
    }

    void append(Connection c, String event, String org, String patientId, String detail, String from)
            throws SQLException {
        long at = System.currentTimeMillis();
        String src = from != null ? from : source;
        String rev = reviewer;
        long seq;
        // the insert comes first: it takes SQLite's write lock, so the previous hash read next
        // is the latest one even when another process writes to the same cache
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit(at, who, event, org, patient,"
                + " detail, reviewer, source) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, at);
            ps.setString(2, osUser);
            ps.setString(3, event);
            ps.setString(4, org);
            ps.setString(5, patientId);
            ps.setString(6, detail);
            ps.setString(7, rev);
            ps.setString(8, src);
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            seq = rs.getLong(1);
        }
        String hash = AuditChain.hash(AuditChain.hashBefore(c, seq), seq, at, osUser, rev, event, org,
                patientId, detail, src);
        CacheConnections.update(c, "UPDATE audit SET hash = ? WHERE seq = ?", hash, seq);
        pending = new AuditHead(seq, hash);
        if (org != null && patientId != null && AuditAction.opensChart(event)) {
            Retention.opened(c, org, patientId, at);
        }
    }

    @Override
    public void committed() {
        AuditHead head = pending;
        pending = null;
        if (head != null && headTrusted) {
            writeHead(head);
        }
    }

    @Override
    public void rolledBack() {
        pending = null;
    }

    private Optional<AuditHead> readHead() {
        try {
            return heads.read();
        } catch (RuntimeException e) {
            LOG.warn("The audit head kept outside the cache cannot be read ({})", e.getClass().getSimpleName());
            headTrusted = false;
            return Optional.empty();
        }
    }

    private void writeHead(AuditHead head) {
        try {
            heads.write(head);
        } catch (RuntimeException e) {
            LOG.warn("The audit head cannot be kept outside the cache ({})", e.getClass().getSimpleName());
        }
    }

    /** Checks the whole chain and the head kept outside. */
    AuditCheck verify() {
        Optional<AuditHead> kept = readHead();
        return db.read(c -> AuditChain.verify(c, kept));
    }

    /** The audit log, oldest first, between two instants (nulls: unbounded). */
    List<AuditEvent> between(Instant from, Instant to) {
        return select("WHERE at >= ? AND at <= ?",
                from == null ? Long.MIN_VALUE : from.toEpochMilli(), to == null ? Long.MAX_VALUE : to.toEpochMilli());
    }

    /**
     * Events at or after {@code since} concerning one patient (organization optional), oldest
     * first; null arguments do not filter.
     */
    List<AuditEvent> query(Instant since, String org, String patientId) {
        return select("WHERE at >= ? AND (? IS NULL OR org = ?) AND (? IS NULL OR patient = ?)",
                since == null ? Long.MIN_VALUE : since.toEpochMilli(), org, org, patientId, patientId);
    }

    private List<AuditEvent> select(String where, Object... args) {
        return db.read(c -> {
            List<AuditEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + AuditChain.COLUMNS + " FROM audit " + where + " ORDER BY seq")) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] instanceof Long l) {
                        ps.setLong(i + 1, l);
                    } else {
                        ps.setString(i + 1, (String) args[i]);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getString(3), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(4), rs.getString(9), rs.getString(10)));
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
