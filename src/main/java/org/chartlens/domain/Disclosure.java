package org.chartlens.domain;

/**
 * How much of a chart a read may show (issue 18, decision 0701): restricted records masked (the
 * default) or shown because the user broke the glass; and whether ChartLens's own inference from
 * codes adds to the servers' labels (a setting, off by default). Immutable.
 *
 * @param showRestricted true only after breaking the glass for this person (audited by the caller)
 * @param infer          also treat as restricted what ChartLens infers from codes
 */
public record Disclosure(boolean showRestricted, boolean infer) {
    /** Restricted records hidden, servers' labels only. */
    public static final Disclosure MASKED = new Disclosure(false, false);

    /** The same, with the restricted records shown. */
    public Disclosure shown() {
        return new Disclosure(true, infer);
    }
}
