package org.chartlens.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.chartlens.fhir.FhirClient;
import org.chartlens.fhir.FhirException;

/**
 * Fetches the shared resources (Practitioner, Organization, Location, Medication,
 * PractitionerRole) a patient's chart references and neither this run nor the cache has yet:
 * {@code Type?_id=a,b,...}, 100 ids a request; then the Provider Directory roles of the
 * practitioners the chart references ({@code PractitionerRole?practitioner=Practitioner/a,...},
 * where the server lists that search; once per practitioner and run). Runs on a fetch worker
 * after the patient's compartment pulls (one instance per patient), and after a bulk export
 * (the directory resources an export leaves out).
 */
final class SharedFetch {
    private static final int IDS_PER_REQUEST = 100;
    private static final int PRACTITIONERS_PER_REQUEST = 50;

    private final SyncRun run;
    private final FhirClient.PageSink pulls;

    /** @param sink where fetched pages go (a patient's pulls, or the bulk run's ingest) */
    SharedFetch(SyncRun run, FhirClient.PageSink sink) {
        this.run = run;
        this.pulls = sink;
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
            if (!caps.searchable(type)) {
                // read by id only (Credible's Medication): one read per resource
                ok &= readEach(type, ids);
                continue;
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
        return roles(references) && ok;
    }

    /** {@code Type/id} for each id; a 404 is skipped (a dangling reference), a 403 marks the type not granted. */
    private boolean readEach(String type, List<String> ids) {
        for (String id : ids) {
            try {
                pulls.accept(run.http.page(run.http.uri(type + "/" + id, Map.of())));
            } catch (FhirException ex) {
                if (ex.kind() == FhirException.Kind.FORBIDDEN) {
                    run.markUnavailable(type, "not-granted", ex.getMessage());
                    return true;
                }
                if (ex.status() != 404) {
                    run.fail(type + " (referenced)", ex, Set.of(type));
                    return false;
                }
            } catch (CancellationException ex) {
                return false;
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
        CacheWriter.Job j = CacheWriter.Job.marks();
        j.successTypes = Set.of(type);
        run.submitQuietly(j);
        return true;
    }

    /** The PractitionerRoles of the referenced practitioners not yet asked about in this run. */
    private boolean roles(Set<String> references) {
        Capabilities caps = run.sync.capabilities();
        Set<String> scopes = run.request.grantedScopes();
        if (!caps.known() || !caps.supports("PractitionerRole") || !caps.supportsSearchParam("PractitionerRole", "practitioner")
                || (scopes != null && !Planner.granted(scopes, "PractitionerRole"))) {
            return true;
        }
        List<String> ask = new ArrayList<>();
        for (String ref : references) {
            if (ref.startsWith("Practitioner/") && run.rolesAsked.add(ref)) {
                ask.add(ref);
            }
        }
        for (int i = 0; i < ask.size(); i += PRACTITIONERS_PER_REQUEST) {
            List<String> part = ask.subList(i, Math.min(ask.size(), i + PRACTITIONERS_PER_REQUEST));
            URI first = run.http.searchUri("PractitionerRole", null, Map.of("practitioner", String.join(",", part)));
            try {
                run.http.pages(first, pulls::accept, run::isCancelled);
            } catch (FhirException ex) {
                if (ex.kind() == FhirException.Kind.FORBIDDEN) {
                    run.markUnavailable("PractitionerRole", "not-granted", ex.getMessage());
                    return true;
                }
                run.fail("PractitionerRole (directory)", ex, Set.of("PractitionerRole"));
                return false;
            } catch (CancellationException ex) {
                return false;
            }
        }
        if (!ask.isEmpty()) {
            CacheWriter.Job j = CacheWriter.Job.marks();
            j.successTypes = Set.of("PractitionerRole");
            run.submitQuietly(j);
        }
        return true;
    }
}
