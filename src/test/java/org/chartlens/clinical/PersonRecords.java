package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chartlens.domain.PatientRef;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.Freshness;
import org.chartlens.store.StoredResource;

/** TEST fixture: a small in-memory store of hand-written records at several organizations. */
public final class PersonRecords implements ChartStore {
    static final String SNOMED = "http://snomed.info/sct";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String LOINC = "http://loinc.org";
    public static final PatientRef CLINIC = new PatientRef("clinic", "c-7");
    public static final PatientRef HOSPITAL = new PatientRef("hospital", "h-42");
    public static final PatientRef PHARMACY = new PatientRef("pharmacy", "900");

    final List<StoredResource> rows = new ArrayList<>();

    /** Adds a resource of {@code patient} at {@code org}; {@code body} is the JSON after resourceType and id. */
    PersonRecords add(String org, String patient, String type, String id, String body) {
        String json = "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"" + (body.isEmpty() ? "" : "," + body) + "}";
        rows.add(new StoredResource(org, type, id, patient, null, null, null, json));
        return this;
    }

    @Override
    public List<CachedPatient> patients() {
        return rows.stream().filter(r -> r.type().equals("Patient"))
                .map(r -> new CachedPatient(r.org(), r.id(), r.json(), null)).toList();
    }

    @Override
    public List<StoredResource> chart(String org, String patientId) {
        return rows.stream().filter(r -> r.org().equals(org) && patientId.equals(r.patientId())).toList();
    }

    @Override
    public Optional<StoredResource> resource(String org, String type, String id) {
        return rows.stream().filter(r -> r.org().equals(org) && r.type().equals(type) && r.id().equals(id)).findFirst();
    }

    @Override
    public List<Freshness> freshness(String org) {
        return List.of();
    }

    @Override
    public void close() {
    }

    static String coded(String system, String code, String display) {
        return "{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\",\"display\":\"" + display + "\"}]}";
    }

    static String status(String s) {
        return "{\"coding\":[{\"code\":\"" + s + "\"}]}";
    }

    /**
     * Ana Rivera at a clinic, a hospital and a pharmacy: diabetes at two with different onsets,
     * metformin active at the clinic and stopped at the pharmacy, a peanut allergy at all three
     * (criticality differs), penicillin at the hospital only, weights and an HbA1c at two (one
     * weight taken at the same minute with different values), one flu shot known by the same
     * identifier but coded differently.
     */
    public static PersonRecords threeOrganizations() {
        PersonRecords s = new PersonRecords();
        s.add("clinic", "c-7", "Patient", "c-7", "\"name\":[{\"family\":\"Rivera\",\"given\":[\"Ana\"]}],"
                + "\"birthDate\":\"1961-04-03\",\"gender\":\"female\","
                + "\"identifier\":[{\"type\":{\"text\":\"MRN\"},\"system\":\"urn:clinic:mrn\",\"value\":\"C123\"}]");
        s.add("hospital", "h-42", "Patient", "h-42", "\"name\":[{\"family\":\"Rivera-Lopez\",\"given\":[\"Ana\"]}],"
                + "\"birthDate\":\"1961-04-03\",\"gender\":\"female\","
                + "\"identifier\":[{\"type\":{\"text\":\"MRN\"},\"system\":\"urn:hospital:mrn\",\"value\":\"H999\"}]");
        s.add("pharmacy", "900", "Patient", "900", "\"name\":[{\"family\":\"Rivera\",\"given\":[\"Ana\"]}],"
                + "\"birthDate\":\"1961-04-03\",\"gender\":\"female\"");
        // diabetes at clinic and hospital: same code, overlapping, different onsets
        s.add("clinic", "c-7", "Condition", "dm", "\"clinicalStatus\":" + status("active") + ",\"code\":"
                + coded(SNOMED, "44054006", "Diabetes mellitus type 2") + ",\"onsetDateTime\":\"2010-05-01\"");
        s.add("hospital", "h-42", "Condition", "cond-1", "\"clinicalStatus\":" + status("active") + ",\"code\":"
                + coded(SNOMED, "44054006", "Type 2 diabetes") + ",\"onsetDateTime\":\"2012-02-11\"");
        // hypertension at the hospital only
        s.add("hospital", "h-42", "Condition", "cond-2", "\"clinicalStatus\":" + status("active") + ",\"code\":"
                + coded(SNOMED, "38341003", "Hypertension") + ",\"onsetDateTime\":\"2015-01-01\"");
        // metformin, same order date: active at the clinic, stopped at the pharmacy
        s.add("clinic", "c-7", "MedicationRequest", "m1", "\"status\":\"active\",\"intent\":\"order\","
                + "\"medicationCodeableConcept\":" + coded(RXNORM, "860975", "Metformin 500 MG") + ",\"authoredOn\":\"2020-03-01\"");
        s.add("pharmacy", "900", "MedicationRequest", "rx-5", "\"status\":\"stopped\",\"intent\":\"order\","
                + "\"medicationCodeableConcept\":" + coded(RXNORM, "860975", "Metformin 500 MG") + ",\"authoredOn\":\"2020-03-01\"");
        s.add("hospital", "h-42", "MedicationRequest", "mr-9", "\"status\":\"active\",\"intent\":\"order\","
                + "\"medicationCodeableConcept\":" + coded(RXNORM, "314076", "Lisinopril 10 MG") + ",\"authoredOn\":\"2021-06-01\"");
        // peanut allergy at all three; penicillin at the hospital only
        for (String[] r : new String[][] {{"clinic", "c-7", "a1"}, {"hospital", "h-42", "al-1"}, {"pharmacy", "900", "x"}}) {
            s.add(r[0], r[1], "AllergyIntolerance", r[2], "\"clinicalStatus\":" + status("active")
                    + ",\"code\":" + coded(SNOMED, "91935009", "Peanut allergy") + ",\"criticality\":\""
                    + (r[0].equals("pharmacy") ? "low" : "high") + "\"");
        }
        s.add("hospital", "h-42", "AllergyIntolerance", "al-2", "\"clinicalStatus\":" + status("active")
                + ",\"code\":" + coded(SNOMED, "91936005", "Penicillin allergy"));
        // weights: one shared reading (same time, same value), one shared with different values, one each
        weight(s, "clinic", "c-7", "w1", "2024-01-10T09:30:00Z", 70.0);
        weight(s, "hospital", "h-42", "hw1", "2024-01-10T09:30:00Z", 70.0);
        weight(s, "clinic", "c-7", "w2", "2024-06-01T10:00:00Z", 71.0);
        weight(s, "hospital", "h-42", "hw2", "2024-06-01T10:00:00Z", 72.5);
        weight(s, "clinic", "c-7", "w3", "2025-01-01T10:00:00Z", 73.0);
        weight(s, "hospital", "h-42", "hw3", "2025-02-01T10:00:00Z", 74.0);
        // an HbA1c measured once, reported by two organizations, and a later one at the clinic
        hba1c(s, "clinic", "c-7", "l1", "2024-03-01T08:00:00Z", "7.1");
        hba1c(s, "hospital", "h-42", "hl1", "2024-03-01T08:00:00Z", "7.1");
        hba1c(s, "clinic", "c-7", "l2", "2024-09-01T08:00:00Z", "6.8");
        // the same immunization with a shared business identifier but different vaccine codings
        s.add("clinic", "c-7", "Immunization", "i1", "\"status\":\"completed\",\"vaccineCode\":"
                + coded("http://hl7.org/fhir/sid/cvx", "140", "Influenza") + ",\"occurrenceDateTime\":\"2023-10-01\","
                + "\"identifier\":[{\"system\":\"urn:oid:2.16.840.1.113883.3.1\",\"value\":\"IMM-77\"}]");
        s.add("hospital", "h-42", "Immunization", "imm-3", "\"status\":\"completed\",\"vaccineCode\":"
                + coded("http://hl7.org/fhir/sid/cvx", "150", "Influenza, injectable") + ",\"occurrenceDateTime\":\"2023-10-02\","
                + "\"identifier\":[{\"system\":\"URN:OID:2.16.840.1.113883.3.1/\",\"value\":\"IMM-77\"}]");
        return s;
    }

    static void weight(PersonRecords s, String org, String patient, String id, String when, double kg) {
        s.add(org, patient, "Observation", id, "\"status\":\"final\",\"category\":[{\"coding\":[{\"code\":\"vital-signs\"}]}],"
                + "\"code\":" + coded(LOINC, "29463-7", "Body weight") + ",\"effectiveDateTime\":\"" + when + "\","
                + "\"valueQuantity\":{\"value\":" + kg + ",\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}");
    }

    static void hba1c(PersonRecords s, String org, String patient, String id, String when, String value) {
        s.add(org, patient, "Observation", id, "\"status\":\"final\",\"category\":[{\"coding\":[{\"code\":\"laboratory\"}]}],"
                + "\"code\":" + coded(LOINC, "4548-4", "Hemoglobin A1c") + ",\"effectiveDateTime\":\"" + when + "\","
                + "\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"%\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"%\"}");
    }

}
