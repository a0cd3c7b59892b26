package org.chartlens.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.chartlens.fhir.FhirException;

/**
 * Fetches the shared resources (Practitioner, Organization, Location, Medication,
 * PractitionerRole) a patient's chart references and neither this run nor the cache has yet:
 * {@code Type?_id=a,b,...}, 100 ids a request. Runs on a fetch worker after the patient's
 * compartment pulls; one instance per patient.
 */
final class SharedFetch {
    private static final int IDS_PER_REQUEST = 100;

    private final SyncRun run;
    private final PatientPulls pulls;

    SharedFetch(SyncRun run, PatientPulls pulls) {
        this.run = run;
        this.pulls = pulls;
    }

    /** True when every missing type was fetched (or is not offered / not granted). */
    boolean fetch(Set<String> references) {
        if (run.isCancelled()) {
            return false;
        }
        Map<String, List<String>> missing = new TreeMap<>();
        for (String ref : references) {
            if (run.sharedReceived.contains(ref)) {
                continue;
            }
            int slash = ref.indexOf('/');
            missing.computeIfAbsent(ref.substring(0, slash), t -> new ArrayList<>()).add(ref.substring(slash + 1));
        }
        boolean ok = true;
        Capabilities caps = run.sync.capabilities();
        for (Map.Entry<String, List<String>> e : missing.entrySet()) {
            String type = e.getKey();
            if (!caps.supports(type)) {
                run.unavailable.putIfAbsent(type, "unsupported");
                continue;
            }
            List<String> ids = new ArrayList<>(e.getValue());
            if (!run.request.full()) {
                Set<String> have = run.cache.sharedIds(run.org, type);
                ids.removeIf(have::contains);
            }
            for (int i = 0; i < ids.size(); i += IDS_PER_REQUEST) {
                List<String> part = ids.subList(i, Math.min(ids.size(), i + IDS_PER_REQUEST));
                URI first = run.http.searchUri(type, null, Map.of("_id", String.join(",", part)));
                try {
                    run.http.pages(first, pulls::accept, run::isCancelled);
                } catch (FhirException ex) {
                    if (ex.kind() == FhirException.Kind.FORBIDDEN) {
                        run.markUnavailable(type, "not-granted", ex.getMessage());
                    } else {
                        run.fail(type + " (referenced)", ex, Set.of(type));
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
                run.submitQuietly(j);
            }
        }
        return ok;
    }
}
