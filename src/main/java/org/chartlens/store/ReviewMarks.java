package org.chartlens.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.ReviewMark;
import org.chartlens.domain.ReviewedResource;

/**
 * "Mark reviewed" per reviewer and record (issue 17, decision 0800): when, and what was known then
 * (per resource its two hashes, {@link ReviewedResource}); the reviewed JSON is kept once per
 * content hash (gzip) so that a resource changed since can be shown as before/after. Only each
 * reviewer's latest mark of a record keeps its resources; earlier marks stay as dates. A mark is
 * audited ({@link AuditAction#REVIEW_MARK}) in its own transaction. Purging a record forgets its
 * marks.
 *
 * <p>Thread safe; every method does disk I/O, so never call one on the FX thread.
 */
public final class ReviewMarks {
    private final CacheConnections db;
    private final AuditLog audit;

    ReviewMarks(CacheConnections db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * Records that {@code reviewer} reviewed {@code record} at {@code at}, knowing {@code resources};
     * {@code jsonByContentHash} holds the JSON of each (content hash -> JSON as cached) and is kept
     * for the before/after. Audited from {@code source}.
     */
    public ReviewMark mark(String reviewer, PatientRef record, Instant at, List<ReviewedResource> resources,
                           Map<String, String> jsonByContentHash, String source) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review needs a reviewer's name");
        }
        db.write("record a review", c -> {
            // the reviewer's earlier marks of this record keep their date only
            CacheConnections.update(c, "DELETE FROM review_item WHERE mark IN (SELECT seq FROM review_mark"
                    + " WHERE reviewer = ? AND org = ? AND patient = ?)", reviewer, record.org(), record.id());
            long seq;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_mark(reviewer, org, patient, reviewed_at)"
                    + " VALUES (?,?,?,?)")) {
                ps.setString(1, reviewer);
                ps.setString(2, record.org());
                ps.setString(3, record.id());
                ps.setLong(4, at.toEpochMilli());
                ps.executeUpdate();
            }
            try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement item = c.prepareStatement("INSERT OR REPLACE INTO review_item(mark, org, type, id,"
                    + " raw_hash, content_hash) VALUES (?,?,?,?,?,?)");
                 PreparedStatement content = c.prepareStatement(
                         "INSERT OR IGNORE INTO review_content(hash, json) VALUES (?,?)")) {
                for (ReviewedResource r : resources) {
                    item.setLong(1, seq);
                    item.setString(2, r.org());
                    item.setString(3, r.type());
                    item.setString(4, r.id());
                    item.setString(5, r.rawHash());
                    item.setString(6, r.contentHash());
                    item.addBatch();
                    String json = jsonByContentHash.get(r.contentHash());
                    if (json != null) {
                        content.setString(1, r.contentHash());
                        content.setBytes(2, gzip(json));
                        content.addBatch();
                    }
                }
                item.executeBatch();
                content.executeBatch();
            }
            dropUnreferencedContent(c);
            audit.append(c, AuditAction.REVIEW_MARK.key(), record.org(), record.id(),
                    resources.size() + " resources known", source);
        });
        return new ReviewMark(reviewer, record, at, resources);
    }

    /** {@code reviewer}'s latest mark of {@code record}, with what was known then; empty when none. */
    public Optional<ReviewMark> last(String reviewer, PatientRef record) {
        return db.read(c -> {
            long seq;
            Instant at;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, reviewed_at FROM review_mark"
                    + " WHERE reviewer = ? AND org = ? AND patient = ? ORDER BY reviewed_at DESC, seq DESC LIMIT 1")) {
                ps.setString(1, reviewer);
                ps.setString(2, record.org());
                ps.setString(3, record.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ReviewMark>empty();
                    }
                    seq = rs.getLong(1);
                    at = Instant.ofEpochMilli(rs.getLong(2));
                }
            }
            List<ReviewedResource> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT org, type, id, raw_hash, content_hash FROM review_item WHERE mark = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ReviewedResource(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return Optional.of(new ReviewMark(reviewer, record, at, items));
        });
    }

    /** When {@code reviewer} last reviewed each record they reviewed (the worklist's "new since"). */
    public Map<PatientRef, Instant> lastReviewed(String reviewer) {
        return db.read(c -> {
            Map<PatientRef, Instant> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT org, patient, max(reviewed_at) FROM review_mark"
                    + " WHERE reviewer = ? GROUP BY org, patient")) {
                ps.setString(1, reviewer);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(new PatientRef(rs.getString(1), rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)));
                    }
                }
            }
            return out;
        });
    }

    /** The JSON a reviewer saw of a resource, by its content hash; empty when not kept. */
    public Optional<String> reviewedJson(String contentHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM review_content WHERE hash = ?")) {
                ps.setString(1, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(gunzip(rs.getBytes(1))) : Optional.<String>empty();
                }
            }
        });
    }

    // ------------------------------------------------------------------ inside a transaction

    /** Forgets every mark of one record, or of one organization when {@code patient} is null (purges). */
    static void forget(Connection c, String org, String patient) throws SQLException {
        String where = patient == null ? "org = ?" : "org = ? AND patient = ?";
        Object[] args = patient == null ? new Object[] {org} : new Object[] {org, patient};
        CacheConnections.update(c, "DELETE FROM review_item WHERE mark IN (SELECT seq FROM review_mark WHERE "
                + where + ")", args);
        CacheConnections.update(c, "DELETE FROM review_mark WHERE " + where, args);
        dropUnreferencedContent(c);
    }

    private static void dropUnreferencedContent(Connection c) throws SQLException {
        CacheConnections.update(c, "DELETE FROM review_content WHERE NOT EXISTS"
                + " (SELECT 1 FROM review_item i WHERE i.content_hash = review_content.hash)");
    }

    static byte[] gzip(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() / 4 + 16);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] b) {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
