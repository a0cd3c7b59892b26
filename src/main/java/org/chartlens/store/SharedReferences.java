package org.chartlens.store;

import org.chartlens.domain.LiteralReference;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds references to shared resources (Practitioner, Organization, Location, Medication,
 * PractitionerRole) in raw resource JSON by scanning for {@code "reference":"...Type/id"}.
 * A text scan instead of a parse: reading a 29 MB chart must stay well under 150 ms.
 * Stateless and thread safe.
 */
final class SharedReferences {
    private static final String KEY = "\"reference\"";

    private SharedReferences() {
    }

    static void collect(String json, Map<String, Set<String>> into) {
        int i = 0;
        while ((i = json.indexOf(KEY, i)) >= 0) {
            i += KEY.length();
            int q = skipToValue(json, i);
            if (q < 0) {
                continue;
            }
            int end = json.indexOf('"', q + 1);
            if (end < 0) {
                return;
            }
            add(json.substring(q + 1, end), into);
            i = end + 1;
        }
    }

    private static int skipToValue(String json, int i) {
        int n = json.length();
        while (i < n && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        if (i >= n || json.charAt(i) != ':') {
            return -1;
        }
        i++;
        while (i < n && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i < n && json.charAt(i) == '"' ? i : -1;
    }

    static void add(String ref, Map<String, Set<String>> into) {
        LiteralReference r = LiteralReference.parse(ref);
        if (r != null && ChartCache.SHARED_TYPES.contains(r.type())) {
            into.computeIfAbsent(r.type(), t -> new TreeSet<>()).add(r.id());
        }
    }
}
