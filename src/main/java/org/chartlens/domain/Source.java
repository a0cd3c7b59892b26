package org.chartlens.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one row of a view came from: the organization and the resource it was built from, named
 * (organization, type, id) so "raw JSON and source" can read what the server actually sent from the
 * cache when the user asks; the JSON itself is not kept here. {@code keys} are what a person's
 * merge matches on besides the item's own fields, read from the parsed resource when the chart was
 * parsed. In a person's chart (several linked records, issue 14) one row can stand for the same
 * fact recorded at several organizations: {@code others} are the other organizations' resources for
 * it and {@code differences} what they disagree on, value by value (never a silent pick). A single
 * record's rows have neither. Immutable.
 *
 * @param org         organization id
 * @param type        resourceType
 * @param id          logical id
 * @param keys        the resource's business identifiers and codings, {@link Keys#NONE} when it has none
 * @param others      the same fact as other records hold it (no further nesting), may be empty
 * @param differences per field, each organization's value, where they differ; may be empty
 */
public record Source(String org, String type, String id, Keys keys, List<Source> others,
                     List<Difference> differences) {

    public Source {
        keys = keys == null ? Keys.NONE : keys;
        others = others == null ? List.of() : List.copyOf(others);
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** One resource of one organization (a single record's row) with the keys read from it. */
    public Source(String org, String type, String id, Keys keys) {
        this(org, type, id, keys, List.of(), List.of());
    }

    /** One resource of one organization without identifiers or codings. */
    public Source(String org, String type, String id) {
        this(org, type, id, Keys.NONE, List.of(), List.of());
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
        return others.isEmpty() && differences.isEmpty() ? this : new Source(org, type, id, keys);
    }

    /** This resource standing for the same fact at {@code more} records, with their differences. */
    public Source mergedWith(List<Source> more, List<Difference> diffs) {
        return new Source(org, type, id, keys, more, diffs);
    }

    /**
     * What a person's merge matches a resource on besides its fields, read once from the parsed
     * resource: its business identifiers ({@code identifier[]}, "normalised system|value") and
     * the codings of its {@code code} (Conditions; every coding, not just the one shown).
     *
     * @param identifiers "system|value" per identifier with both parts, system normalised
     * @param codings     every coding of the resource's code with a code, in order
     */
    public record Keys(List<String> identifiers, List<Coding> codings) {
        public static final Keys NONE = new Keys(List.of(), List.of());

        public Keys {
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
            codings = codings == null ? List.of() : List.copyOf(codings);
        }
    }

    /**
     * One coding of a resource's code.
     *
     * @param system the code system URI as given, or null
     * @param code   the code as given
     */
    public record Coding(String system, String code) {
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
