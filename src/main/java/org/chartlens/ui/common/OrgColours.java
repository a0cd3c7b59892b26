package org.chartlens.ui.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one place an organization gets its colour (issue 14): the worklist's chips, a chart's
 * chips, its trend charts and its timeline lanes all ask an {@link OrgLegend} built on the same
 * {@code OrgColours}, so one organization has one colour everywhere. Colours go by the
 * organization ids in sorted order (not by the order of a chart's records), so every view that
 * knows the same organizations agrees, and an organization keeps its colour for as long as the
 * set of organizations stays the same. The Okabe-Ito palette (distinguishable with the common
 * colour-vision deficiencies); a seventh organization repeats the first colour (the name is always
 * beside the colour). Immutable, thread safe.
 */
public final class OrgColours {
    /** Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish purple, sky blue, vermillion. */
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};

    public static final OrgColours NONE = new OrgColours(Map.of());

    private final Map<String, Integer> slots;

    private OrgColours(Map<String, Integer> slots) {
        this.slots = Map.copyOf(slots);
    }

    /** Colours for these organizations (all the ones the user can see), by sorted id. */
    public static OrgColours of(Collection<String> orgs) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (String o : new TreeSet<>(orgs)) {
            slots.put(o, slots.size());
        }
        return new OrgColours(slots);
    }

    /**
     * These colours, plus {@code more} organizations they did not know (a chart opened before the
     * worklist read them): the known keep theirs, the new ones take the next slots in sorted order.
     */
    public OrgColours including(Collection<String> more) {
        Map<String, Integer> out = new LinkedHashMap<>(slots);
        for (String o : new TreeSet<>(more)) {
            out.putIfAbsent(o, out.size());
        }
        return out.size() == slots.size() ? this : new OrgColours(out);
    }

    /** "#0072B2": the organization's colour (web hex). */
    public String colour(String org) {
        Integer i = slots.get(org);
        return PALETTE[(i == null ? Math.floorMod(org.hashCode(), PALETTE.length) : i) % PALETTE.length];
    }
}
