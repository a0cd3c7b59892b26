package org.chartlens.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.chartlens.store.CacheBatch;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes a sync, a bulk export or an import into the cache (the one writer
 * path: rows come from {@link Ingest}). Fetch workers hand it pages ({@link Job});
 * it groups what is queued into one transaction (up to ~20,000 resources), so downloading and
 * writing overlap and commits stay few. A job's cursor and freshness marks are committed in the
 * same transaction as, or after, the data they describe: a kill at any point leaves cursors
 * behind the data, never ahead. The queue is bounded, which bounds memory.
 *
 * <p>Thread safe for {@link #submit}; one instance per sync run.
 */
final class CacheWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CacheWriter.class);
    private static final int MAX_ROWS_PER_TRANSACTION = 20_000;

    /** One unit of work; any field may be empty. */
    static final class Job {
        final List<StoredResource> rows;
        final List<String> lastUpdated;
        String cursorPatient;
        String cursorKey;
        String cursorValue;
        Set<String> successTypes = Set.of();
        Map<String, String> failedTypes = Map.of();
        Map<String, String[]> unavailableTypes = Map.of();
        String patientDone;
        /** Resources the server no longer has: {type, id, patient}. */
        List<String[]> removals = List.of();
        final CompletableFuture<Void> committed = new CompletableFuture<>();

        Job(List<StoredResource> rows, List<String> lastUpdated) {
            this.rows = rows;
            this.lastUpdated = lastUpdated;
        }

        static Job marks() {
            return new Job(List.of(), List.of());
        }
    }

    private static final Job POISON = Job.marks();

    private final ChartCache cache;
    private final String org;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(16);
    private final Map<String, Integer> stored = new TreeMap<>();
    /** Distinct resources written in this run: a resource written twice counts once. */
    private final Map<String, Set<String>> seen = new java.util.HashMap<>();
    private final Consumer<Map<String, Integer>> onCommit;
    private final Thread thread;
    private volatile Throwable failure;

    CacheWriter(ChartCache cache, String org, Consumer<Map<String, Integer>> onCommit) {
        this.cache = cache;
        this.org = org;
        this.onCommit = onCommit;
        this.thread = new Thread(this::loop, "sync-writer-" + org);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a job (blocks while the queue is full: back-pressure on the downloads). */
    CompletableFuture<Void> submit(Job job) throws InterruptedException {
        if (failure != null) {
            throw new IllegalStateException("The cache writer failed: " + failure.getMessage(), failure);
        }
        while (!queue.offer(job, 200, TimeUnit.MILLISECONDS)) {
            if (failure != null || !thread.isAlive()) {
                throw new IllegalStateException("The cache writer stopped", failure);
            }
        }
        return job.committed;
    }

    Throwable failure() {
        return failure;
    }

    /** Per-type counts of distinct resources committed so far (a copy). */
    synchronized Map<String, Integer> stored() {
        return new TreeMap<>(stored);
    }

    private void loop() {
        List<Job> batch = new ArrayList<>();
        try {
            while (true) {
                Job first = queue.take();
                if (first == POISON) {
                    return;
                }
                batch.clear();
                batch.add(first);
                int rows = first.rows.size();
                boolean stop = false;
                Job more;
                while (rows < MAX_ROWS_PER_TRANSACTION && (more = queue.poll()) != null) {
                    if (more == POISON) {
                        stop = true;
                        break;
                    }
                    batch.add(more);
                    rows += more.rows.size();
                }
                write(batch);
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            LOG.warn("Writing to the cache failed: {}", t.getMessage());
            for (Job j : batch) {
                j.committed.completeExceptionally(t);
            }
            Job j;
            while ((j = queue.poll()) != null) {
                j.committed.completeExceptionally(t);
            }
        }
    }

    long busyNanos;
    volatile long cpuNanos;
    int transactions;

    private void write(List<Job> batch) {
        long w0 = System.nanoTime();
        Instant now = Instant.now();
        Map<String, Integer> delta = new TreeMap<>();
        try (CacheBatch b = cache.begin()) {
            for (Job j : batch) {
                for (int i = 0; i < j.rows.size(); i++) {
                    StoredResource r = j.rows.get(i);
                    b.put(r, j.lastUpdated.isEmpty() ? null : j.lastUpdated.get(i));
                    if (seen.computeIfAbsent(r.type(), t -> new java.util.HashSet<>()).add(r.id())) {
                        delta.merge(r.type(), 1, Integer::sum);
                    }
                }
                if (j.cursorKey != null && j.cursorValue != null) {
                    b.setCursor(org, j.cursorPatient, j.cursorKey, j.cursorValue);
                }
                for (String t : j.successTypes) {
                    b.recordSuccess(org, t, now);
                }
                j.failedTypes.forEach((t, why) -> b.recordFailure(org, t, why, now));
                j.unavailableTypes.forEach((t, sr) -> b.recordUnavailable(org, t, sr[0], sr[1], now));
                for (String[] r : j.removals) {
                    b.remove(org, r[0], r[1], r[2], now);
                }
                if (j.patientDone != null) {
                    b.markPatientSynced(org, j.patientDone, now);
                }
            }
            b.commit();
        }
        synchronized (this) {
            delta.forEach((t, n) -> stored.merge(t, n, Integer::sum));
        }
        busyNanos += System.nanoTime() - w0;
        transactions++;
        cpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (Job j : batch) {
            j.committed.complete(null);
        }
        onCommit.accept(delta);
    }

    /** Writes everything queued, then stops the thread. */
    @Override
    public void close() {
        try {
            if (thread.isAlive()) {
                while (!queue.offer(POISON, 200, TimeUnit.MILLISECONDS)) {
                    if (!thread.isAlive()) {
                        break;
                    }
                }
            }
            thread.join();
            LOG.debug("writer: {} transactions, busy {} ms, cpu {} ms", transactions, busyNanos / 1_000_000,
                    cpuNanos / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
