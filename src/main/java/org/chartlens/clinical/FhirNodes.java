package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Coded;
import org.chartlens.domain.LiteralReference;

/**
 * Small readers over Jackson trees of FHIR JSON. Every reader tolerates missing and wrongly
 * typed elements (returns "" / NONE). Stateless, thread safe.
 */
final class FhirNodes {
    private FhirNodes() {
    }

    /** Text at a path of field names, or "" when absent or not a scalar. */
    static String text(JsonNode n, String... path) {
        JsonNode c = at(n, path);
        return c != null && c.isValueNode() ? c.asText() : "";
    }

    static JsonNode at(JsonNode n, String... path) {
        JsonNode c = n;
        for (String p : path) {
            if (c == null) {
                return null;
            }
            c = c.isArray() ? c.path(0).get(p) : c.get(p);
        }
        return c == null || c.isNull() || c.isMissingNode() ? null : c;
    }

    static ChartDate date(JsonNode n, String... path) {
        String t = text(n, path);
        return t.isEmpty() ? ChartDate.NONE : ChartDates.parse(t);
    }

    /** A CodeableConcept (or a bare Coding) as {@link Coded}; prefers a coding with display. */
    static Coded coded(JsonNode cc) {
        if (cc == null || cc.isMissingNode() || cc.isNull()) {
            return Coded.NONE;
        }
        if (cc.isArray()) {
            return coded(cc.path(0));
        }
        String text = cc.path("text").asText("");
        JsonNode codings = cc.get("coding");
        JsonNode best = null;
        if (codings != null && codings.isArray()) {
            for (JsonNode c : codings) {
                if (best == null || (!best.hasNonNull("display") && c.hasNonNull("display"))) {
                    best = c;
                }
            }
        } else if (cc.has("code") || cc.has("system")) {
            best = cc;
        }
        if (best == null) {
            return text.isEmpty() ? Coded.NONE : new Coded(null, null, null, text);
        }
        String system = best.hasNonNull("system") ? best.get("system").asText() : null;
        String code = best.hasNonNull("code") ? best.get("code").asText() : null;
        String display = !text.isEmpty() ? text : best.path("display").asText(null);
        return new Coded(CodeSystems.name(system), system, code, display);
    }

    /** The first coding's code of a CodeableConcept (e.g. a status), or "". */
    static String code(JsonNode cc) {
        if (cc == null) {
            return "";
        }
        if (cc.isTextual()) {
            return cc.asText();
        }
        if (cc.isArray()) {
            cc = cc.path(0);
        }
        String c = cc.path("coding").path(0).path("code").asText("");
        return c.isEmpty() ? cc.path("text").asText("") : c;
    }

    /** A Reference's display, else its reference text, else "". */
    static String ref(JsonNode r) {
        if (r == null) {
            return "";
        }
        if (r.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode e : r) {
                String s = ref(e.has("reference") || e.has("display") ? e : e.path("actor"));
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return String.join(", ", out);
        }
        String d = r.path("display").asText("");
        if (!d.isEmpty()) {
            return d;
        }
        return "";
    }

    /** The logical id a reference points to: "Observation/abc" or "urn:uuid:abc" -> "abc". */
    static String refId(JsonNode r) {
        String ref = r == null ? "" : r.path("reference").asText("");
        if (ref.isEmpty()) {
            return "";
        }
        LiteralReference literal = LiteralReference.parse(ref);
        if (literal != null) {
            return literal.id();
        }
        if (ref.startsWith("urn:uuid:")) {
            return ref.substring(9);
        }
        // a bare id; anything else (conditional, malformed) points nowhere in the chart
        return ref.indexOf('/') < 0 ? ref : "";
    }

    /** Displays of every CodeableConcept in an array, comma-joined. */
    static String displays(JsonNode arr) {
        if (arr == null || !arr.isArray()) {
            return arr == null ? "" : coded(arr).label();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode cc : arr) {
            Coded c = coded(cc);
            if (c != Coded.NONE) {
                out.add(c.label());
            }
        }
        return String.join(", ", out);
    }
}
