package org.chartlens.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.chartlens.domain.Source;

/**
 * The organizations of an open chart with a readable name and a consistent colour each (issue
 * 14): the views name every item's organizations when a chart shows several linked records. The
 * colour is never the only cue: the name is always beside it. Colours come from {@link OrgColours}
 * (the one place that assigns them, by organization id), so the worklist and the chart agree. Immutable.
 *
 * <p>While a chart's tab views are being built (FX thread, synchronously) the chart's legend is
 * {@link #current()}, so shared table helpers ({@link Tables#withSource}) name organizations
 * without every builder passing it along.
 */
public final class OrgLegend {
    public static final OrgLegend NONE = new OrgLegend(List.of(), id -> id, OrgColours.NONE);

    private static OrgLegend current = NONE;

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Function<String, String> fallback;
    private final OrgColours colours;

    /**
     * @param orgs the chart's organizations in record order; {@code names} is applied once to each;
     *             colours by these organizations' sorted ids
     */
    public OrgLegend(List<String> orgs, Function<String, String> names) {
        this(orgs, names, OrgColours.of(orgs));
    }

    /**
     * @param colours the colours every view uses (the worklist's, over all organizations); an
     *                organization they do not know is added to them
     */
    public OrgLegend(List<String> orgs, Function<String, String> names, OrgColours colours) {
        this.fallback = names;
        this.colours = colours.including(orgs);
        for (String o : orgs) {
            if (!index.containsKey(o)) {
                index.put(o, index.size());
                this.names.put(o, names.apply(o));
            }
        }
    }

    /** True when the chart shows records from more than one organization. */
    public boolean isPerson() {
        return index.size() > 1;
    }

    public List<String> orgs() {
        return List.copyOf(index.keySet());
    }

    /** The organization's readable name. */
    public String name(String org) {
        String n = names.get(org);
        return n != null ? n : fallback.apply(org);
    }

    /** "#0072B2": the organization's colour (web hex), the same in every view ({@link OrgColours}). */
    public String colour(String org) {
        return colours.colour(org);
    }

    /** The colours this legend uses, for another view's legend. */
    public OrgColours colours() {
        return colours;
    }

    /** "Riverside Clinic, St. Mary's Hospital" for a source's organizations. */
    public String names(Source s) {
        if (s == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String o : s.orgs()) {
            out.add(name(o));
        }
        return String.join(", ", out);
    }

    /** "status: active (A) · stopped (B); onset: ..." or "" when the organizations agree. */
    public String differences(Source s) {
        if (s == null || s.differences().isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Source.Difference d : s.differences()) {
            out.add(d.field() + ": " + d.describe(this::name));
        }
        return String.join("; ", out);
    }

    /** The names of the chart's organizations that did not record this item ("" when all did). */
    public String missing(Source s) {
        if (s == null || !isPerson()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String o : index.keySet()) {
            if (!s.orgs().contains(o)) {
                out.add(name(o));
            }
        }
        return String.join(", ", out);
    }

    /** The legend in force while tab views are built (FX thread), {@link #NONE} otherwise. */
    public static OrgLegend current() {
        return current;
    }

    /** Builds a view with {@code legend} as {@link #current()} (FX thread). */
    public static <T> T building(OrgLegend legend, Supplier<T> build) {
        OrgLegend before = current;
        current = legend == null ? NONE : legend;
        try {
            return build.get();
        } finally {
            current = before;
        }
    }
}
