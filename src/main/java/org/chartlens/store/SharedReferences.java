package org.chartlens.store;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chartlens.domain.Compartment;
import org.chartlens.domain.LiteralReference;

/**
 * Finds references to shared resources (Practitioner, Organization, Location, Medication,
 * PractitionerRole) in the stored JSON of a chart, which is read back without a parse: reading a
 * 29 MB chart must stay well under 150 ms. On the way in the same references are taken from the
 * stream parse (fhir.ResourceFields); this is the read side's only scan.
 *
 * <p>The stored JSON is valid (it was parsed when it arrived), so a {@code "reference"} followed
 * by {@code :} is a member name unless its opening quote is escaped (a name that merely ends in
 * {@code \"reference}); the value ends at the first unescaped quote and is unescaped
 * ({@code \/}, {@code \"}, {@code \u0041}) before {@link LiteralReference} reads it. Stateless
 * and thread safe; linear in the JSON length.
 */
final class SharedReferences {
    private static final String KEY = "\"reference\"";

    private SharedReferences() {
    }

    static void collect(String json, Map<String, Set<String>> into) {
        int i = 0;
        while ((i = json.indexOf(KEY, i)) >= 0) {
            int at = i;
            i += KEY.length();
            if (escaped(json, at)) {
                continue;
            }
            int q = skipToValue(json, i);
            if (q < 0) {
                continue;
            }
            int end = endOfString(json, q);
            if (end < 0) {
                return;
            }
            if (mayBeShared(json, q + 1, end)) {
                add(unescape(json, q + 1, end), into);
            }
            i = end + 1;
        }
    }

    /**
     * False when the reference text between {@code from} and {@code to} cannot name a shared
     * type, decided without a copy: its type segment (between the last two slashes) is none of
     * them. Text with an escape or {@code _} (a {@code /_history/} version) is left to
     * {@link LiteralReference}. Most references of a chart (Patient, Encounter, Observation) end
     * here, which halves the read's own work (issue 21).
     */
    static boolean mayBeShared(String json, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = json.charAt(k);
            if (c == '\\' || c == '_') {
                return true;
            }
        }
        int slash = json.lastIndexOf('/', to - 1);
        if (slash < from) {
            return false;
        }
        int start = Math.max(from, json.lastIndexOf('/', slash - 1) + 1);
        int len = slash - start;
        for (String type : Compartment.SHARED_TYPES) {
            if (type.length() == len && json.regionMatches(start, type, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /** True when the quote at {@code quote} is preceded by an odd number of backslashes. */
    private static boolean escaped(String json, int quote) {
        int n = 0;
        for (int k = quote - 1; k >= 0 && json.charAt(k) == '\\'; k--) {
            n++;
        }
        return (n & 1) == 1;
    }

    /** The index of the quote closing the string opened at {@code open}, or -1. */
    private static int endOfString(String json, int open) {
        int k = open;
        while ((k = json.indexOf('"', k + 1)) >= 0) {
            if (!escaped(json, k)) {
                return k;
            }
        }
        return -1;
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

    /** The text of a JSON string's contents between {@code from} and {@code to}. */
    static String unescape(String json, int from, int to) {
        int b = from;
        while (b < to && json.charAt(b) != '\\') {
            b++;
        }
        if (b == to) {
            return json.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = json.charAt(k);
            if (c != '\\' || k + 1 >= to) {
                out.append(c);
                continue;
            }
            char e = json.charAt(++k);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = k + 4 < to ? hex(json, k + 1) : -1;
                    if (code >= 0) {
                        out.append((char) code);
                        k += 4;
                    } else {
                        out.append('\\').append(e);
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private static int hex(String json, int at) {
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(json.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    static void add(String ref, Map<String, Set<String>> into) {
        LiteralReference r = LiteralReference.parse(ref);
        if (r != null && Compartment.isShared(r.type())) {
            into.computeIfAbsent(r.type(), t -> new TreeSet<>()).add(r.id());
        }
    }
}
