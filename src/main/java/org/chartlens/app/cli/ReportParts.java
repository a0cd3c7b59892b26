package org.chartlens.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.ResultFlag;

/**
 * The triage parts of {@link ChartReport} (issue 16): flags in words and symbols, lab results
 * with the range used and who flagged them, one row per medication. No JavaFX, no I/O.
 * Stateless, thread safe.
 */
final class ReportParts {
    private ReportParts() {
    }

    /**
     * "  ▲ H High (ChartLens: 0.6–1.2 mg/dL, MSD Manual ...)" for text output; "" when unflagged
     * or normal without a range. Text and symbol, never colour alone.
     */
    static String flagText(ResultFlag f) {
        if (f.code().isEmpty()) {
            return "";
        }
        String who = f.sourceLabel();
        String range = f.range().isEmpty() ? "" : ": " + f.range()
                + (f.citation().isEmpty() ? "" : ", " + f.citation());
        return "  " + f.display() + " (" + who + range + ")";
    }

    /** flag, flagWords, flagSource ("lab", "lab range", "ChartLens"), range, citation, critical. */
    static void putFlag(Map<String, Object> e, ResultFlag f) {
        e.put("flag", f.code());
        e.put("flagWords", f.words());
        e.put("flagSource", f.sourceLabel());
        e.put("range", f.range());
        e.put("rangeCitation", f.citation());
        e.put("critical", f.critical());
    }

    static void labs(StringBuilder sb, List<LabReport> reports) {
        long results = reports.stream().mapToLong(r -> r.results().size()).sum();
        long abnormal = reports.stream().mapToLong(LabReport::abnormalCount).sum();
        sb.append("Lab reports (").append(reports.size()).append(", ").append(results).append(" results, ")
                .append(abnormal).append(" flagged abnormal):\n");
        for (LabReport r : reports) {
            sb.append(r.when().display()).append("  ").append(r.name().label())
                    .append(r.performer().isEmpty() ? "" : "  (" + r.performer() + ")").append('\n');
            for (LabResult x : r.results()) {
                sb.append("  ").append(x.test().label()).append(": ").append(x.value())
                        .append(x.unit().isEmpty() ? "" : " " + x.unit())
                        .append(flagText(x.assessment())).append('\n');
            }
        }
        if (reports.isEmpty()) {
            sb.append("  (no lab results recorded)\n");
        }
    }

    /** One line per medication, current first, then each with its orders' count and dates. */
    static void meds(StringBuilder sb, List<MedicationGroup> groups) {
        meds(sb, groups, false, java.util.function.Function.identity());
    }

    /** For a person's chart ({@code person}), each medication also names its organizations and their statuses when they differ. */
    static void meds(StringBuilder sb, List<MedicationGroup> groups, boolean person, java.util.function.Function<String, String> names) {
        long current = groups.stream().filter(MedicationGroup::current).count();
        int orders = groups.stream().mapToInt(MedicationGroup::count).sum();
        sb.append("Medications (").append(groups.size()).append(" medications, ").append(current)
                .append(" current; ").append(orders).append(" orders, statements and fills):\n");
        boolean stoppedHeader = false;
        for (MedicationGroup g : groups) {
            if (!g.current() && !stoppedHeader) {
                sb.append("Stopped and completed:\n");
                stoppedHeader = true;
            }
            sb.append("  ").append(g.current() ? "● " : "  ").append(g.medication().label())
                    .append("  [").append(g.status().isEmpty() ? "unknown status" : g.status()).append(']');
            if (!g.dosage().isEmpty()) {
                sb.append("  ").append(g.dosage());
            }
            sb.append("\n      first ").append(g.first().isPresent() ? g.first().dateOnly() : "?")
                    .append(", latest ").append(g.latest().isPresent() ? g.latest().dateOnly() : "?")
                    .append(", ").append(g.count()).append(g.count() == 1 ? " order" : " orders")
                    .append(g.prescriber().isEmpty() ? "" : ", prescriber " + g.prescriber()).append('\n');
            if (person) {
                sb.append("      at ").append(String.join(", ", g.orgs().stream().map(names).toList())).append('\n');
                if (g.statusesDiffer()) {
                    sb.append("      status differs: ")
                            .append(new org.chartlens.domain.Source.Difference("status", g.statusByOrg()).describe(names))
                            .append('\n');
                }
            }
        }
        if (groups.isEmpty()) {
            sb.append("  (no medications recorded)\n");
        }
    }

    static Map<String, Object> medication(MedicationGroup g, boolean withOrders) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("display", g.medication().label());
        r.put("system", g.medication().systemName());
        r.put("code", g.medication().code());
        r.put("status", g.status());
        r.put("current", g.current());
        r.put("dosage", g.dosage());
        r.put("first", g.first().asGiven());
        r.put("latest", g.latest().asGiven());
        r.put("prescriber", g.prescriber());
        r.put("orders", g.count());
        if (withOrders) {
            r.put("entries", g.entries().stream().map(ReportParts::entry).toList());
        }
        return r;
    }

    private static Map<String, Object> entry(MedicationEntry x) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", x.source().type());
        r.put("status", x.status());
        r.put("authored", x.authored().asGiven());
        r.put("dosage", x.dosage());
        r.put("prescriber", x.prescriber());
        r.put("source", x.source().org() + " " + x.source().reference());
        return r;
    }

    static Map<String, Object> report(LabReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", r.name().label());
        out.put("effective", r.when().asGiven());
        out.put("status", r.status());
        out.put("source", r.source() == null ? "" : r.source().org() + " " + r.source().reference());
        out.put("results", r.results().stream().map(x -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("test", x.test().label());
            e.put("code", x.test().code());
            e.put("value", x.value());
            e.put("numeric", Double.isNaN(x.numeric()) ? null : x.numeric());
            e.put("unit", x.unit());
            e.put("effective", x.when().asGiven());
            putFlag(e, x.assessment());
            e.put("source", x.source().org() + " " + x.source().reference());
            return e;
        }).toList());
        return out;
    }
}
