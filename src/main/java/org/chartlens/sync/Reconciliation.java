package org.chartlens.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.ReceivedResource;

/**
 * Notices resources removed at the server (an incremental {@code _lastUpdated} search never lists
 * them): for each type of one patient's chart that was cached before this run, the server's ids
 * ({@code Type?patient=ID&_elements=id}, paged; per category where the server needs one) are
 * compared with the cached ids; each cached id the server no longer lists is read once
 * ({@code Type/id}) and only a 404 / 410 marks it removed (a resource reached by {@code $everything}
 * through another reference stays). A listing that fails leaves that type alone. Runs on a fetch
 * worker after the patient's pulls; one instance per patient.
 */
final class Reconciliation {
    private final SyncRun run;
    private final String patient;
    private final SyncPlan plan;

    Reconciliation(SyncRun run, String patient, SyncPlan plan) {
        this.run = run;
        this.patient = patient;
        this.plan = plan;
    }

    /** The types worth reconciling and their cached ids, read before the pulls start. */
    Map<String, Set<String>> cachedBefore() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String type : searchedTypes()) {
            Set<String> ids = run.cache.chartIds(run.org, patient, type);
            if (!ids.isEmpty()) {
                out.put(type, ids);
            }
        }
        return out;
    }

    /** Marks what the server no longer has; returns how many. */
    int run(Map<String, Set<String>> before) {
        List<String[]> removed = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : before.entrySet()) {
            if (run.isCancelled()) {
                return 0;
            }
            String type = e.getKey();
            Set<String> atServer = serverIds(type);
            if (atServer == null) {
                continue;
            }
            for (String id : e.getValue()) {
                if (!atServer.contains(id) && gone(type, id)) {
                    removed.add(new String[] {type, id, patient});
                }
            }
        }
        if (!removed.isEmpty()) {
            CacheWriter.Job j = CacheWriter.Job.marks();
            j.removals = removed;
            run.submitQuietly(j).join();
            run.problems.report(removed.size() == 1 ? "1 resource no longer at the server was marked removed"
                    : removed.size() + " resources no longer at the server were marked removed");
        }
        return removed.size();
    }

    private Set<String> searchedTypes() {
        Set<String> types = new java.util.TreeSet<>();
        for (SyncPlan.Search s : plan.searches()) {
            types.add(s.type());
        }
        return types;
    }

    /** Every id the server lists for the type in this patient's compartment, or null when the listing failed. */
    private Set<String> serverIds(String type) {
        List<String> categories = new ArrayList<>();
        for (SyncPlan.Search s : plan.searches()) {
            if (s.type().equals(type)) {
                categories.add(s.category());
            }
        }
        Set<String> ids = new HashSet<>();
        try {
            for (String category : categories) {
                Map<String, String> q = new LinkedHashMap<>();
                q.put("_elements", "id");
                if (category != null) {
                    q.put("category", category);
                }
                URI first = run.http.searchUri(type, patient, q);
                run.http.pages(first, page -> {
                    run.bytes.addAndGet(page.bytes());
                    for (ReceivedResource r : page.resources()) {
                        if (type.equals(r.type()) && r.id() != null) {
                            ids.add(r.id());
                        }
                    }
                }, run::isCancelled);
            }
        } catch (FhirException e) {
            return null;
        }
        return run.isCancelled() ? null : ids;
    }

    /** True when a read of the resource says it is gone (404 or 410). */
    private boolean gone(String type, String id) {
        try {
            run.http.page(run.http.uri(type + "/" + id, Map.of()));
            return false;
        } catch (FhirException e) {
            return e.status() == 404 || e.status() == 410;
        }
    }
}
