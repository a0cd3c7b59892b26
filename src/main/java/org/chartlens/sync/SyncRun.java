package org.chartlens.sync;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.chartlens.domain.Compartment;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.ReceivedResource;
import org.chartlens.store.ChartCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run: plans it, lists the patients (or runs a bulk export), starts each patient's
 * pulls ({@link PatientPulls}), and gathers the result; owns the run's threads, its
 * {@link CacheWriter} and the state the pulls share (failures, unavailable types, shared
 * resources received, progress). Runs on the sync's background thread; the shared state is
 * thread safe because fetch workers update it concurrently.
 */
final class SyncRun {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);

    final ChartSync sync;
    final FhirHttp http;
    final ChartCache cache;
    final SyncRequest request;
    final String org;
    private final SyncListener listener;
    private final AtomicBoolean cancelled;
    private final ChartSync.SyncTask task;
    private final long t0 = System.nanoTime();
    private final Map<String, String> failed = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, String> unavailable = new ConcurrentHashMap<>();
    final ParseWarnings problems;
    final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger patientsDone = new AtomicInteger();
    private final List<String> completed = Collections.synchronizedList(new ArrayList<>());
    /** Shared resources received in this run, as "Type/id". */
    final Set<String> sharedReceived = ConcurrentHashMap.newKeySet();
    /** Practitioners ("Practitioner/id") whose PractitionerRoles were asked for in this run. */
    final Set<String> rolesAsked = ConcurrentHashMap.newKeySet();
    private volatile int patientsTotal;
    private volatile long lastProgress;
    private CacheWriter writer;
    Ingest ingest;
    ExecutorService pool;
    ExecutorService parsers;

    SyncRun(ChartSync sync, SyncRequest request, SyncListener listener, AtomicBoolean cancelled,
            ChartSync.SyncTask task) {
        this.sync = sync;
        // every request of this run also ends at the sync's deadline (settings: syncDeadlineMinutes)
        this.http = sync.http().forOneSync();
        this.cache = sync.cache();
        this.org = sync.org();
        this.request = request;
        this.listener = listener == null ? SyncListener.NONE : listener;
        this.cancelled = cancelled;
        this.task = task;
        this.problems = new ParseWarnings(this.listener);
    }

    SyncResult execute() throws InterruptedException {
        writer = new CacheWriter(cache, org, delta -> progress(false));
        ingest = new Ingest(org, writer, problems);
        pool = Executors.newFixedThreadPool(sync.concurrency(), daemon("sync-fetch-" + org));
        parsers = Executors.newFixedThreadPool(2, daemon("sync-parse-" + org));
        task.onCancel = pool::shutdownNow;
        List<String> patients = List.of();
        task.interruptible(Thread.currentThread());
        try {
            SyncPlan plan = Planner.plan(http.organization(), sync.capabilities(), request.grantedScopes());
            CacheWriter.Job marks = CacheWriter.Job.marks();
            Map<String, String[]> unav = new LinkedHashMap<>();
            plan.unavailable().forEach((t, s) -> {
                unavailable.put(t, s);
                unav.put(t, new String[] {s, s.equals("unsupported")
                        ? "The server does not offer " + t + "." : "The sign-in did not grant " + t + "."});
            });
            marks.unavailableTypes = unav;
            writer.submit(marks);
            if (request.bulkGroupId() != null) {
                patients = bulk(request.bulkGroupId(), plan);
            } else {
                patients = patients();
                patientsTotal = patients.size();
                progress(false);
                pullAll(patients, plan);
            }
        } catch (FhirException e) {
            failed.put("patients", e.getMessage());
        } catch (CancellationException e) {
            cancelled.set(true);
        } finally {
            task.interruptible(null);
            pool.shutdownNow();
            parsers.shutdownNow();
            // batches the workers were handing over when cancelled still reach the writer
            pool.awaitTermination(1, TimeUnit.SECONDS);
            writer.close();
        }
        if (writer.failure() != null) {
            failed.put("cache", "Writing to the local cache failed: " + writer.failure().getMessage());
        }
        SyncResult result = new SyncResult(org, patients, List.copyOf(completed), writer.stored(),
                Map.copyOf(new LinkedHashMap<>(failed)), Map.copyOf(unavailable), problems.lines(),
                cancelled.get(), elapsed());
        progress(true);
        cache.checkpointInBackground();
        return result;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void pullAll(List<String> patients, SyncPlan plan) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String p : patients) {
            if (isCancelled()) {
                break;
            }
            try {
                all.add(new PatientPulls(this, p, plan).start());
            } catch (RejectedExecutionException e) {
                cancelled.set(true);
                break;
            }
        }
        for (CompletableFuture<Void> f : all) {
            try {
                f.get();
            } catch (ExecutionException | CancellationException e) {
                // recorded per pull in `failed`
            } catch (InterruptedException e) {
                // cancelled: the workers stop (pulls never started never complete), stop waiting
                cancelled.set(true);
                return;
            }
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    void progress(boolean finished) {
        long now = System.nanoTime();
        if (!finished && now - lastProgress < 100_000_000L) {
            return;
        }
        lastProgress = now;
        Map<String, Integer> s = writer.stored();
        long total = s.values().stream().mapToLong(Integer::longValue).sum();
        listener.progress(new SyncProgress(org, patientsDone.get(), patientsTotal, s, total, bytes.get(),
                elapsed(), finished));
    }

    boolean isCancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    /** The stored cursor of org x patient x key, unless this is a full sync. */
    String cursor(String patient, String key) {
        return request.full() ? null : cache.cursor(org, patient, key).orElse(null);
    }

    /** Marks a patient whose every pull succeeded, once its data is committed. */
    void patientDone(String patient) {
        patientDone(patient, null, null);
    }

    /** The same, with a cursor of the patient's own (a bulk group's member: {@code $export:GROUP}). */
    private void patientDone(String patient, String cursorKey, String cursorValue) {
        CacheWriter.Job done = CacheWriter.Job.marks();
        done.patientDone = patient;
        done.cursorPatient = patient;
        done.cursorKey = cursorKey;
        done.cursorValue = cursorValue;
        submitQuietly(done).join();
        completed.add(patient);
        patientsDone.incrementAndGet();
        progress(false);
    }

    /**
     * Bulk $export of a group, then the directory resources it references; each exported patient
     * is marked synced. The cursor is the manifest's transactionTime. Returns the exported patients.
     */
    private List<String> bulk(String group, SyncPlan plan) throws InterruptedException {
        String key = "$export:" + group;
        String since = cursor("", key);
        BulkExportClient export = new BulkExportClient(http, problems, this::isCancelled, Duration.ofMinutes(30));
        Set<String> types = new TreeSet<>(plan.types());
        types.add("Patient");
        Capabilities caps = sync.capabilities();
        Compartment.SHARED_TYPES.stream().filter(t -> caps.known() && caps.supports(t)).forEach(types::add);
        Set<String> referenced = ConcurrentHashMap.newKeySet();
        Set<String> exported = ConcurrentHashMap.newKeySet();
        try {
            String tx = export.run(group, types, since, batch -> {
                Ingest.Batch b = ingest.accept(batch, null);
                sharedReceived.addAll(b.sharedReceived());
                referenced.addAll(b.sharedReferenced());
                // every chart the export brings counts, also one whose Patient did not change (issue 17)
                exported.addAll(b.patients());
                exported.addAll(b.owners());
                patientsTotal = exported.size();
                progress(false);
            });
            bytes.addAndGet(export.bytes());
            if (since != null) {
                // an incremental export holds only what changed: the group's earlier charts are as current
                exported.addAll(cache.patientsWithCursor(org, key));
            }
            patientsTotal = exported.size();
            listener.patientsChosen(exported.size(), "the charts in the export of group " + group);
            // a Patient/Group export holds the compartments: the directory resources they reference come by id
            new SharedFetch(this, page -> {
                bytes.addAndGet(page.bytes());
                Ingest.Batch b = acceptQuietly(page.resources(), null);
                sharedReceived.addAll(b.sharedReceived());
            }).fetch(referenced);
            for (String p : exported) {
                patientDone(p, key, tx);
            }
            CacheWriter.Job end = CacheWriter.Job.marks();
            end.cursorPatient = "";
            end.cursorKey = key;
            end.cursorValue = tx;
            end.successTypes = plan.types();
            writer.submit(end);
        } catch (FhirException e) {
            fail("$export " + group, e, plan.types());
        }
        return List.copyOf(exported);
    }

    /**
     * Explicit ids; else the worklist's patients from this organization (those cached) and the
     * token's patient; or, asked for explicitly ({@link SyncRequest#allPatients}), every patient
     * the server lists. Says which and how many before any chart is pulled.
     */
    private List<String> patients() throws FhirException, InterruptedException {
        if (!request.patientIds().isEmpty()) {
            listener.patientsChosen(request.patientIds().size(), "the patients asked for");
            return request.patientIds();
        }
        Set<String> ids = new LinkedHashSet<>();
        if (request.contextPatient() != null) {
            ids.add(request.contextPatient());
        }
        if (!request.allPatients()) {
            cache.patients().stream().filter(p -> org.equals(p.org())).forEach(p -> ids.add(p.id()));
            listener.patientsChosen(ids.size(), request.contextPatient() == null
                    ? "the worklist's patients from " + org
                    : "the sign-in's patient and the worklist's patients from " + org);
            return List.copyOf(ids);
        }
        URI first = http.searchUri("Patient", null, Map.of());
        http.pages(first, page -> {
            bytes.addAndGet(page.bytes());
            List<ReceivedResource> listed = new ArrayList<>();
            for (ReceivedResource r : page.resources()) {
                if ("Patient".equals(r.type()) && r.id() != null) {
                    ids.add(r.id());
                    listed.add(r);
                }
            }
            ingest.accept(listed, null);
        }, this::isCancelled);
        listener.patientsChosen(ids.size(), "every patient " + org + " lists");
        return List.copyOf(ids);
    }

    void markUnavailable(String type, String state, String reason) {
        unavailable.put(type, state);
        CacheWriter.Job j = CacheWriter.Job.marks();
        j.unavailableTypes = Map.of(type, new String[] {state, reason});
        submitQuietly(j);
    }

    void fail(String what, FhirException e, Set<String> types) {
        LOG.info("{}: {} failed: {}", org, what, e.forLog());
        failed.put(what, e.getMessage());
        if (!types.isEmpty()) {
            CacheWriter.Job j = CacheWriter.Job.marks();
            Map<String, String> f = new LinkedHashMap<>();
            types.forEach(t -> f.put(t, e.getMessage()));
            j.failedTypes = f;
            submitQuietly(j);
        }
    }

    /** Queues cursor / freshness marks; a cancelled sync's interrupt becomes a CancellationException. */
    CompletableFuture<Void> submitQuietly(CacheWriter.Job j) {
        try {
            return writer.submit(j);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Sync cancelled");
        }
    }

    /** Converts and queues resources fetched for {@code patient} (see {@link Ingest#accept}). */
    Ingest.Batch acceptQuietly(List<ReceivedResource> resources, String patient) {
        try {
            return ingest.accept(resources, patient);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Sync cancelled");
        }
    }
}
