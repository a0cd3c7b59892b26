package org.chartlens.fhir;

import org.chartlens.domain.Compartment;
import org.chartlens.domain.LiteralReference;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Finds {@code "reference": "..."} values in raw resource JSON with a text scan (no parse), for
 * collecting the Practitioner / Organization / Location / Medication a chart refers to.
 * Stateless and thread safe; linear in the JSON length.
 */
public final class References {
    private static final String KEY = "\"reference\"";

    /** Types ChartLens keeps once per organization rather than per patient (defined in Compartment). */
    public static final Set<String> SHARED_TYPES = Compartment.SHARED_TYPES;

    private References() {
    }

    /** Calls {@code sink(type, id)} for every literal reference ("Type/id", absolute or relative). */
    public static void each(String json, BiConsumer<String, String> sink) {
        int i = 0;
        int n = json.length();
        while ((i = json.indexOf(KEY, i)) >= 0) {
            i += KEY.length();
            while (i < n && Character.isWhitespace(json.charAt(i))) {
                i++;
            }
            if (i >= n || json.charAt(i) != ':') {
                continue;
            }
            i++;
            while (i < n && Character.isWhitespace(json.charAt(i))) {
                i++;
            }
            if (i >= n || json.charAt(i) != '"') {
                continue;
            }
            int end = json.indexOf('"', i + 1);
            if (end < 0) {
                return;
            }
            literal(json.substring(i + 1, end), sink);
            i = end + 1;
        }
    }

    static void literal(String ref, BiConsumer<String, String> sink) {
        LiteralReference r = LiteralReference.parse(ref);
        if (r != null) {
            sink.accept(r.type(), r.id());
        }
    }
}
