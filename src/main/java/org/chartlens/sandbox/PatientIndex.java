package org.chartlens.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The demo EHR's index of its Patients' demographics, what a real server's search index is: the
 * folded names and their words (sorted, for "starts with"), birth dates (sorted, for a date's
 * prefix) and identifier values. A Patient search reads its candidates here instead of going
 * through every Patient, so finding one patient costs about the same at 10,012 patients as at 12
 * (issue 15, bench row 10). The index only narrows: {@link PatientSearch#filter} still decides each
 * match. Built on first use and again after Patients change ({@link ServedResources#changes}).
 * Thread safe.
 */
final class PatientIndex {
    private static final Pattern DATE_PREFIX = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final Function<StoredEntry, PatientSearch.Demographics> demographics;
    private Built built;

    PatientIndex(Function<StoredEntry, PatientSearch.Demographics> demographics) {
        this.demographics = demographics;
    }

    /** The Patients that may match, in load order; null when no parameter narrows by the index. */
    List<StoredEntry> candidates(ServedResources data, Map<String, List<String>> params) {
        Built index = built(data);
        Set<StoredEntry> best = null;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String name = PatientSearch.base(p.getKey());
            String modifier = p.getKey().contains(":") ? p.getKey().substring(p.getKey().indexOf(':') + 1) : "";
            for (String value : p.getValue()) {
                Set<StoredEntry> hit = index.lookup(name, modifier, value);
                if (hit != null && (best == null || hit.size() < best.size())) {
                    best = hit;
                }
            }
        }
        if (best == null) {
            return null;
        }
        List<StoredEntry> out = new ArrayList<>(best);
        out.sort(Comparator.comparingInt(index.order::get));
        return out;
    }

    private synchronized Built built(ServedResources data) {
        long version = data.changes("Patient");
        if (built == null || built.version != version) {
            built = new Built(version, data.ofType("Patient"), demographics);
        }
        return built;
    }

    private static final class Built {
        final long version;
        final Map<StoredEntry, Integer> order = new IdentityHashMap<>();
        final Map<String, NavigableMap<String, List<StoredEntry>>> strings = new HashMap<>();
        final NavigableMap<String, List<StoredEntry>> birthDates = new TreeMap<>();
        final Map<String, List<StoredEntry>> identifiers = new HashMap<>();

        Built(long version, List<StoredEntry> patients, Function<StoredEntry, PatientSearch.Demographics> read) {
            this.version = version;
            for (String p : List.of("name", "family", "given")) {
                strings.put(p, new TreeMap<>());
            }
            for (StoredEntry e : patients) {
                order.put(e, order.size());
                PatientSearch.Demographics d = read.apply(e);
                strings.forEach((param, map) -> d.keys(param).forEach(k -> add(map, k, e)));
                if (d.birthDate() != null) {
                    add(birthDates, d.birthDate(), e);
                }
                for (String[] i : d.identifiers()) {
                    if (i[1] != null) {
                        add(identifiers, i[1], e);
                    }
                }
            }
        }

        private static void add(Map<String, List<StoredEntry>> map, String key, StoredEntry e) {
            List<StoredEntry> l = map.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (l.isEmpty() || l.get(l.size() - 1) != e) {
                l.add(e);
            }
        }

        /** The union over a parameter's comma-separated values; null when one of them is not indexed. */
        Set<StoredEntry> lookup(String name, String modifier, String value) {
            Set<StoredEntry> out = Collections.newSetFromMap(new IdentityHashMap<>());
            for (String v : value.split(",")) {
                if (!one(name, modifier, v, out)) {
                    return null;
                }
            }
            return out;
        }

        private boolean one(String name, String modifier, String value, Set<StoredEntry> out) {
            NavigableMap<String, List<StoredEntry>> words = strings.get(name);
            if (words != null) {
                String w = PatientSearch.fold(value);
                if (w.isEmpty() || "contains".equals(modifier)) {
                    return false;
                }
                if ("exact".equals(modifier)) {
                    out.addAll(words.getOrDefault(w, List.of()));
                } else {
                    words.subMap(w, true, w + Character.MAX_VALUE, true).values().forEach(out::addAll);
                }
                return true;
            }
            if ("birthdate".equals(name)) {
                String v = value.startsWith("eq") ? value.substring(2) : value;
                if (!DATE_PREFIX.matcher(v).matches()) {
                    return false;
                }
                birthDates.subMap(v, true, v + Character.MAX_VALUE, true).values().forEach(out::addAll);
                return true;
            }
            if ("identifier".equals(name) && modifier.isEmpty()) {
                String v = value.substring(value.indexOf('|') + 1);
                if (v.isEmpty()) {
                    return false;
                }
                out.addAll(identifiers.getOrDefault(v, List.of()));
                return true;
            }
            return false;
        }
    }
}
