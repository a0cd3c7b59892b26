package org.chartlens.clinical;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chartlens.domain.PatientRef;
import org.chartlens.fhir.FhirJson;
import org.chartlens.store.ChartCache;
import org.chartlens.sync.ChartImport;

/**
 * TEST fixture (issue 18): a small chart with labelled records. Open: hypertension, lisinopril, a
 * blood pressure, a check-up. Restricted: opioid dependence (R ETH 42CFRPart2, labelled), the
 * buprenorphine order whose reason it is (linked), the opioid-program visit (labelled R ETH
 * 42CFRPart2) and its progress note (linked), and a depression diagnosis (R PSY, labelled).
 * {@link #SECRETS} lists every display text, code and note word of the restricted ones.
 */
public final class LabelledBundle {
    public static final String PATIENT = "sud-1";
    /** What must not appear anywhere before the glass is broken (and does after). */
    public static final List<String> SECRETS = List.of("Opioid dependence", "F11.20", "Buprenorphine", "1010603",
            "Opioid treatment program", "Induction on buprenorphine", "Major depressive disorder", "F32.9");
    /** What stays visible throughout. */
    public static final List<String> OPEN = List.of("Essential hypertension", "Lisinopril", "General check-up");

    private static final String PART2 = "\"meta\":{\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"R\"},"
            + "{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"ETH\"},"
            + "{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"42CFRPart2\"}]}";
    private static final String PSY = "\"meta\":{\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"R\"},"
            + "{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"PSY\"}]}";
    private static final String SUBJECT = "\"subject\":{\"reference\":\"Patient/" + PATIENT + "\"}";

    private LabelledBundle() {
    }

    public static String json() {
        // "Induction on buprenorphine. Counselled." in base64
        String note = java.util.Base64.getEncoder().encodeToString(
                "Induction on buprenorphine. Counselled on overdose risk.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> resources = List.of(
                "{\"resourceType\":\"Patient\",\"id\":\"" + PATIENT + "\",\"name\":[{\"family\":\"Okafor\",\"given\":[\"Dana\"]}],"
                        + "\"gender\":\"female\",\"birthDate\":\"1979-02-11\"}",
                "{\"resourceType\":\"Encounter\",\"id\":\"checkup\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                        + "\"type\":[{\"text\":\"General check-up\"}]," + SUBJECT + ",\"period\":{\"start\":\"2024-03-01T09:00:00Z\",\"end\":\"2024-03-01T09:30:00Z\"}}",
                "{\"resourceType\":\"Condition\",\"id\":\"htn\",\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},"
                        + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"59621000\",\"display\":\"Essential hypertension\"}]},"
                        + SUBJECT + ",\"encounter\":{\"reference\":\"Encounter/checkup\"},\"onsetDateTime\":\"2024-03-01\"}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"lis\",\"status\":\"active\",\"intent\":\"order\","
                        + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"314076\",\"display\":\"Lisinopril 10 MG Oral Tablet\"}]},"
                        + SUBJECT + ",\"authoredOn\":\"2024-03-01\",\"reasonReference\":[{\"reference\":\"Condition/htn\"}]}",
                "{\"resourceType\":\"Observation\",\"id\":\"bp\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],"
                        + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"Heart rate\"}]},"
                        + SUBJECT + ",\"encounter\":{\"reference\":\"Encounter/checkup\"},\"effectiveDateTime\":\"2024-03-01T09:10:00Z\","
                        + "\"valueQuantity\":{\"value\":72,\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}}",
                "{\"resourceType\":\"Encounter\",\"id\":\"otp\"," + PART2 + ",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                        + "\"type\":[{\"text\":\"Opioid treatment program visit\"}]," + SUBJECT + ",\"period\":{\"start\":\"2024-06-10T10:00:00Z\",\"end\":\"2024-06-10T11:00:00Z\"}}",
                "{\"resourceType\":\"Condition\",\"id\":\"oud\"," + PART2 + ",\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},"
                        + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"F11.20\",\"display\":\"Opioid dependence, uncomplicated\"}],\"text\":\"Opioid dependence\"},"
                        + SUBJECT + ",\"encounter\":{\"reference\":\"Encounter/otp\"},\"onsetDateTime\":\"2024-06-10\"}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"bup\",\"status\":\"active\",\"intent\":\"order\","
                        + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"1010603\",\"display\":\"Buprenorphine 2 MG / Naloxone 0.5 MG Sublingual Film\"}]},"
                        + SUBJECT + ",\"authoredOn\":\"2024-06-10\",\"reasonReference\":[{\"reference\":\"Condition/oud\"}]}",
                "{\"resourceType\":\"DocumentReference\",\"id\":\"otp-note\",\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"11506-3\",\"display\":\"Progress note\"}]},"
                        + SUBJECT + ",\"date\":\"2024-06-10T11:00:00Z\",\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"" + note + "\"}}],"
                        + "\"context\":{\"encounter\":[{\"reference\":\"Encounter/otp\"}]}}",
                "{\"resourceType\":\"Condition\",\"id\":\"mdd\"," + PSY + ",\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},"
                        + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"F32.9\",\"display\":\"Major depressive disorder, single episode, unspecified\"}]},"
                        + SUBJECT + ",\"onsetDateTime\":\"2023-11-20\"}");
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources.get(i)).append('}');
        }
        return sb.append("]}").toString();
    }

    /** Imports the bundle into {@code cache} as organization "import:credible-export"; returns the record. */
    public static PatientRef importInto(ChartCache cache, Path dir) throws IOException {
        Path f = dir.resolve("credible-export.json");
        Files.writeString(f, json());
        ChartImport.Result r = new ChartImport(cache, new FhirJson()).importPath(f);
        return new PatientRef(r.org(), PATIENT);
    }
}
