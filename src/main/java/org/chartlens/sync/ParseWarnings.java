package org.chartlens.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chartlens.fhir.EffectiveDates;
import org.chartlens.fhir.ReceivedResource;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * Lenient-parsing reports: each kind of oddity (a date not in FHIR format, an unknown resource
 * type, an unreadable entry) is told to the listener once and counted; the data is kept as
 * given. Messages carry types and counts only, never values (they could be PHI). Thread safe.
 */
final class ParseWarnings {
    private final SyncListener listener;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    ParseWarnings(SyncListener listener) {
        this.listener = listener;
    }

    void report(String kind) {
        boolean first;
        synchronized (counts) {
            first = counts.merge(kind, 1, Integer::sum) == 1;
        }
        if (first) {
            listener.problem(kind);
        }
    }

    /** Reports what is odd about one resource (kept as it is). */
    void check(ReceivedResource r) {
        if (r.effective() != null && !EffectiveDates.isFhirDate(r.effective())) {
            report(r.type() + ": dates not in FHIR format, kept as given");
        }
        if (!known(r.type())) {
            report(r.type() + ": not a FHIR R4 resource type, kept as given");
        }
    }

    /** Types found known so far: at most the ~150 R4 types, so bounded whatever a server sends. */
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    static boolean known(String type) {
        if (type != null && KNOWN.contains(type)) {
            return true;
        }
        try {
            // fromCode compares against every type name in turn; it runs once per type, not per resource
            ResourceType.fromCode(type);
            if (type != null) {
                KNOWN.add(type);
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** "kind (N)" lines in first-seen order. */
    List<String> lines() {
        synchronized (counts) {
            List<String> out = new ArrayList<>();
            counts.forEach((k, n) -> out.add(n == 1 ? k : k + " (" + n + ")"));
            return out;
        }
    }
}
