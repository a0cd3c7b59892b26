package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ClaimEntry;
import org.chartlens.domain.CoverageEntry;

/** Coverage, claims and explanations of benefit. Stateless, thread safe; linear. */
public final class Claims {
    private Claims() {
    }

    public static List<ClaimEntry> claims(ParsedChart chart) {
        List<ClaimEntry> out = new ArrayList<>();
        for (ResourceTree r : chart.all("ExplanationOfBenefit")) {
            JsonNode n = r.node();
            double billed = Double.NaN;
            String currency = "";
            for (JsonNode t : n.path("total")) {
                String cat = FhirNodes.code(t.get("category"));
                if (cat.equals("submitted") || Double.isNaN(billed)) {
                    billed = t.path("amount").path("value").asDouble(Double.NaN);
                    currency = t.path("amount").path("currency").asText(currency);
                }
            }
            double paid = n.path("payment").path("amount").path("value").asDouble(Double.NaN);
            if (Double.isNaN(paid)) {
                for (JsonNode t : n.path("total")) {
                    if (FhirNodes.code(t.get("category")).equals("benefit")) {
                        paid = t.path("amount").path("value").asDouble(Double.NaN);
                    }
                }
            }
            out.add(new ClaimEntry("EOB", FhirNodes.code(n.get("type")), n.path("status").asText(""),
                    FhirNodes.date(n, "created"), FhirNodes.date(n, "billablePeriod", "start"),
                    FhirNodes.date(n, "billablePeriod", "end"), provider(n), payer(n), billed, paid,
                    currency, r.source()));
        }
        for (ResourceTree r : chart.all("Claim")) {
            JsonNode n = r.node();
            out.add(new ClaimEntry("Claim", FhirNodes.code(n.get("type")), n.path("status").asText(""),
                    FhirNodes.date(n, "created"), FhirNodes.date(n, "billablePeriod", "start"),
                    FhirNodes.date(n, "billablePeriod", "end"), provider(n),
                    payerDisplay(FhirNodes.text(n, "insurance", "coverage", "display")),
                    n.path("total").path("value").asDouble(Double.NaN), Double.NaN,
                    n.path("total").path("currency").asText(""), r.source()));
        }
        return ChartLists.newestFirst(out, c -> c.created().millisOr(Long.MIN_VALUE));
    }

    static String provider(JsonNode n) {
        String p = FhirNodes.ref(n.get("provider"));
        if (p.isEmpty()) {
            p = FhirNodes.ref(n.get("facility"));
        }
        return p;
    }

    static String payer(JsonNode n) {
        String p = FhirNodes.ref(n.get("insurer"));
        if (p.isEmpty()) {
            p = FhirNodes.text(n, "insurance", "coverage", "display");
        }
        return payerDisplay(p);
    }

    /**
     * What a person reads for a payer name. Synthea (and so the demo EHR) writes placeholder
     * payer names in upper snake case, e.g. {@code NO_INSURANCE}; those become plain words. Any
     * other name is shown as sent. The raw resource keeps the value as sent.
     */
    public static String payerDisplay(String payer) {
        if (payer == null) {
            return "";
        }
        String p = payer.strip();
        return switch (p) {
            case "NO_INSURANCE" -> "No insurance (self-pay)";
            case "Dual Eligible" -> "Dual eligible (Medicare and Medicaid)";
            default -> p.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+") ? plainWords(p) : p;
        };
    }

    /** "SELF_PAY" -> "Self pay". */
    static String plainWords(String code) {
        String w = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * Coverage resources when present; otherwise one period per payer derived from the claims
     * that cite it (first to last billable date), marked derived.
     */
    public static List<CoverageEntry> coverage(ParsedChart chart) {
        List<CoverageEntry> out = new ArrayList<>();
        for (ResourceTree r : chart.all("Coverage")) {
            JsonNode n = r.node();
            out.add(new CoverageEntry(payerDisplay(FhirNodes.ref(n.get("payor"))), FhirNodes.coded(n.get("type")).label(),
                    n.path("status").asText(""), FhirNodes.date(n, "period", "start"),
                    FhirNodes.date(n, "period", "end"), false, r.source()));
        }
        if (!out.isEmpty()) {
            return List.copyOf(out);
        }
        Map<String, ChartDate[]> spans = new LinkedHashMap<>();
        Map<String, ResourceTree> first = new LinkedHashMap<>();
        for (ResourceTree r : chart.all("ExplanationOfBenefit")) {
            JsonNode n = r.node();
            String payer = payer(n);
            if (payer.isEmpty()) {
                continue;
            }
            ChartDate s = FhirNodes.date(n, "billablePeriod", "start");
            ChartDate e = FhirNodes.date(n, "billablePeriod", "end");
            ChartDate[] span = spans.computeIfAbsent(payer, k -> new ChartDate[] {s, e});
            first.putIfAbsent(payer, r);
            if (s.millisOr(Long.MAX_VALUE) < span[0].millisOr(Long.MAX_VALUE)) {
                span[0] = s;
            }
            if (e.millisOr(Long.MIN_VALUE) > span[1].millisOr(Long.MIN_VALUE)) {
                span[1] = e;
            }
        }
        for (Map.Entry<String, ChartDate[]> e : spans.entrySet()) {
            out.add(new CoverageEntry(e.getKey(), "", "", e.getValue()[0], e.getValue()[1], true,
                    first.get(e.getKey()).source()));
        }
        return ChartLists.newestFirst(out, c -> c.start().millisOr(Long.MIN_VALUE));
    }
}
