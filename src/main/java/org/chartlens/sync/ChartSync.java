package org.chartlens.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.store.ChartCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background sync of one organization into the cache: plans from the CapabilityStatement, pulls
 * each patient's chart ({@code $everything}, else per-type searches) with bounded concurrency,
 * then the shared Practitioner / Organization / Location / Medication the chart references.
 * Pages are committed as they arrive by one writer thread; {@code _lastUpdated} cursors advance
 * only with (after) the data, so a cancelled, failed or killed sync resumes where it stopped and
 * never loses what is cached.
 *
 * <p>This class is the entry point and holds what outlives a run (the HTTP client, the cache,
 * the CapabilityStatement). A run is a {@link SyncRun} (plan, patient list, bulk export, the
 * result); {@link PatientPulls} fetches one patient's compartment, {@link SharedFetch} the
 * shared resources it references, and everything received goes through {@link Ingest} to the
 * run's {@link CacheWriter}.
 *
 * <p>Thread safe: {@link #start} may be called for several requests; each run has its own
 * workers. Cost: network-bound; CPU for streaming parse and encrypted writes.
 */
public final class ChartSync {
    private static final Logger LOG = LoggerFactory.getLogger(ChartSync.class);

    private final FhirHttp http;
    private final ChartCache cache;
    private final int concurrency;
    private volatile Capabilities capabilities;

    /**
     * @param concurrency parallel requests to this organization (bounded; 1..8)
     */
    public ChartSync(FhirHttp http, ChartCache cache, int concurrency) {
        this.http = http;
        this.cache = cache;
        this.concurrency = Math.max(1, Math.min(8, concurrency));
    }

    public ChartSync(FhirHttp http, ChartCache cache) {
        this(http, cache, 4);
    }

    FhirHttp http() {
        return http;
    }

    ChartCache cache() {
        return cache;
    }

    int concurrency() {
        return concurrency;
    }

    public String org() {
        return http.organization().id();
    }

    /** A running sync: cancellable, awaitable. */
    public static final class SyncTask {
        private final CompletableFuture<SyncResult> result;
        private final AtomicBoolean cancelled;
        volatile Runnable onCancel = () -> { };
        /** The run's own thread while it may wait on the network (null before and after). */
        private Thread waiting;

        SyncTask(CompletableFuture<SyncResult> result, AtomicBoolean cancelled) {
            this.result = result;
            this.cancelled = cancelled;
        }

        /**
         * Stops the run within moments: the fetch workers and the run's own thread are
         * interrupted, which aborts their HTTP exchanges (a server that never answers included);
         * what was received is committed and kept. Any thread.
         */
        public void cancel() {
            cancelled.set(true);
            synchronized (this) {
                if (waiting != null) {
                    waiting.interrupt();
                }
            }
            onCancel.run();
        }

        /**
         * The run's thread may now be interrupted by {@link #cancel} ({@code t}), or no longer
         * ({@code null}: it is about to commit what it received; its interrupt flag is cleared).
         */
        synchronized void interruptible(Thread t) {
            waiting = t;
            if (t == null) {
                Thread.interrupted();
            } else if (cancelled.get()) {
                t.interrupt();
            }
        }

        public boolean isCancelled() {
            return cancelled.get();
        }

        /** Waits for the end. */
        public SyncResult await() throws InterruptedException {
            try {
                return result.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            }
        }

        public CompletableFuture<SyncResult> future() {
            return result;
        }
    }

    /** Starts a sync on a background thread. */
    public SyncTask start(SyncRequest request, SyncListener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<SyncResult> f = new CompletableFuture<>();
        SyncTask task = new SyncTask(f, cancelled);
        Thread t = new Thread(() -> {
            try {
                f.complete(new SyncRun(this, request, listener, cancelled, task).execute());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "sync-" + org());
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** Runs a sync on the calling thread (never the FX thread). */
    public SyncResult run(SyncRequest request, SyncListener listener) throws InterruptedException {
        return start(request, listener).await();
    }

    /** Patient search at this organization, with the supported parameters of its CapabilityStatement. */
    public PatientFinder finder() {
        return new PatientFinder(http, capabilities());
    }

    /** The server's CapabilityStatement, read once per instance; unknown when unreadable. */
    public Capabilities capabilities() {
        Capabilities c = capabilities;
        if (c == null) {
            try {
                c = Capabilities.of(http.capabilityStatement());
            } catch (FhirException e) {
                LOG.info("{}: CapabilityStatement unavailable ({}); trying every type", org(), e.forLog());
                c = Capabilities.unknown();
            }
            capabilities = c;
        }
        return c;
    }
}
