package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.chartlens.domain.PatientCandidate;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.PatientSummary;
import org.chartlens.domain.RawResource;

/**
 * A searched Patient's raw JSON -> the {@link PatientCandidate} a Find result lists: the same
 * name, birth date, sex and identifiers as the chart banner ({@link PatientSummaries}) plus the
 * address city. Stateless, thread safe.
 */
public final class PatientCandidates {
    private PatientCandidates() {
    }

    public static PatientCandidate of(String org, String id, String patientJson, LocalDate today) {
        ParsedChart chart = ParsedChart.of(List.of(new RawResource(org, "Patient", id, id, null, null, null, patientJson)));
        PatientSummary s = PatientSummaries.of(chart, today);
        String city = "";
        List<ResourceTree> patients = chart.all("Patient");
        if (!patients.isEmpty()) {
            for (JsonNode a : patients.get(0).node().path("address")) {
                String c = a.path("city").asText("").trim();
                if (!c.isEmpty()) {
                    String state = a.path("state").asText("").trim();
                    city = state.isEmpty() ? c : c + ", " + state;
                    break;
                }
            }
        }
        String birth = s.birthDate().isPresent() ? s.birthDate().dateOnly() : "";
        return new PatientCandidate(new PatientRef(org, id), s.name(), birth, s.sex(), s.identifiers(), city);
    }
}
