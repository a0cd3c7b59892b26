package org.chartlens.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one row of a view came from: the organization and the resource, with its raw JSON so the
 * user can always see what the server actually sent. In a person's chart (several linked records,
 * issue 14) one row can stand for the same fact recorded at several organizations: {@code others}
 * are the other organizations' resources for it and {@code differences} what they disagree on,
 * value by value (never a silent pick). A single record's rows have neither. Immutable.
 *
 * @param org         organization id
 * @param type        resourceType
 * @param id          logical id
 * @param json        raw JSON as received (shared with the cache row, not copied)
 * @param others      the same fact as other records hold it (no further nesting), may be empty
 * @param differences per field, each organization's value, where they differ; may be empty
 */
public record Source(String org, String type, String id, String json, List<Source> others,
                     List<Difference> differences) {

    public Source {
        others = others == null ? List.of() : List.copyOf(others);
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** One resource of one organization (a single record's row). */
    public Source(String org, String type, String id, String json) {
        this(org, type, id, json, List.of(), List.of());
    }

    public String reference() {
        return type + "/" + id;
    }

    /** This resource and the others, first this one. */
    public List<Source> all() {
        if (others.isEmpty()) {
            return List.of(this);
        }
        List<Source> out = new ArrayList<>(others.size() + 1);
        out.add(withoutMerge());
        out.addAll(others);
        return out;
    }

    /** The organization ids that recorded this fact, in order, each once. */
    public List<String> orgs() {
        if (others.isEmpty()) {
            return List.of(org);
        }
        List<String> out = new ArrayList<>();
        out.add(org);
        for (Source s : others) {
            if (!out.contains(s.org())) {
                out.add(s.org());
            }
        }
        return out;
    }

    /** True when several records hold this fact. */
    public boolean isMerged() {
        return !others.isEmpty();
    }

    /** The difference on one field, or null when all sources agree on it. */
    public Difference difference(String field) {
        for (Difference d : differences) {
            if (d.field().equals(field)) {
                return d;
            }
        }
        return null;
    }

    /** This resource alone (without the others and differences). */
    public Source withoutMerge() {
        return others.isEmpty() && differences.isEmpty() ? this : new Source(org, type, id, json);
    }

    /** This resource standing for the same fact at {@code more} records, with their differences. */
    public Source mergedWith(List<Source> more, List<Difference> diffs) {
        return new Source(org, type, id, json, more, diffs);
    }

    /**
     * Organizations disagree on one field of a fact: each one's value, side by side.
     *
     * @param field  the field's name as views label it ("status", "onset", ...)
     * @param values each organization's value, in the order of the sources
     */
    public record Difference(String field, List<OrgValue> values) {
        public Difference {
            values = List.copyOf(values);
        }

        /** "active (clinic) · stopped (hospital)" with the given names for organization ids. */
        public String describe(java.util.function.Function<String, String> orgName) {
            StringBuilder sb = new StringBuilder();
            for (OrgValue v : values) {
                if (sb.length() > 0) {
                    sb.append(" · ");
                }
                sb.append(v.value().isEmpty() ? "(none)" : v.value()).append(" (").append(orgName.apply(v.org())).append(')');
            }
            return sb.toString();
        }
    }

    /** One organization's value of a field. */
    public record OrgValue(String org, String value) {
        public OrgValue {
            value = value == null ? "" : value;
        }
    }
}
