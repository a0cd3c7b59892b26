package org.chartlens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.chartlens.clinical.ChartData;
import org.chartlens.domain.HiddenRecord;
import org.chartlens.domain.Restrictions;
import org.chartlens.domain.Source;

/**
 * What the referral summary says about restricted records (issue 18, decision 0701). A masked chart:
 * how many were not included, from which organization and why, never what. A chart whose restricted
 * records are included (the glass broken and "include restricted records" chosen, both audited by the
 * caller): that they are, and each restricted row marked with its reason and, for a 42 CFR Part 2
 * record, the regulation's redisclosure notice ({@link Restrictions#PART2_NOTICE}). Pure.
 */
final class RestrictedContent {
    private RestrictedContent() {
    }

    /** The title block's lines; none when the chart has no restricted record. */
    static List<String> intro(ChartData chart, Function<String, String> names) {
        Restrictions r = chart.restrictions();
        List<String> out = new ArrayList<>();
        if (!r.any()) {
            return out;
        }
        if (r.masked()) {
            out.addAll(r.summary(r.records(), names, "not included"));
            out.add("(Security labels at the source: what these records say is left out of this summary.)");
        } else {
            out.add("RESTRICTED RECORDS INCLUDED: the glass was broken for this person and \"include restricted "
                    + "records\" was chosen for this document; both are in the audit log. Each restricted row is marked.");
            out.addAll(r.summary(r.records(), names, "included"));
            if (r.part2()) {
                out.add("Notice (42 CFR 2.32): " + Restrictions.PART2_NOTICE);
            }
        }
        return out;
    }

    /**
     * {@code item} with, when the row comes from a restricted record that is included, a line
     * "Restricted: reason" and, for Part 2, the notice; {@code item} unchanged otherwise.
     */
    static String mark(String item, Restrictions r, Source s) {
        if (!r.shown() || s == null) {
            return item;
        }
        HiddenRecord h = null;
        for (Source one : s.all()) {
            h = r.find(one.org(), one.reference());
            if (h != null) {
                break;
            }
        }
        if (h == null) {
            return item;
        }
        return item + "\nRestricted: " + h.why().reason() + (h.why().part2() ? "\n" + Restrictions.PART2_NOTICE : "");
    }

    /** {@link #mark(String, Restrictions, Source)} for a row made of several sources (a medication, a vaccine). */
    static String mark(String item, Restrictions r, List<Source> sources) {
        for (Source s : sources) {
            String marked = mark(item, r, s);
            if (!marked.equals(item)) {
                return marked;
            }
        }
        return item;
    }
}
