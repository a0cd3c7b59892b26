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
 * colour is never the only cue: the name is always beside it. Colours are the Okabe-Ito palette
 * (distinguishable with the common colour-vision deficiencies), in record order. Immutable.
 *
 * <p>While a chart's tab views are being built (FX thread, synchronously) the chart's legend is
 * {@link #current()}, so shared table helpers ({@link Tables#withSource}) name organizations
 * without every builder passing it along.
 */
public final class OrgLegend {
    /** Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish purple, sky blue, vermillion. */
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};

    public static final OrgLegend NONE = new OrgLegend(List.of(), id -> id);

    private static OrgLegend current = NONE;

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Function<String, String> fallback;

    /** @param orgs the chart's organizations in record order; {@code names} is applied once to each */
    public OrgLegend(List<String> orgs, Function<String, String> names) {
        this.fallback = names;
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

    /** "#0072B2": the organization's colour (web hex), stable for this chart. */
    public String colour(String org) {
        Integer i = index.get(org);
        return PALETTE[(i == null ? Math.floorMod(org.hashCode(), PALETTE.length) : i) % PALETTE.length];
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
