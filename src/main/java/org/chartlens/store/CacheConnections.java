package org.chartlens.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The open cache's connections: one writer behind a lock (writes are serialised, one transaction
 * at a time) and a small pool of read-only readers that run concurrently with a write (WAL).
 * The parts of the cache ({@link ResourceRows}, {@link SyncState}, {@link AuditLog},
 * {@link Retention}) do their SQL through {@link #read} and {@link #write}. Thread safe.
 */
final class CacheConnections {
    private static final Logger LOG = LoggerFactory.getLogger(CacheConnections.class);
    private static final int READERS = 3;

    private final Path file;
    private final SQLiteConfig config;
    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final AtomicBoolean checkpointPending = new AtomicBoolean();
    private volatile Thread checkpoint;
    private volatile TransactionListener listener = TransactionListener.NONE;
    private volatile boolean closed;

    CacheConnections(Path file, SQLiteConfig config, Connection writer) {
        this.file = file;
        this.config = config;
        this.url = "jdbc:sqlite:" + file;
        this.writer = writer;
    }

    Path file() {
        return file;
    }

    /** Told, under the write lock, when a write transaction commits or rolls back. */
    interface TransactionListener {
        void committed();

        void rolledBack();

        TransactionListener NONE = new TransactionListener() {
            @Override
            public void committed() {
            }

            @Override
            public void rolledBack() {
            }
        };
    }

    /** The one listener of this cache's write transactions (the audit log, to publish its head). */
    void listen(TransactionListener l) {
        this.listener = l;
    }

    /** SQL run with a connection; may throw SQLException. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** SQL run in a write transaction. */
    interface WriteWork {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one read transaction that ends with one more page read. A page that
     * fails its authentication tag is still handed to SQLite once: SQLite3MultipleCiphers reports
     * the failure by putting the connection in an error state, which the next page read in the
     * same transaction sees and which the end of the transaction clears. Without the extra read,
     * a damaged page that is the last one a read touches (the file's last page, often) would be
     * returned with its altered bytes and no error (decision 0380).
     */
    <T> T read(Work<T> work) {
        ensureOpen();
        Connection c = borrow();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            try {
                T result = work.run(c);
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    rs.next();
                }
                return result;
            } finally {
                endRead(s);
            }
        } catch (SQLException e) {
            throw failure("read the local cache", e);
        } finally {
            if (!readers.offer(c)) {
                CacheFile.closeQuietly(c);
            }
        }
    }

    /** Ends a read transaction; after an error SQLite may have ended it already. */
    private static void endRead(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("no read transaction to end: {}", e.getMessage());
        }
    }

    /** Runs {@code work} in one write transaction: committed when it returns, else rolled back. */
    void write(String what, WriteWork work) {
        ensureOpen();
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                work.run(writer);
                writer.commit();
                listener.committed();
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                listener.rolledBack();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Takes the write lock and opens a transaction for a {@link CacheBatch}. */
    Connection beginBatch() {
        ensureOpen();
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            return writer;
        } catch (SQLException e) {
            writeLock.unlock();
            throw new CacheException("Cannot start a cache write", e);
        }
    }

    /** A batch's transaction committed (called with the write lock held). */
    void batchCommitted() {
        listener.committed();
    }

    /** A batch's transaction rolled back (called with the write lock held). */
    void batchRolledBack() {
        listener.rolledBack();
    }

    /** Ends a batch: autocommit back on, the write lock released. */
    void endBatch() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Could not reset autocommit: {}", e.getMessage());
        } finally {
            writeLock.unlock();
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

    /**
     * Copies the WAL into the database file on a background thread, so that the next big write
     * (the next sync) does not pay for this one's checkpoint. Returns at once; cheap to call.
     *
     * <p>The checkpoint runs on a connection of its own and without the write lock: a PASSIVE
     * checkpoint never waits for, nor blocks, the writer (SQLite's WAL lets one writer append while
     * a checkpointer copies), so a write right after a sync (the audit event of the sync, or of
     * the chart being opened) does not queue behind it. The copy decrypts every WAL page and
     * encrypts it again into the file (the cipher sits in SQLite3MultipleCiphers' file layer),
     * about 0.15 s of CPU after a large chart's sync. {@link #close} waits for it.
     */
    void checkpointInBackground() {
        if (closed || !checkpointPending.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                if (!closed) {
                    try (Connection c = config.createConnection(url); Statement s = c.createStatement()) {
                        s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    }
                }
            } catch (SQLException e) {
                LOG.debug("background checkpoint failed: {}", e.getMessage());
            } finally {
                checkpointPending.set(false);
            }
        }, "cache-checkpoint");
        t.setDaemon(true);
        checkpoint = t;
        t.start();
    }

    /** Waits for a background checkpoint started by {@link #checkpointInBackground}, if one runs. */
    void awaitCheckpoint() {
        Thread t = checkpoint;
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The local cache is closed");
        }
    }

    /** Closes every connection; safe to call twice. Waits for a running batch. */
    void close() {
        if (closed) {
            return;
        }
        writeLock.lock();
        try {
            closed = true;
            awaitCheckpoint();
            synchronized (allReaders) {
                allReaders.forEach(CacheFile::closeQuietly);
                allReaders.clear();
            }
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                LOG.debug("checkpoint on close failed: {}", e.getMessage());
            }
            CacheFile.closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    /** A failed read or write in words: the file damaged, the disk full, or what failed. */
    CacheException failure(String what, SQLException e) {
        if (CacheException.isDamage(e)) {
            return CacheException.damaged(e);
        }
        if (CacheException.isFull(e)) {
            Path dir = file.getParent();
            return CacheException.full(dir != null ? dir : file, e);
        }
        return new CacheException("Cannot " + what, e);
    }

    // ------------------------------------------------------------------ SQL helpers

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

    static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
