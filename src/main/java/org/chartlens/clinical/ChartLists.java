package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.Attachment;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Coded;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.domain.EncounterEntry;
import org.chartlens.domain.ImmunizationEntry;
import org.chartlens.domain.MedicationEntry;

/**
 * The table-shaped tabs: medications, allergies, immunizations, encounters, documents; each
 * newest first. Stateless, thread safe; each builder is linear in its resources.
 */
public final class ChartLists {
    private ChartLists() {
    }

    static <T> List<T> newestFirst(List<T> list, ToLongFunction<T> when) {
        list.sort(Comparator.comparingLong(when).reversed());
        return List.copyOf(list);
    }

    public static List<MedicationEntry> medications(ParsedChart chart) {
        List<MedicationEntry> out = new ArrayList<>();
        for (String type : List.of("MedicationRequest", "MedicationStatement")) {
            for (ParsedResource r : chart.all(type)) {
                JsonNode n = r.node();
                Coded med = Fhir.coded(n.get("medicationCodeableConcept"));
                if (med == Coded.NONE && n.has("medicationReference")) {
                    ParsedResource m = chart.get("Medication", Fhir.refId(n.get("medicationReference")));
                    med = m != null ? Fhir.coded(m.node().get("code"))
                            : new Coded(null, null, null, Fhir.ref(n.get("medicationReference")));
                }
                String status = n.path("status").asText("");
                ChartDate authored = type.equals("MedicationRequest") ? Fhir.date(n, "authoredOn")
                        : first(Fhir.date(n, "effectiveDateTime"), Fhir.date(n, "effectivePeriod", "start"),
                        Fhir.date(n, "dateAsserted"));
                ChartDate end = type.equals("MedicationRequest")
                        ? Fhir.date(n, "dispenseRequest", "validityPeriod", "end")
                        : Fhir.date(n, "effectivePeriod", "end");
                String dosage = Fhir.text(n, "dosageInstruction", "text");
                if (dosage.isEmpty()) {
                    dosage = Fhir.text(n, "dosage", "text");
                }
                String prescriber = Fhir.ref(n.get("requester"));
                if (prescriber.isEmpty()) {
                    prescriber = Fhir.ref(n.get("informationSource"));
                }
                String reason = Fhir.displays(n.get("reasonCode"));
                if (reason.isEmpty()) {
                    reason = Fhir.ref(n.get("reasonReference"));
                }
                out.add(new MedicationEntry(med, status, n.path("intent").asText(""), authored, end,
                        dosage, prescriber, reason,
                        status.equals("active") || status.equals("on-hold"), r.source()));
            }
        }
        return newestFirst(out, m -> m.authored().millisOr(Long.MIN_VALUE));
    }

    public static List<AllergyEntry> allergies(ParsedChart chart) {
        List<AllergyEntry> out = new ArrayList<>();
        for (ParsedResource r : chart.all("AllergyIntolerance")) {
            JsonNode n = r.node();
            List<String> reactions = new ArrayList<>();
            for (JsonNode re : n.path("reaction")) {
                String m = Fhir.displays(re.get("manifestation"));
                String sev = re.path("severity").asText("");
                if (!m.isEmpty()) {
                    reactions.add(sev.isEmpty() ? m : m + " (" + sev + ")");
                }
            }
            List<String> cats = new ArrayList<>();
            for (JsonNode c : n.path("category")) {
                cats.add(c.asText());
            }
            ChartDate recorded = first(Fhir.date(n, "recordedDate"), Fhir.date(n, "onsetDateTime"));
            out.add(new AllergyEntry(substance(n), Fhir.code(n.get("clinicalStatus")),
                    Fhir.code(n.get("verificationStatus")), n.path("type").asText(""),
                    String.join(", ", cats), n.path("criticality").asText(""),
                    String.join("; ", reactions), recorded, r.source()));
        }
        return newestFirst(out, a -> a.recorded().millisOr(Long.MIN_VALUE));
    }

    /**
     * The allergen: the code, unless it only says "allergy to substance" and a reaction names
     * the substance (FHIR allows the specific substance there).
     */
    static Coded substance(JsonNode allergy) {
        Coded code = Fhir.coded(allergy.get("code"));
        if (Allergies.unspecific(code)) {
            for (JsonNode re : allergy.path("reaction")) {
                Coded s = Fhir.coded(re.get("substance"));
                if (!Allergies.unspecific(s)) {
                    return s;
                }
            }
        }
        return code;
    }

    public static List<ImmunizationEntry> immunizations(ParsedChart chart) {
        List<ImmunizationEntry> out = new ArrayList<>();
        for (ParsedResource r : chart.all("Immunization")) {
            JsonNode n = r.node();
            ChartDate when = n.hasNonNull("occurrenceDateTime") ? Fhir.date(n, "occurrenceDateTime")
                    : n.hasNonNull("occurrenceString")
                    ? new ChartDate(n.get("occurrenceString").asText(), null, ChartDate.Precision.UNREADABLE)
                    : ChartDate.NONE;
            String performer = Fhir.ref(n.get("location"));
            if (performer.isEmpty()) {
                performer = Fhir.text(n, "performer", "actor", "display");
            }
            out.add(new ImmunizationEntry(Fhir.coded(n.get("vaccineCode")), n.path("status").asText(""),
                    when, performer, r.source()));
        }
        return newestFirst(out, i -> i.date().millisOr(Long.MIN_VALUE));
    }

    public static List<EncounterEntry> encounters(ParsedChart chart) {
        List<EncounterEntry> out = new ArrayList<>();
        for (ParsedResource r : chart.all("Encounter")) {
            JsonNode n = r.node();
            String practitioner = "";
            for (JsonNode p : n.path("participant")) {
                String d = Fhir.ref(p.get("individual"));
                if (!d.isEmpty()) {
                    practitioner = d;
                    break;
                }
            }
            String provider = Fhir.ref(n.get("serviceProvider"));
            if (provider.isEmpty()) {
                provider = Fhir.text(n, "location", "location", "display");
            }
            String reason = Fhir.displays(n.get("reasonCode"));
            out.add(new EncounterEntry(Fhir.coded(n.get("type")), encounterClass(n.path("class")),
                    n.path("status").asText(""), Fhir.date(n, "period", "start"),
                    Fhir.date(n, "period", "end"), practitioner, provider, reason, r.source()));
        }
        return newestFirst(out, e -> e.start().millisOr(Long.MIN_VALUE));
    }

    static String encounterClass(JsonNode c) {
        String d = c.path("display").asText("");
        if (!d.isEmpty()) {
            return d;
        }
        return switch (c.path("code").asText("")) {
            case "AMB" -> "ambulatory";
            case "EMER" -> "emergency";
            case "IMP" -> "inpatient";
            case "ACUTE" -> "inpatient acute";
            case "NONAC" -> "inpatient non-acute";
            case "OBSENC" -> "observation";
            case "PRENC" -> "pre-admission";
            case "SS" -> "short stay";
            case "VR" -> "virtual";
            case "HH" -> "home health";
            case "FLD" -> "field";
            case "" -> "";
            default -> c.path("code").asText();
        };
    }

    public static List<DocumentEntry> documents(ParsedChart chart) {
        List<DocumentEntry> out = new ArrayList<>();
        for (ParsedResource r : chart.all("DocumentReference")) {
            JsonNode n = r.node();
            List<Attachment> atts = new ArrayList<>();
            int index = 0;
            for (JsonNode c : n.path("content")) {
                JsonNode a = c.path("attachment");
                atts.add(new Attachment(a.path("contentType").asText(""), a.path("title").asText(""),
                        index++, a.has("data$present") || a.hasNonNull("data"),
                        a.hasNonNull("url") ? a.get("url").asText() : null,
                        a.path("size").asLong(-1)));
            }
            ChartDate date = first(Fhir.date(n, "date"), Fhir.date(n, "context", "period", "start"));
            out.add(new DocumentEntry(Fhir.coded(n.get("type")), Fhir.displays(n.get("category")), date,
                    n.path("status").asText(""), Fhir.ref(n.get("author")),
                    Fhir.ref(n.get("custodian")), atts, r.source()));
        }
        return newestFirst(out, d -> d.date().millisOr(Long.MIN_VALUE));
    }

    static ChartDate first(ChartDate... dates) {
        for (ChartDate d : dates) {
            if (d.isPresent()) {
                return d;
            }
        }
        return ChartDate.NONE;
    }
}
