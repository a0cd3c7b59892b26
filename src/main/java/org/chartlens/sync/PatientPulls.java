package org.chartlens.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.chartlens.fhir.BundlePage;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One patient's part of a sync: {@code Patient/$everything} where offered (per-type searches as
 * the fallback), else the Patient and one search per planned type, on the run's fetch workers;
 * then the shared resources the chart references ({@link SharedFetch}). Each search's cursor is
 * queued after its last page, and the patient is marked synced only when every pull succeeded.
 * Thread safe: the pulls of one patient run concurrently and add to one set of references.
 */
final class PatientPulls {
    private static final Logger LOG = LoggerFactory.getLogger(PatientPulls.class);

    private final SyncRun run;
    private final FhirHttp http;
    private final String patient;
    private final SyncPlan plan;
    /** Shared resources this patient's chart references, as "Type/id", collected as pages arrive. */
    private final Set<String> references = ConcurrentHashMap.newKeySet();

    PatientPulls(SyncRun run, String patient, SyncPlan plan) {
        this.run = run;
        this.http = run.http;
        this.patient = patient;
        this.plan = plan;
    }

    /** Starts the pulls on the run's workers; completes when the patient is done (or failed). */
    CompletableFuture<Void> start() {
        Reconciliation reconciliation = new Reconciliation(run, patient, plan);
        // what was cached before this run's pulls: only those can have been removed at the server since
        CompletableFuture<Map<String, Set<String>>> before =
                CompletableFuture.supplyAsync(reconciliation::cachedBefore, run.pool);
        CompletableFuture<Boolean> compartment;
        if (plan.everything()) {
            compartment = before.thenApplyAsync(b -> everything(), run.pool)
                    .thenCompose(ok -> ok ? CompletableFuture.completedFuture(true) : searches());
        } else {
            compartment = before.thenCompose(b -> searches());
        }
        return compartment
                .thenApplyAsync(ok -> new SharedFetch(run, this::accept).fetch(references) && ok, run.pool)
                .thenApplyAsync(ok -> {
                    if (ok && !run.isCancelled()) {
                        reconciliation.run(before.join());
                    }
                    return ok;
                }, run.pool)
                .thenAccept(ok -> {
                    if (ok && !run.isCancelled()) {
                        run.patientDone(patient);
                    }
                });
    }

    /** Patient/$everything; false when the server refuses it (then per-type searches run). */
    private boolean everything() {
        String key = "$everything";
        Map<String, String> q = new LinkedHashMap<>();
        q.put("_count", Integer.toString(http.options().pageSize()));
        String cursor = run.cursor(patient, key);
        if (cursor != null) {
            q.put("_since", cursor);
        }
        URI first = http.uri("Patient/" + patient + "/$everything", q);
        try {
            pull(first, key, plan.types());
            return true;
        } catch (FhirException e) {
            if (e.kind() == FhirException.Kind.UNSUPPORTED || e.kind() == FhirException.Kind.NOT_FOUND
                    || e.kind() == FhirException.Kind.FORBIDDEN) {
                LOG.info("{}: $everything refused ({}); per-type searches instead", run.org, e.kind());
                return false;
            }
            run.fail(key + " " + patient, e, plan.types());
            return true;
        }
    }

    private CompletableFuture<Boolean> searches() {
        List<CompletableFuture<Boolean>> parts = new ArrayList<>();
        parts.add(CompletableFuture.supplyAsync(this::readPatient, run.pool));
        for (SyncPlan.Search s : plan.searches()) {
            parts.add(CompletableFuture.supplyAsync(() -> search(s), run.pool));
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]))
                .handle((v, e) -> parts.stream().allMatch(p -> p.isDone() && !p.isCompletedExceptionally()
                        && p.join()));
    }

    private boolean readPatient() {
        try {
            accept(http.page(http.uri("Patient/" + patient, Map.of())));
            return true;
        } catch (FhirException e) {
            run.fail("Patient/" + patient, e, Set.of());
            return false;
        }
    }

    private boolean search(SyncPlan.Search s) {
        Map<String, String> q = new LinkedHashMap<>();
        if (s.category() != null) {
            q.put("category", s.category());
        }
        String cursor = run.cursor(patient, s.key());
        if (cursor != null) {
            q.put("_lastUpdated", "ge" + cursor);
        }
        URI first = http.searchUri(s.type(), patient, q);
        try {
            pull(first, s.key(), Set.of(s.type()));
            return true;
        } catch (FhirException e) {
            if (e.kind() == FhirException.Kind.FORBIDDEN) {
                run.markUnavailable(s.type(), "not-granted", e.getMessage());
                return true;
            }
            if (e.kind() == FhirException.Kind.UNSUPPORTED || e.kind() == FhirException.Kind.NOT_FOUND) {
                run.markUnavailable(s.type(), "unsupported", e.getMessage());
                return true;
            }
            run.fail(s.key() + " " + patient, e, Set.of(s.type()));
            return false;
        } catch (CancellationException e) {
            return false;
        }
    }

    /** Follows one search/operation; the cursor advances with its last page only. */
    private void pull(URI first, String cursorKey, Set<String> types) throws FhirException {
        String[] max = {null};
        String[] searchedAt = {null};
        http.pages(first, page -> {
            if (searchedAt[0] == null) {
                searchedAt[0] = page.lastUpdated() == null ? "" : page.lastUpdated();
            }
            max[0] = LastUpdated.later(max[0], accept(page));
        }, run::isCancelled, run.parsers);
        // the server's time of the search is the safest next cursor (nothing changed before it
        // is missed); without one, the latest resource's lastUpdated
        if (searchedAt[0] != null && !searchedAt[0].isEmpty()) {
            max[0] = searchedAt[0];
        }
        CacheWriter.Job end = CacheWriter.Job.marks();
        end.cursorPatient = patient;
        end.cursorKey = cursorKey;
        end.cursorValue = LastUpdated.later(max[0], run.cursor(patient, cursorKey));
        end.successTypes = types;
        run.submitQuietly(end);
    }

    /** Queues one page of this patient's resources; returns its latest meta.lastUpdated. */
    String accept(BundlePage page) {
        run.bytes.addAndGet(page.bytes());
        page.problems().forEach(run.problems::report);
        page.outcomes().forEach(o -> run.problems.report("The server added a note: " + o));
        Ingest.Batch b = run.acceptQuietly(page.resources(), patient);
        run.sharedReceived.addAll(b.sharedReceived());
        references.addAll(b.sharedReferenced());
        return b.latest();
    }
}
