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

    /**
     * Every MedicationRequest, MedicationStatement, MedicationDispense and
     * MedicationAdministration, newest first (one row per order or event; see
     * {@link MedicationGroups} for one row per medication).
     */
    public static List<MedicationEntry> medications(ParsedChart chart) {
        List<MedicationEntry> out = new ArrayList<>(MedicationEntries.of(chart));
        return newestFirst(out, m -> m.authored().millisOr(Long.MIN_VALUE));
    }

    public static List<AllergyEntry> allergies(ParsedChart chart) {
        List<AllergyEntry> out = new ArrayList<>();
        for (ResourceTree r : chart.all("AllergyIntolerance")) {
            JsonNode n = r.node();
            List<String> reactions = new ArrayList<>();
            for (JsonNode re : n.path("reaction")) {
                String m = FhirNodes.displays(re.get("manifestation"));
                String sev = re.path("severity").asText("");
                if (!m.isEmpty()) {
                    reactions.add(sev.isEmpty() ? m : m + " (" + sev + ")");
                }
            }
            List<String> cats = new ArrayList<>();
            for (JsonNode c : n.path("category")) {
                cats.add(c.asText());
            }
            ChartDate recorded = first(FhirNodes.date(n, "recordedDate"), FhirNodes.date(n, "onsetDateTime"));
            out.add(new AllergyEntry(substance(n), FhirNodes.code(n.get("clinicalStatus")),
                    FhirNodes.code(n.get("verificationStatus")), n.path("type").asText(""),
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
        Coded code = FhirNodes.coded(allergy.get("code"));
        if (Allergies.unspecific(code)) {
            for (JsonNode re : allergy.path("reaction")) {
                Coded s = FhirNodes.coded(re.get("substance"));
                if (!Allergies.unspecific(s)) {
                    return s;
                }
            }
        }
        return code;
    }

    public static List<ImmunizationEntry> immunizations(ParsedChart chart) {
        List<ImmunizationEntry> out = new ArrayList<>();
        for (ResourceTree r : chart.all("Immunization")) {
            JsonNode n = r.node();
            ChartDate when = n.hasNonNull("occurrenceDateTime") ? FhirNodes.date(n, "occurrenceDateTime")
                    : n.hasNonNull("occurrenceString")
                    ? new ChartDate(n.get("occurrenceString").asText(), null, ChartDate.Precision.UNREADABLE)
                    : ChartDate.NONE;
            String performer = FhirNodes.ref(n.get("location"));
            if (performer.isEmpty()) {
                performer = FhirNodes.text(n, "performer", "actor", "display");
            }
            out.add(new ImmunizationEntry(FhirNodes.coded(n.get("vaccineCode")), n.path("status").asText(""),
                    when, performer, r.source()));
        }
        return newestFirst(out, i -> i.date().millisOr(Long.MIN_VALUE));
    }

    public static List<EncounterEntry> encounters(ParsedChart chart) {
        List<EncounterEntry> out = new ArrayList<>();
        for (ResourceTree r : chart.all("Encounter")) {
            JsonNode n = r.node();
            String practitioner = "";
            for (JsonNode p : n.path("participant")) {
                String d = FhirNodes.ref(p.get("individual"));
                if (!d.isEmpty()) {
                    practitioner = d;
                    break;
                }
            }
            String provider = FhirNodes.ref(n.get("serviceProvider"));
            if (provider.isEmpty()) {
                provider = FhirNodes.text(n, "location", "location", "display");
            }
            String reason = FhirNodes.displays(n.get("reasonCode"));
            out.add(new EncounterEntry(FhirNodes.coded(n.get("type")), encounterClass(n.path("class")),
                    n.path("status").asText(""), FhirNodes.date(n, "period", "start"),
                    FhirNodes.date(n, "period", "end"), practitioner, provider, reason, r.source()));
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
        for (ResourceTree r : chart.all("DocumentReference")) {
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
            ChartDate date = first(FhirNodes.date(n, "date"), FhirNodes.date(n, "context", "period", "start"));
            out.add(new DocumentEntry(FhirNodes.coded(n.get("type")), FhirNodes.displays(n.get("category")), date,
                    n.path("status").asText(""), FhirNodes.ref(n.get("author")),
                    FhirNodes.ref(n.get("custodian")), atts, r.source()));
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
