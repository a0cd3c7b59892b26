package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Coded;
import org.chartlens.domain.MedicationEntry;

/**
 * MedicationRequest, MedicationStatement, MedicationDispense and MedicationAdministration ->
 * one {@link MedicationEntry} each, the drug resolved through a Medication reference or a
 * contained Medication, the dosage in words. Stateless, thread safe; linear.
 */
final class MedicationEntries {
    static final List<String> TYPES = List.of("MedicationRequest", "MedicationStatement",
            "MedicationDispense", "MedicationAdministration");

    private MedicationEntries() {
    }

    static List<MedicationEntry> of(ParsedChart chart) {
        List<MedicationEntry> out = new ArrayList<>();
        for (String type : TYPES) {
            for (ResourceTree r : chart.all(type)) {
                out.add(entry(chart, type, r));
            }
        }
        return out;
    }

    private static MedicationEntry entry(ParsedChart chart, String type, ResourceTree r) {
        JsonNode n = r.node();
        Coded med = medication(chart, n);
        String status = n.path("status").asText("");
        ChartDate when;
        ChartDate end;
        JsonNode dosage;
        String who;
        switch (type) {
            case "MedicationRequest" -> {
                when = FhirNodes.date(n, "authoredOn");
                end = FhirNodes.date(n, "dispenseRequest", "validityPeriod", "end");
                dosage = n.path("dosageInstruction").path(0);
                who = FhirNodes.ref(n.get("requester"));
            }
            case "MedicationDispense" -> {
                when = ChartLists.first(FhirNodes.date(n, "whenHandedOver"), FhirNodes.date(n, "whenPrepared"));
                end = ChartDate.NONE;
                dosage = n.path("dosageInstruction").path(0);
                who = FhirNodes.ref(n.path("performer").path(0).get("actor"));
            }
            case "MedicationAdministration" -> {
                when = ChartLists.first(FhirNodes.date(n, "effectiveDateTime"), FhirNodes.date(n, "effectivePeriod", "start"));
                end = FhirNodes.date(n, "effectivePeriod", "end");
                dosage = n.path("dosage");
                who = FhirNodes.ref(n.path("performer").path(0).get("actor"));
            }
            default -> {
                when = ChartLists.first(FhirNodes.date(n, "effectiveDateTime"),
                        FhirNodes.date(n, "effectivePeriod", "start"), FhirNodes.date(n, "dateAsserted"));
                end = FhirNodes.date(n, "effectivePeriod", "end");
                dosage = n.path("dosage").path(0);
                who = FhirNodes.ref(n.get("informationSource"));
            }
        }
        String reason = FhirNodes.displays(n.get("reasonCode"));
        if (reason.isEmpty()) {
            reason = FhirNodes.ref(n.get("reasonReference"));
        }
        boolean active = (type.equals("MedicationRequest") || type.equals("MedicationStatement"))
                && (status.equals("active") || status.equals("on-hold"));
        return new MedicationEntry(med, status, n.path("intent").asText(""), when, end,
                dosage(dosage), who, reason, active, r.source());
    }

    /** medicationCodeableConcept, else the referenced (or contained) Medication's code. */
    static Coded medication(ParsedChart chart, JsonNode n) {
        Coded med = FhirNodes.coded(n.get("medicationCodeableConcept"));
        if (med != Coded.NONE || !n.has("medicationReference")) {
            return med;
        }
        JsonNode ref = n.get("medicationReference");
        String reference = ref.path("reference").asText("");
        if (reference.startsWith("#")) {
            for (JsonNode c : n.path("contained")) {
                if (reference.substring(1).equals(c.path("id").asText())) {
                    return FhirNodes.coded(c.get("code"));
                }
            }
        }
        ResourceTree m = chart.get("Medication", FhirNodes.refId(ref));
        return m != null ? FhirNodes.coded(m.node().get("code")) : new Coded(null, null, null, FhirNodes.ref(ref));
    }

    /** Dosage.text, else dose + route + timing in words ("1 tablet by mouth twice a day as needed"). */
    static String dosage(JsonNode d) {
        if (d == null || d.isMissingNode()) {
            return "";
        }
        String text = d.path("text").asText("");
        if (!text.isEmpty()) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        JsonNode dose = d.path("doseAndRate").path(0).path("doseQuantity");
        if (dose.isMissingNode()) {
            dose = d.path("dose");
        }
        if (dose.path("value").isNumber()) {
            double v = dose.path("value").asDouble();
            String unit = dose.path("unit").asText(dose.path("code").asText("")).trim();
            parts.add(VitalFormat.number(v) + " " + (unit.isEmpty() ? (v == 1 ? "dose" : "doses") : unit));
        }
        String route = FhirNodes.coded(d.get("route")).display();
        if (route != null && !route.isBlank()) {
            parts.add(route.toLowerCase(Locale.ROOT));
        }
        String timing = timing(d.path("timing").path("repeat"));
        if (!timing.isEmpty()) {
            parts.add(timing);
        }
        if (d.path("asNeededBoolean").asBoolean(false) || d.has("asNeededCodeableConcept")) {
            parts.add("as needed");
        }
        return String.join(" ", parts).trim();
    }

    /** Timing.repeat in words: "once a day", "twice a day", "3 times a day", "every 8 hours". */
    static String timing(JsonNode rep) {
        int freq = rep.path("frequency").asInt(0);
        double period = rep.path("period").asDouble(0);
        String unit = rep.path("periodUnit").asText("");
        if (freq <= 0 || period <= 0 || unit.isEmpty()) {
            return "";
        }
        String unitWord = switch (unit) {
            case "s" -> "second";
            case "min" -> "minute";
            case "h" -> "hour";
            case "d" -> "day";
            case "wk" -> "week";
            case "mo" -> "month";
            case "a" -> "year";
            default -> unit;
        };
        if (period == 1) {
            String times = freq == 1 ? "once" : freq == 2 ? "twice" : freq + " times";
            return times + " a " + unitWord;
        }
        String p = VitalFormat.number(period);
        return freq == 1 ? "every " + p + " " + unitWord + "s" : freq + " times every " + p + " " + unitWord + "s";
    }
}
