package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.PatientSummary;

/** Builds the {@link PatientSummary} from the Patient resource(s). Stateless, thread safe. */
public final class PatientSummaries {
    private PatientSummaries() {
    }

    /**
     * @param today the date ages are computed against (injected for tests)
     * @return the summary; a placeholder when the chart has no Patient resource
     */
    public static PatientSummary of(ParsedChart chart, LocalDate today) {
        List<ResourceTree> patients = chart.all("Patient");
        if (patients.isEmpty()) {
            return new PatientSummary("(patient not in cache)", ChartDate.NONE, "", "unknown",
                    null, List.of(), null);
        }
        ResourceTree p = patients.get(0);
        JsonNode n = p.node();
        List<Identifier> ids = new ArrayList<>();
        for (ResourceTree each : patients) {
            for (JsonNode id : each.node().path("identifier")) {
                String value = id.path("value").asText("");
                if (value.isEmpty()) {
                    continue;
                }
                String label = id.path("type").path("text").asText("");
                if (label.isEmpty()) {
                    label = id.path("type").path("coding").path(0).path("code").asText("");
                }
                if (label.isEmpty()) {
                    label = id.path("system").asText("id");
                }
                ids.add(new Identifier(label, value, each.source().org()));
            }
        }
        ChartDate birth = FhirNodes.date(n, "birthDate");
        String deceased = null;
        LocalDate until = today;
        if (n.hasNonNull("deceasedDateTime")) {
            deceased = n.get("deceasedDateTime").asText();
            ChartDate d = ChartDates.parse(deceased);
            if (d.instant() != null) {
                until = d.instant().atZone(ZoneOffset.UTC).toLocalDate();
            }
        } else if (n.path("deceasedBoolean").asBoolean(false)) {
            deceased = "yes";
        }
        String sex = n.path("gender").asText("");
        return new PatientSummary(name(n), birth, age(birth, until), sex.isEmpty() ? "unknown" : sex,
                deceased, ids, p.source());
    }

    static String name(JsonNode patient) {
        JsonNode names = patient.path("name");
        JsonNode chosen = null;
        for (JsonNode nm : names) {
            if (chosen == null || "official".equals(nm.path("use").asText())) {
                chosen = chosen != null && "official".equals(chosen.path("use").asText()) ? chosen : nm;
            }
        }
        if (chosen == null) {
            return "(no name)";
        }
        String text = chosen.path("text").asText("");
        if (!text.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode g : chosen.path("given")) {
            sb.append(g.asText()).append(' ');
        }
        sb.append(chosen.path("family").asText(""));
        String s = sb.toString().trim();
        return s.isEmpty() ? "(no name)" : s;
    }

    /** "86 y", "7 mo", "12 d"; "" when the birth date cannot be read. */
    public static String age(ChartDate birth, LocalDate today) {
        if (birth.instant() == null) {
            return "";
        }
        LocalDate b = birth.instant().atZone(ZoneOffset.UTC).toLocalDate();
        if (b.isAfter(today)) {
            return "";
        }
        Period p = Period.between(b, today);
        if (p.getYears() >= 2) {
            return p.getYears() + " y";
        }
        long months = ChronoUnit.MONTHS.between(b, today);
        if (months >= 1) {
            return months + " mo";
        }
        return ChronoUnit.DAYS.between(b, today) + " d";
    }
}
