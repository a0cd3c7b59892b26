package org.chartlens.sync;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.chartlens.fhir.BundlePage;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.ReceivedResource;
import org.chartlens.fhir.References;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
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

    public String org() {
        return http.organization().id();
    }

    /** A running sync: cancellable, awaitable. */
    public static final class SyncTask {
        private final CompletableFuture<SyncResult> result;
        private final AtomicBoolean cancelled;
        private volatile Runnable onCancel = () -> { };

        SyncTask(CompletableFuture<SyncResult> result, AtomicBoolean cancelled) {
            this.result = result;
            this.cancelled = cancelled;
        }

        /** Stops fetching; what was received is committed and kept. */
        public void cancel() {
            cancelled.set(true);
            onCancel.run();
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
                f.complete(new Run(request, listener, cancelled, task).execute());
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

    /** One run's state. */
    private final class Run {
        /** Every request of this run also ends at the sync's deadline (settings: syncDeadlineMinutes). */
        final FhirHttp http = ChartSync.this.http.forOneSync();
        final SyncRequest request;
        final SyncListener listener;
        final AtomicBoolean cancelled;
        final SyncTask task;
        final String org = org();
        final long t0 = System.nanoTime();
        final Map<String, String> failed = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, String> unavailable = new ConcurrentHashMap<>();
        final ParseWarnings problems;
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger patientsDone = new AtomicInteger();
        final List<String> completed = Collections.synchronizedList(new ArrayList<>());
        final Set<String> sharedReceived = ConcurrentHashMap.newKeySet();
        volatile int patientsTotal;
        volatile long lastProgress;
        CacheWriter writer;
        ExecutorService pool;
        ExecutorService parsers;

        Run(SyncRequest request, SyncListener listener, AtomicBoolean cancelled, SyncTask task) {
            this.request = request;
            this.listener = listener == null ? SyncListener.NONE : listener;
            this.cancelled = cancelled;
            this.task = task;
            this.problems = new ParseWarnings(this.listener);
        }

        SyncResult execute() throws InterruptedException {
            writer = new CacheWriter(cache, org, delta -> progress(false));
            pool = Executors.newFixedThreadPool(concurrency, r -> {
                Thread t = new Thread(r, "sync-fetch-" + org);
                t.setDaemon(true);
                return t;
            });
            parsers = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "sync-parse-" + org);
                t.setDaemon(true);
                return t;
            });
            task.onCancel = pool::shutdownNow;
            List<String> patients = List.of();
            try {
                Capabilities caps = capabilities();
                SyncPlan plan = Planner.plan(http.organization(), caps, request.grantedScopes());
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
                    bulk(request.bulkGroupId(), plan);
                } else {
                    patients = patients();
                    patientsTotal = patients.size();
                    progress(false);
                    List<CompletableFuture<Void>> all = new ArrayList<>();
                    for (String p : patients) {
                        if (isCancelled()) {
                            break;
                        }
                        try {
                            all.add(syncPatient(p, plan));
                        } catch (java.util.concurrent.RejectedExecutionException e) {
                            cancelled.set(true);
                            break;
                        }
                    }
                    for (CompletableFuture<Void> f : all) {
                        try {
                            f.join();
                        } catch (CompletionException | CancellationException e) {
                            // recorded per pull in `failed`
                        }
                    }
                }
            } catch (FhirException e) {
                failed.put("patients", e.getMessage());
            } catch (CancellationException e) {
                cancelled.set(true);
            } finally {
                pool.shutdownNow();
                parsers.shutdownNow();
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

        Duration elapsed() {
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

        /** Bulk $export of a group; the cursor is the manifest's transactionTime. */
        void bulk(String group, SyncPlan plan) throws InterruptedException {
            String key = "$export:" + group;
            String since = request.full() ? null : cache.cursor(org, "", key).orElse(null);
            BulkExportClient export = new BulkExportClient(http, problems, this::isCancelled, Duration.ofMinutes(30));
            Set<String> types = new java.util.TreeSet<>(plan.types());
            types.add("Patient");
            Capabilities caps = capabilities();
            References.SHARED_TYPES.stream().filter(t -> caps.known() && caps.supports(t)).forEach(types::add);
            try {
                String tx = export.run(group, types, since, batch -> {
                    List<StoredResource> rows = new ArrayList<>(batch.size());
                    List<String> lu = new ArrayList<>(batch.size());
                    for (ReceivedResource r : batch) {
                        StoredResource row = row(r, null);
                        if (row != null) {
                            rows.add(row);
                            lu.add(r.lastUpdated());
                        }
                    }
                    writer.submit(new CacheWriter.Job(rows, lu));
                    progress(false);
                });
                bytes.addAndGet(export.bytes());
                CacheWriter.Job end = CacheWriter.Job.marks();
                end.cursorPatient = "";
                end.cursorKey = key;
                end.cursorValue = tx;
                end.successTypes = plan.types();
                writer.submit(end);
            } catch (FhirException e) {
                fail("$export " + group, e, plan.types());
            }
        }

        /** Explicit ids, else the token's patient, else every patient the server lists. */
        List<String> patients() throws FhirException, InterruptedException {
            if (!request.patientIds().isEmpty()) {
                return request.patientIds();
            }
            if (request.contextPatient() != null) {
                return List.of(request.contextPatient());
            }
            Set<String> ids = new LinkedHashSet<>();
            URI first = http.searchUri("Patient", null, Map.of());
            http.pages(first, page -> {
                bytes.addAndGet(page.bytes());
                List<StoredResource> rows = new ArrayList<>();
                List<String> lu = new ArrayList<>();
                for (ReceivedResource r : page.resources()) {
                    if ("Patient".equals(r.type()) && r.id() != null) {
                        ids.add(r.id());
                        rows.add(row(r, r.id()));
                        lu.add(r.lastUpdated());
                    }
                }
                writer.submit(new CacheWriter.Job(rows, lu));
            }, this::isCancelled);
            return List.copyOf(ids);
        }

        CompletableFuture<Void> syncPatient(String patient, SyncPlan plan) {
            PatientState st = new PatientState(patient);
            CompletableFuture<Boolean> compartment;
            if (plan.everything()) {
                compartment = CompletableFuture.supplyAsync(() -> everything(st, plan), pool)
                        .thenCompose(ok -> ok ? CompletableFuture.completedFuture(true) : searches(st, plan));
            } else {
                compartment = searches(st, plan);
            }
            return compartment
                    .thenApplyAsync(ok -> shared(st) && ok, pool)
                    .thenAccept(ok -> {
                        if (ok && !isCancelled()) {
                            CacheWriter.Job done = CacheWriter.Job.marks();
                            done.patientDone = patient;
                            submitQuietly(done).join();
                            completed.add(patient);
                            patientsDone.incrementAndGet();
                            progress(false);
                        }
                    });
        }

        /** Patient/$everything; false when the server refuses it (then per-type searches run). */
        boolean everything(PatientState st, SyncPlan plan) {
            String key = "$everything";
            Map<String, String> q = new LinkedHashMap<>();
            q.put("_count", Integer.toString(http.options().pageSize()));
            String cursor = request.full() ? null : cache.cursor(org, st.patient, key).orElse(null);
            if (cursor != null) {
                q.put("_since", cursor);
            }
            URI first = http.uri("Patient/" + st.patient + "/$everything", q);
            try {
                pull(st, first, key, plan.types());
                return true;
            } catch (FhirException e) {
                if (e.kind() == FhirException.Kind.UNSUPPORTED || e.kind() == FhirException.Kind.NOT_FOUND
                        || e.kind() == FhirException.Kind.FORBIDDEN) {
                    LOG.info("{}: $everything refused ({}); per-type searches instead", org, e.kind());
                    return false;
                }
                fail(key + " " + st.patient, e, plan.types());
                return true;
            }
        }

        CompletableFuture<Boolean> searches(PatientState st, SyncPlan plan) {
            List<CompletableFuture<Boolean>> parts = new ArrayList<>();
            parts.add(CompletableFuture.supplyAsync(() -> readPatient(st), pool));
            for (SyncPlan.Search s : plan.searches()) {
                parts.add(CompletableFuture.supplyAsync(() -> search(st, s), pool));
            }
            return CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]))
                    .handle((v, e) -> parts.stream().allMatch(p -> p.isDone() && !p.isCompletedExceptionally()
                            && p.join()));
        }

        boolean readPatient(PatientState st) {
            try {
                BundlePage page = http.page(http.uri("Patient/" + st.patient, Map.of()));
                accept(st, page);
                return true;
            } catch (FhirException e) {
                fail("Patient/" + st.patient, e, Set.of());
                return false;
            }
        }

        boolean search(PatientState st, SyncPlan.Search s) {
            Map<String, String> q = new LinkedHashMap<>();
            if (s.category() != null) {
                q.put("category", s.category());
            }
            String cursor = request.full() ? null : cache.cursor(org, st.patient, s.key()).orElse(null);
            if (cursor != null) {
                q.put("_lastUpdated", "ge" + cursor);
            }
            URI first = http.searchUri(s.type(), st.patient, q);
            try {
                pull(st, first, s.key(), Set.of(s.type()));
                return true;
            } catch (FhirException e) {
                if (e.kind() == FhirException.Kind.FORBIDDEN) {
                    markUnavailable(s.type(), "not-granted", e.getMessage());
                    return true;
                }
                if (e.kind() == FhirException.Kind.UNSUPPORTED || e.kind() == FhirException.Kind.NOT_FOUND) {
                    markUnavailable(s.type(), "unsupported", e.getMessage());
                    return true;
                }
                fail(s.key() + " " + st.patient, e, Set.of(s.type()));
                return false;
            } catch (CancellationException e) {
                return false;
            }
        }

        void markUnavailable(String type, String state, String reason) {
            unavailable.put(type, state);
            CacheWriter.Job j = CacheWriter.Job.marks();
            j.unavailableTypes = Map.of(type, new String[] {state, reason});
            submitQuietly(j);
        }

        /** Follows one search/operation; the cursor advances with its last page only. */
        void pull(PatientState st, URI first, String cursorKey, Set<String> types) throws FhirException {
            String[] max = {null};
            String[] searchedAt = {null};
            http.pages(first, page -> {
                if (searchedAt[0] == null) {
                    searchedAt[0] = page.lastUpdated() == null ? "" : page.lastUpdated();
                }
                String m = accept(st, page);
                max[0] = later(max[0], m);
            }, this::isCancelled, parsers);
            // the server's time of the search is the safest next cursor (nothing changed before it
            // is missed); without one, the latest resource's lastUpdated
            if (searchedAt[0] != null && !searchedAt[0].isEmpty()) {
                max[0] = searchedAt[0];
            }
            CacheWriter.Job end = CacheWriter.Job.marks();
            end.cursorPatient = st.patient;
            end.cursorKey = cursorKey;
            end.cursorValue = later(max[0], request.full() ? null
                    : cache.cursor(org, st.patient, cursorKey).orElse(null));
            end.successTypes = types;
            submitQuietly(end);
        }

        /** Converts and queues one page; returns its latest meta.lastUpdated. */
        String accept(PatientState st, BundlePage page) {
            bytes.addAndGet(page.bytes());
            page.problems().forEach(problems::report);
            page.outcomes().forEach(o -> problems.report("The server added a note: " + o));
            List<StoredResource> rows = new ArrayList<>(page.resources().size());
            List<String> lu = new ArrayList<>(page.resources().size());
            String max = null;
            for (ReceivedResource r : page.resources()) {
                StoredResource row = row(r, st.patient);
                if (row == null) {
                    continue;
                }
                rows.add(row);
                lu.add(r.lastUpdated());
                max = later(max, r.lastUpdated());
                if (References.SHARED_TYPES.contains(r.type())) {
                    sharedReceived.add(r.type() + "/" + row.id());
                } else {
                    References.each(r.json(), (t, id) -> {
                        if (References.SHARED_TYPES.contains(t)) {
                            st.refs.add(t + "/" + id);
                        }
                    });
                }
            }
            if (!rows.isEmpty()) {
                submitQuietly(new CacheWriter.Job(rows, lu));
            }
            return max;
        }

        StoredResource row(ReceivedResource r, String contextPatient) {
            String id = r.id();
            if (id == null || id.isBlank()) {
                problems.report(r.type() + ": a resource without an id was skipped");
                return null;
            }
            problems.check(r);
            String patient;
            if ("Patient".equals(r.type())) {
                patient = id;
            } else if (References.SHARED_TYPES.contains(r.type())) {
                patient = null;
            } else if (contextPatient != null) {
                patient = contextPatient;
            } else {
                patient = r.patientId();
                if (patient == null) {
                    // e.g. Provenance: its patient is among its targets
                    String[] first = {null};
                    References.each(r.json(), (t, refId) -> {
                        if (first[0] == null && "Patient".equals(t)) {
                            first[0] = refId;
                        }
                    });
                    patient = first[0];
                }
            }
            return new StoredResource(org, r.type(), id, patient, r.effective(), r.status(), r.code(), r.json());
        }

        /** Fetches the shared resources this patient's chart references and the cache lacks. */
        boolean shared(PatientState st) {
            if (isCancelled()) {
                return false;
            }
            Map<String, List<String>> missing = new TreeMap<>();
            for (String ref : st.refs) {
                if (sharedReceived.contains(ref)) {
                    continue;
                }
                int slash = ref.indexOf('/');
                missing.computeIfAbsent(ref.substring(0, slash), t -> new ArrayList<>()).add(ref.substring(slash + 1));
            }
            boolean ok = true;
            Capabilities caps = capabilities();
            for (Map.Entry<String, List<String>> e : missing.entrySet()) {
                String type = e.getKey();
                if (!caps.supports(type)) {
                    unavailable.putIfAbsent(type, "unsupported");
                    continue;
                }
                List<String> ids = new ArrayList<>(e.getValue());
                if (!request.full()) {
                    Set<String> have = cache.sharedIds(org, type);
                    ids.removeIf(have::contains);
                }
                for (int i = 0; i < ids.size(); i += 100) {
                    List<String> part = ids.subList(i, Math.min(ids.size(), i + 100));
                    URI first = http.searchUri(type, null, Map.of("_id", String.join(",", part)));
                    try {
                        http.pages(first, page -> accept(st, page), this::isCancelled);
                    } catch (FhirException ex) {
                        if (ex.kind() == FhirException.Kind.FORBIDDEN) {
                            markUnavailable(type, "not-granted", ex.getMessage());
                        } else {
                            fail(type + " (referenced)", ex, Set.of(type));
                            ok = false;
                        }
                        break;
                    } catch (CancellationException ex) {
                        return false;
                    }
                }
                if (ok) {
                    CacheWriter.Job j = CacheWriter.Job.marks();
                    j.successTypes = Set.of(type);
                    submitQuietly(j);
                }
            }
            return ok;
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

        CompletableFuture<Void> submitQuietly(CacheWriter.Job j) {
            try {
                return writer.submit(j);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Sync cancelled");
            }
        }
    }

    /** One patient's references collected while its pages stream by. */
    private static final class PatientState {
        final String patient;
        final Set<String> refs = ConcurrentHashMap.newKeySet();

        PatientState(String patient) {
            this.patient = patient;
        }
    }

    /** The later of two lastUpdated values (instants compared as instants, else as text). */
    static String later(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        // Instant.parse costs microseconds and runs twice per resource received (a third of a
        // parse thread's time on the large chart): two UTC instants written alike (same length,
        // digits in the same places, 'Z') order as their text does, so only others are parsed
        if (a.length() == b.length() && isPlainUtcInstant(a) && isPlainUtcInstant(b)) {
            return a.compareTo(b) < 0 ? b : a;
        }
        try {
            return Instant.parse(a).isBefore(Instant.parse(b)) ? b : a;
        } catch (DateTimeParseException e) {
            return a.compareTo(b) < 0 ? b : a;
        }
    }

    private static final int[] INSTANT_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} with ASCII digits exactly where the pattern has them. */
    static boolean isPlainUtcInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return false;
        }
        for (int i : INSTANT_DIGITS) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        if (n == 20) {
            return true;
        }
        if (s.charAt(19) != '.' || n == 21) {
            return false;
        }
        for (int i = 20; i < n - 1; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
