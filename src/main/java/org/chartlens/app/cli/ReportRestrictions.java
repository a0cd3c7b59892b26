package org.chartlens.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chartlens.clinical.ChartData;
import org.chartlens.domain.HiddenRecord;
import org.chartlens.domain.Restrictions;

/**
 * What {@code show} says about a chart's restricted records (issue 18): masked, one line per
 * organization and reason, never content; shown (glass broken), a banner and the Part 2
 * redisclosure notice, and in JSON each shown restricted item marked.
 */
final class ReportRestrictions {
    private ReportRestrictions() {
    }

    /** The text block after the patient line; nothing when the chart has no restricted record. */
    static void text(StringBuilder sb, ChartData d, Function<String, String> names) {
        Restrictions r = d.restrictions();
        if (!r.any()) {
            return;
        }
        for (String line : r.summary(r.records(), names)) {
            sb.append(line).append('\n');
        }
        if (r.masked()) {
            sb.append("  (to see them: chartlens show ... --break-glass emergency|consent|other:WORDS; audited)\n");
        } else {
            sb.append("RESTRICTED RECORDS SHOWN: the glass was broken for this person; the event is in the audit log.\n");
            if (r.part2()) {
                sb.append("Notice (42 CFR 2.32): ").append(Restrictions.PART2_NOTICE).append('\n');
            }
        }
    }

    /** "restrictions" in the JSON report, and each shown restricted item marked {@code restricted}. */
    static void json(Map<String, Object> out, ChartData d, Function<String, String> names) {
        Restrictions r = d.restrictions();
        if (!r.any()) {
            return;
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("state", r.masked() ? "hidden" : "shown");
        block.put("count", r.count());
        block.put("summary", r.summary(r.records(), names));
        if (r.shown() && r.part2()) {
            block.put("notice", Restrictions.PART2_NOTICE);
        }
        out.put("restrictions", block);
        if (r.shown()) {
            mark(out, r);
        }
    }

    /** Walks the report's maps and lists; an item whose resources include a restricted one gets its reason. */
    @SuppressWarnings("unchecked")
    private static void mark(Object node, Restrictions r) {
        if (node instanceof Map<?, ?> m) {
            Object resources = m.get("resources");
            if (resources instanceof List<?> list) {
                for (Object one : list) {
                    String s = String.valueOf(one);
                    int sp = s.indexOf(' ');
                    HiddenRecord h = sp < 0 ? null : r.find(s.substring(0, sp), s.substring(sp + 1));
                    if (h != null) {
                        Map<String, Object> mm = (Map<String, Object>) m;
                        mm.put("restricted", h.why().reason());
                        if (h.why().part2()) {
                            mm.put("notice", Restrictions.PART2_NOTICE);
                        }
                        break;
                    }
                }
            }
            for (Object v : new ArrayList<>(m.values())) {
                mark(v, r);
            }
        } else if (node instanceof List<?> l) {
            for (Object v : l) {
                mark(v, r);
            }
        }
    }
}
