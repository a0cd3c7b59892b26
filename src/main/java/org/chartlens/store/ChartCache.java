package org.chartlens.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.mc.SQLiteMCWxAES256Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted local cache: one SQLite3MultipleCiphers file (AES-256, page-level, including
 * the WAL) holding raw FHIR JSON plus the indexed columns the views need, the sync
 * state (cursors, freshness, per-patient last sync) and the append-only audit log.
 *
 * <p>Thread safe. Reads go through a small pool of connections and run concurrently with a
 * write (WAL); writes are serialised: one {@link CacheBatch} at a time. Every method does disk
 * I/O and decryption, so never call one on the FX thread. Opening costs a few milliseconds.
 */
public final class ChartCache implements ChartStore {
    private static final Logger LOG = LoggerFactory.getLogger(ChartCache.class);

    static final String COLUMNS = "org, type, id, patient, effective, status, code, json";
    private static final int READERS = 3;

    private final Path file;
    private final SQLiteConfig config;
    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final String osUser;
    private volatile boolean closed;

    private ChartCache(Path file, SQLiteConfig config, Connection writer) {
        this.file = file;
        this.config = config;
        this.url = "jdbc:sqlite:" + file;
        this.writer = writer;
        this.osUser = System.getProperty("user.name", "unknown");
    }

    /**
     * Opens (creating if absent) the cache at {@code file} with a raw 32-byte key.
     *
     * @throws CacheOpenException with {@link CacheOpenException.Reason#WRONG_KEY} when the key is
     *         missing or wrong, {@code CORRUPT} when the file is damaged, {@code NEWER_VERSION}
     *         when a newer ChartLens wrote it
     */
    public static ChartCache open(Path file, byte[] key) {
        if (key == null || key.length != 32) {
            throw new CacheOpenException(CacheOpenException.Reason.WRONG_KEY,
                    "The local cache needs its 32-byte key; none was given.", null);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new CacheOpenException(CacheOpenException.Reason.IO,
                    "The folder of the local cache cannot be created.", e);
        }
        SQLiteConfig config = keyedConfig(key);
        Connection writer = null;
        try {
            writer = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = writer.createStatement()) {
                // The first read is where a wrong key shows: the header page fails to decrypt.
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
                // Takes effect only when the file is created; caches created with 8 KB pages
                // (by 0.1.0) keep them and work unchanged. 32 KB pages hold about ten typical
                // 2-4 KB resources: a bulk write runs a quarter of the page splits, per-page
                // cipher set-ups and WAL frames it did with 8 KB pages, about 17% less CPU per
                // resource written (decision 0310).
                s.execute("PRAGMA page_size=" + PAGE_SIZE);
                // a sync transaction of ~20,000 resources stays in memory until commit
                s.execute("PRAGMA cache_size=-65536");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                // checkpoint every ~64 MB of WAL instead of SQLite's 1,000 pages: a large chart's
                // sync then does not stop for checkpoints (and their fsyncs); close() checkpoints
                // fully. Counted in pages, so derived from the file's own page size.
                s.execute("PRAGMA wal_autocheckpoint=" + (WAL_CHECKPOINT_BYTES / pageSize(s)));
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("PRAGMA foreign_keys=ON");
            }
            ChartCache cache = new ChartCache(file.toAbsolutePath(), config, writer);
            Schema.migrate(writer);
            ownerOnly(file.toAbsolutePath());
            return cache;
        } catch (SQLException e) {
            closeQuietly(writer);
            throw translate(e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    /** Page size of caches created from now on; an existing file keeps the one it has. */
    static final int PAGE_SIZE = 32_768;
    private static final int WAL_CHECKPOINT_BYTES = 64 * 1024 * 1024;

    private static int pageSize(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            return rs.next() && rs.getInt(1) > 0 ? rs.getInt(1) : PAGE_SIZE;
        }
    }

    static SQLiteConfig keyedConfig(byte[] key) {
        // AES-256 (wxSQLite3 scheme): about 1.3x plain SQLite on bulk writes here, where
        // ChaCha20-Poly1305 cost 2.2x (decision 0300)
        SQLiteConfig config = new SQLiteMCWxAES256Config()
                .withHexKey(Arrays.copyOf(key, key.length))
                .build();
        config.setBusyTimeout(10_000);
        return config;
    }

    /** Best effort: the cache and its WAL/SHM readable by the owner only (the folder is too). */
    private static void ownerOnly(Path db) {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path p = Path.of(db + suffix);
            try {
                if (Files.exists(p)) {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("Cannot restrict permissions of {}", p.getFileName());
            }
        }
    }

    private static CacheOpenException translate(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String msg = String.valueOf(e.getMessage());
        if (code == SQLiteErrorCode.SQLITE_NOTADB || msg.contains("not a database")
                || msg.contains("SQLITE_NOTADB")) {
            return new CacheOpenException(CacheOpenException.Reason.WRONG_KEY,
                    "The local cache cannot be opened: its key does not match or the file is damaged. "
                            + "It can be rebuilt from the servers.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT || msg.contains("malformed")) {
            return new CacheOpenException(CacheOpenException.Reason.CORRUPT,
                    "The local cache file is damaged. It can be rebuilt from the servers.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN || code == SQLiteErrorCode.SQLITE_READONLY
                || code == SQLiteErrorCode.SQLITE_PERM || code == SQLiteErrorCode.SQLITE_IOERR) {
            return new CacheOpenException(CacheOpenException.Reason.IO,
                    "The local cache file cannot be read or written.", e);
        }
        return new CacheOpenException(CacheOpenException.Reason.CORRUPT,
                "The local cache cannot be opened (" + (code == null ? "error" : code.name())
                        + "). It can be rebuilt from the servers.", e);
    }

    public Path file() {
        return file;
    }

    // ------------------------------------------------------------------ write side

    /**
     * Starts a write transaction. Only one batch is open at a time (others wait); commit with
     * {@link CacheBatch#commit()}, and always close it (closing without commit rolls back).
     */
    public CacheBatch begin() {
        ensureOpen();
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            return new CacheBatch(this, writer);
        } catch (SQLException e) {
            writeLock.unlock();
            throw new CacheException("Cannot start a cache write", e);
        }
    }

    void endBatch() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Could not reset autocommit: {}", e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    /** Stores resources in one transaction; convenience over {@link #begin()}. */
    public void putAll(List<StoredResource> resources) {
        try (CacheBatch b = begin()) {
            for (StoredResource r : resources) {
                b.put(r, null);
            }
            b.commit();
        }
    }

    private interface WriteWork {
        void run(Connection c) throws SQLException;
    }

    private void write(String what, WriteWork work) {
        ensureOpen();
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                work.run(writer);
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CacheException("Cannot " + what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Records a complete pull of one organization x type. */
    public void recordSuccess(String org, String type, Instant at) {
        write("record freshness", c -> Schema.freshness(c, org, type, "ok", at, null, null, true));
    }

    /** Records a failed pull (plain-words reason, no PHI); keeps the last success. */
    public void recordFailure(String org, String type, String reason, Instant at) {
        write("record freshness", c -> Schema.freshness(c, org, type, "failed", null, reason, at, false));
    }

    /** Records a type as "unsupported" (server lacks it) or "not-granted" (scope missing). */
    public void recordUnavailable(String org, String type, String state, String reason, Instant at) {
        if (!"unsupported".equals(state) && !"not-granted".equals(state)) {
            throw new IllegalArgumentException("state must be unsupported or not-granted");
        }
        write("record freshness", c -> Schema.freshness(c, org, type, state, null, reason, at, false));
    }

    // ------------------------------------------------------------------ retention

    /** Deletes everything cached for one patient at one organization; returns rows removed. */
    public int purgePatient(String org, String patientId) {
        int[] n = {0};
        write("purge a patient", c -> {
            n[0] = update(c, "DELETE FROM resource WHERE org=? AND patient=?", org, patientId);
            update(c, "DELETE FROM cursor WHERE org=? AND patient=?", org, patientId);
            update(c, "DELETE FROM patient_sync WHERE org=? AND patient=?", org, patientId);
            appendAudit(c, "purge-patient", org, patientId, n[0] + " resources");
        });
        return n[0];
    }

    /** Deletes everything cached from one organization, its sync state included. */
    public int purgeOrganization(String org) {
        int[] n = {0};
        write("purge an organization", c -> {
            n[0] = update(c, "DELETE FROM resource WHERE org=?", org);
            update(c, "DELETE FROM cursor WHERE org=?", org);
            update(c, "DELETE FROM patient_sync WHERE org=?", org);
            update(c, "DELETE FROM freshness WHERE org=?", org);
            appendAudit(c, "purge-organization", org, null, n[0] + " resources");
        });
        return n[0];
    }

    /**
     * Deletes resources stored (received) more than {@code days} days ago, and the cursors of
     * what was removed so that a later sync fetches it again.
     */
    public int purgeOlderThan(int days, Instant now) {
        long cutoff = now.minus(days, ChronoUnit.DAYS).toEpochMilli();
        int[] n = {0};
        write("purge old data", c -> {
            n[0] = update(c, "DELETE FROM resource WHERE stored_at < ?", cutoff);
            update(c, "DELETE FROM cursor WHERE updated_at < ?", cutoff);
            update(c, "DELETE FROM patient_sync WHERE last_synced < ?", cutoff);
            appendAudit(c, "purge-older-than", null, null, days + " days, " + n[0] + " resources");
        });
        return n[0];
    }

    // ------------------------------------------------------------------ audit log

    /** Appends one audit event (who = the OS user, when = now). No PHI bodies or tokens. */
    public void audit(String event, String org, String patientId, String detail) {
        write("write the audit log", c -> appendAudit(c, event, org, patientId, detail));
    }

    void appendAudit(Connection c, String event, String org, String patientId, String detail)
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
    public List<AuditEvent> auditLog(Instant from, Instant to) {
        return read(c -> {
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
    public void exportAudit(Writer out) throws IOException {
        out.write("seq,at,who,event,org,patient,detail\n");
        for (AuditEvent e : auditLog(null, null)) {
            out.write(e.seq() + "," + e.at() + "," + csv(e.who()) + "," + csv(e.event()) + ","
                    + csv(e.org()) + "," + csv(e.patientId()) + "," + csv(e.detail()) + "\n");
        }
        out.flush();
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    // ------------------------------------------------------------------ read side

    @Override
    public List<CachedPatient> patients() {
        return read(c -> {
            List<CachedPatient> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT r.org, r.id, r.json, s.last_synced FROM resource r "
                            + "LEFT JOIN patient_sync s ON s.org = r.org AND s.patient = r.id "
                            + "WHERE r.type = 'Patient' ORDER BY r.org, r.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String org = rs.getString(1);
                    String id = rs.getString(2);
                    String json = rs.getString(3);
                    out.add(new CachedPatient(org, id, json, instant(rs, 4)));
                }
            }
            return out;
        });
    }

    @Override
    public List<StoredResource> chart(String org, String patientId) {
        return read(c -> {
            List<StoredResource> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM resource WHERE org = ? AND patient = ?")) {
                ps.setString(1, org);
                ps.setString(2, patientId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            if (out.isEmpty()) {
                return out;
            }
            Map<String, Set<String>> refs = new TreeMap<>();
            for (StoredResource r : out) {
                SharedReferences.collect(r.json(), refs);
            }
            for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
                List<String> ids = new ArrayList<>(e.getValue());
                for (int from = 0; from < ids.size(); from += 500) {
                    List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
                    String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                            + " FROM resource WHERE type = ? AND org = ? AND id IN (" + marks + ")"
                            + " AND patient IS NULL")) {
                        ps.setString(1, e.getKey());
                        ps.setString(2, org);
                        for (int i = 0; i < part.size(); i++) {
                            ps.setString(3 + i, part.get(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(row(rs));
                            }
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<StoredResource> resource(String org, String type, String id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM resource WHERE type = ? AND org = ? AND id = ?")) {
                ps.setString(1, type);
                ps.setString(2, org);
                ps.setString(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<StoredResource>empty();
                }
            }
        });
    }

    @Override
    public List<Freshness> freshness(String org) {
        return read(c -> {
            List<Freshness> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT org, type, last_success, last_error, last_error_at, state "
                            + "FROM freshness WHERE org = ? ORDER BY type")) {
                ps.setString(1, org);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Freshness(rs.getString(1), rs.getString(2), instant(rs, 3),
                                rs.getString(4), instant(rs, 5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    private final java.util.concurrent.atomic.AtomicBoolean checkpointPending =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Copies the WAL into the database file on a background thread, so that the next big write
     * (the next sync) does not pay for this one's checkpoint. Returns at once; cheap to call.
     */
    public void checkpointInBackground() {
        if (closed || !checkpointPending.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            writeLock.lock();
            try {
                checkpointPending.set(false);
                if (!closed) {
                    try (Statement s = writer.createStatement()) {
                        s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    }
                }
            } catch (SQLException e) {
                LOG.debug("background checkpoint failed: {}", e.getMessage());
            } finally {
                writeLock.unlock();
            }
        }, "cache-checkpoint");
        t.setDaemon(true);
        t.start();
    }

    /** The file's page size in bytes (fixed when the file was created). */
    int pageSize() {
        return read(c -> {
            try (Statement s = c.createStatement()) {
                return ChartCache.pageSize(s);
            }
        });
    }

    /** SQLite's {@code PRAGMA integrity_check}: "ok", or the first problems found. */
    public String integrityCheck() {
        return read(c -> {
            StringBuilder sb = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    sb.append(sb.length() == 0 ? "" : "; ").append(rs.getString(1));
                }
            }
            return sb.toString();
        });
    }

    /** Organizations that have anything cached, in id order. */
    public List<String> organizations() {
        return read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT org FROM resource ORDER BY org");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Number of cached resources per type for one organization (all patients + shared). */
    public Map<String, Integer> countsByType(String org) {
        return counts("SELECT type, count(*) FROM resource WHERE org = ? GROUP BY type ORDER BY type",
                org, null);
    }

    /** Number of cached resources per type in one patient's compartment (shared ones excluded). */
    public Map<String, Integer> countsByType(String org, String patientId) {
        return counts("SELECT type, count(*) FROM resource WHERE org = ? AND patient = ? "
                + "GROUP BY type ORDER BY type", org, patientId);
    }

    private Map<String, Integer> counts(String sql, String org, String patient) {
        return read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, org);
                if (patient != null) {
                    ps.setString(2, patient);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    /** The {@code _lastUpdated} cursor of org x patient x type ("" patient: organization-wide). */
    public Optional<String> cursor(String org, String patientId, String type) {
        return read(c -> {
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

    /** When one patient's sync at one organization last completed. */
    public Optional<Instant> lastSynced(String org, String patientId) {
        return read(c -> {
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

    /** Ids of the shared resources (Practitioner, ...) of one organization already cached. */
    public Set<String> sharedIds(String org, String type) {
        return read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM resource WHERE type = ? AND org = ?")) {
                ps.setString(1, type);
                ps.setString(2, org);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    static StoredResource row(ResultSet rs) throws SQLException {
        return new StoredResource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private interface ReadWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(ReadWork<T> work) {
        ensureOpen();
        Connection c = borrow();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new CacheException("Cannot read the local cache", e);
        } finally {
            if (!readers.offer(c)) {
                closeQuietly(c);
            }
        }
    }

    private Connection borrow() {
        Connection c = readers.poll();
        if (c != null) {
            return c;
        }
        synchronized (allReaders) {
            if (allReaders.size() < READERS) {
                try {
                    Connection fresh = config.createConnection(url);
                    try (Statement s = fresh.createStatement()) {
                        s.execute("PRAGMA temp_store=MEMORY");
                        s.execute("PRAGMA query_only=ON");
                        s.execute("PRAGMA cache_size=-32768");
                    }
                    allReaders.add(fresh);
                    return fresh;
                } catch (SQLException e) {
                    throw new CacheException("Cannot open a cache reader", e);
                }
            }
        }
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException("Interrupted while waiting for the cache", null);
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (a instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, a.toString());
                }
            }
            return ps.executeUpdate();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The local cache is closed");
        }
    }

    /** Closes every connection; safe to call twice. Waits for a running batch. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        writeLock.lock();
        try {
            closed = true;
            synchronized (allReaders) {
                allReaders.forEach(ChartCache::closeQuietly);
                allReaders.clear();
            }
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                LOG.debug("checkpoint on close failed: {}", e.getMessage());
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do
            }
        }
    }

    /** Hex of a key, for callers that keep keys as text (never logged). */
    static String hex(byte[] key) {
        return HexFormat.of().formatHex(key);
    }

    /** A failure while reading or writing an open cache; message is plain and PHI-free. */
    public static final class CacheException extends RuntimeException {
        public CacheException(String message, Throwable cause) {
            super(message + (cause == null ? "" : ": " + safe(cause)), cause);
        }

        private static String safe(Throwable t) {
            if (t instanceof SQLiteException se) {
                return se.getResultCode().name();
            }
            return t.getClass().getSimpleName();
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
