package org.chartlens.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a FHIR R4 Patient (JSON tree) into a {@link PatientRecord}. Stateless. */
public final class FhirPatients {
    private FhirPatients() {
    }

    /**
     * The demographics of {@code patient} as organization {@code organizationId} sent it. The
     * record key's FHIR id is the Patient's {@code id}.
     */
    public static PatientRecord fromFhir(String organizationId, JsonNode patient) {
        List<PatientRecord.Name> names = new ArrayList<>();
        for (JsonNode n : patient.path("name")) {
            List<String> given = new ArrayList<>();
            for (JsonNode g : n.path("given")) {
                given.add(g.asText());
            }
            String family = n.path("family").isTextual() ? n.get("family").asText() : null;
            if (family == null && given.isEmpty() && n.path("text").isTextual()) {
                String[] parts = n.get("text").asText().trim().split("\\s+");
                if (parts.length > 1) {
                    family = parts[parts.length - 1];
                    given.add(parts[0]);
                }
            }
            if (family != null || !given.isEmpty()) {
                names.add(new PatientRecord.Name(family, given));
            }
        }
        List<String> postal = new ArrayList<>();
        for (JsonNode a : patient.path("address")) {
            if (a.hasNonNull("postalCode")) {
                postal.add(a.get("postalCode").asText());
            }
        }
        List<String> phones = new ArrayList<>();
        for (JsonNode t : patient.path("telecom")) {
            if ("phone".equals(t.path("system").asText()) && t.hasNonNull("value")) {
                phones.add(t.get("value").asText());
            }
        }
        List<PatientRecord.Identifier> ids = new ArrayList<>();
        for (JsonNode i : patient.path("identifier")) {
            if (i.hasNonNull("value")) {
                ids.add(new PatientRecord.Identifier(i.path("system").asText(""), i.get("value").asText()));
            }
        }
        String sex = patient.path("gender").isTextual() ? patient.get("gender").asText() : null;
        return new PatientRecord(new RecordKey(organizationId, patient.path("id").asText()), names,
                BirthDates.parse(patient.path("birthDate").asText(null)), sex, postal, phones, ids);
    }
}
