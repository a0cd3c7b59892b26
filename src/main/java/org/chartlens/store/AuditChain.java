package org.chartlens.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The audit log's hash chain. Each event's hash is SHA-256 over the previous event's hash (64 hex
 * digits; {@link AuditHead#GENESIS_HASH} before the first event) and the event's canonical
 * fields: seq, at (epoch milliseconds), who, reviewer, event, org, patient, detail, source, in
 * that order. The canonical bytes are the previous hash, a line feed, then per field either
 * {@code -} (null) or {@code <UTF-8 byte length>:<UTF-8 bytes>}, each followed by a line feed,
 * so no two different events encode alike. Stateless.
 */
final class AuditChain {
    static final String COLUMNS = "seq, at, who, reviewer, event, org, patient, detail, source, hash";

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    });

    private AuditChain() {
    }

    static String hash(String previous, long seq, long atMillis, String who, String reviewer,
                       String event, String org, String patient, String detail, String source) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
        for (String field : new String[] {Long.toString(seq), Long.toString(atMillis), who, reviewer,
                event, org, patient, detail, source}) {
            if (field == null) {
                sha.update((byte) '-');
            } else {
                byte[] b = field.getBytes(StandardCharsets.UTF_8);
                sha.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(b);
            }
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The hash an event read with {@link #COLUMNS} should carry after {@code previous}. */
    private static String expected(String previous, ResultSet rs) throws SQLException {
        return hash(previous, rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /**
     * Chains the events that have no hash yet, in sequence order (the migration of a cache
     * written before the chain; run once, in the migration's transaction).
     */
    static int chainUnhashed(Connection c) throws SQLException {
        int chained = 0;
        String previous = AuditHead.GENESIS_HASH;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit ORDER BY seq");
             PreparedStatement set = c.prepareStatement("UPDATE audit SET hash = ? WHERE seq = ?");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String h = rs.getString(10);
                if (h == null) {
                    h = expected(previous, rs);
                    set.setString(1, h);
                    set.setLong(2, rs.getLong(1));
                    set.executeUpdate();
                    chained++;
                }
                previous = h;
            }
        }
        return chained;
    }

    /** The last event's seq and hash, {@link AuditHead#EMPTY} for an empty log. */
    static AuditHead last(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new AuditHead(rs.getLong(1), String.valueOf(rs.getString(2))) : AuditHead.EMPTY;
        }
    }

    /** The hash of the event before {@code seq}, {@link AuditHead#GENESIS_HASH} when none. */
    static String hashBefore(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT hash FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT 1")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? String.valueOf(rs.getString(1)) : AuditHead.GENESIS_HASH;
            }
        }
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** True when the log holds {@code head} (its event at its seq with its hash, or it is empty). */
    static boolean holds(Connection c, AuditHead head) throws SQLException {
        if (head.seq() == 0) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit WHERE seq = ?")) {
            ps.setLong(1, head.seq());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && head.hash().equals(rs.getString(1));
            }
        }
    }

    /**
     * Checks every event against the previous one, then the log against the head kept outside
     * (events appended after that head was written are accepted: appending hides nothing).
     */
    static AuditCheck verify(Connection c, Optional<AuditHead> kept) throws SQLException {
        boolean headKept = kept.isPresent();
        String previous = AuditHead.GENESIS_HASH;
        long expectedSeq = 1;
        long events = count(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String stored = rs.getString(10);
                if (seq != expectedSeq) {
                    return new AuditCheck(AuditCheck.Status.EVENTS_MISSING, events, expectedSeq, headKept,
                            "Audit event " + expectedSeq + (seq - expectedSeq > 1 ? " (and the ones up to "
                                    + (seq - 1) + ")" : "") + " is missing: "
                                    + (expectedSeq == 1 ? "the log starts at event " + seq + "."
                                    : "event " + seq + " follows event " + (expectedSeq - 1) + "."));
                }
                if (stored == null || !stored.equals(expected(previous, rs))) {
                    return new AuditCheck(AuditCheck.Status.EVENT_CHANGED, events, seq, headKept,
                            "Audit event " + seq + (stored == null ? " has no hash." : " was changed: its hash "
                                    + "does not match its fields and the event before it."));
                }
                previous = stored;
                expectedSeq = seq + 1;
            }
        }
        long last = expectedSeq - 1;
        if (headKept) {
            AuditHead head = kept.get();
            if (head.seq() > last) {
                return new AuditCheck(AuditCheck.Status.TRUNCATED, events, last + 1, true,
                        "Events were removed at the end of the audit log: it ends at event " + last
                                + ", but event " + head.seq() + " was recorded outside the cache.");
            }
            if (!holds(c, head)) {
                return new AuditCheck(AuditCheck.Status.REWRITTEN, events, head.seq(), true,
                        "The audit log was rewritten: event " + head.seq()
                                + " is not the one recorded outside the cache.");
            }
        }
        return new AuditCheck(AuditCheck.Status.INTACT, events, 0, headKept,
                "The audit log is intact: " + events + " events, each chained to the one before"
                        + (headKept ? ", ending where the head kept outside the cache says." : " (no head is kept outside the cache)."));
    }
}
