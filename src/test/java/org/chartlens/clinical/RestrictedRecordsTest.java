package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.Sensitivity;
import org.junit.jupiter.api.Test;

/** Security labels read, masking decided, propagation along references (issue 18, decision 0701). */
class RestrictedRecordsTest {
    static final String PART2 = "\"meta\":{\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"R\"},"
            + "{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"ETH\"},"
            + "{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"42CFRPart2\"}]}";

    static RawResource res(String type, String id, String body) {
        return new RawResource("credible", type, id, "Type".equals(type) ? null : "p1", "2024-01-02", null, null,
                "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"" + (body.isEmpty() ? "" : "," + body) + "}");
    }

    static RawResource shared(String type, String id) {
        return new RawResource("credible", type, id, null, null, null, null,
                "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"}");
    }

    static Set<String> hidden(RestrictedRecords.Split s) {
        return s.restricted().keySet().stream().map(r -> r.type() + "/" + r.id()).collect(Collectors.toSet());
    }

    @Test
    void confidentialityAloneMasksOnlyRAndV() {
        for (String code : List.of("N", "M", "L", "U")) {
            Sensitivity s = SecurityLabels.scan("{\"resourceType\":\"Condition\",\"meta\":{\"security\":[{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"" + code + "\"}]}}").labels();
            assertFalse(s.restricted(), code);
        }
        for (String code : List.of("R", "V")) {
            Sensitivity s = SecurityLabels.scan("{\"resourceType\":\"Condition\",\"meta\":{\"security\":[{\"system\":"
                    + "\"http://hl7.org/fhir/v3/Confidentiality\",\"code\":\"" + code + "\"}]}}").labels();
            assertTrue(s.restricted(), code);
        }
    }

    @Test
    void sensitivityAndCaveatsReadWithTheirReason() {
        Sensitivity s = SecurityLabels.scan("{\"resourceType\":\"Condition\"," + PART2 + "}").labels();
        assertTrue(s.restricted());
        assertTrue(s.part2());
        assertEquals("R", s.confidentiality());
        assertEquals(Set.of("ETH"), s.sensitivity());
        assertEquals("substance-use treatment (42 CFR Part 2)", s.reason());
        Sensitivity psy = SecurityLabels.scan("{\"meta\":{\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"PSY\"}]}}").labels();
        assertTrue(psy.restricted());
        assertEquals("mental health", psy.reason());
        Sensitivity nordslcd = SecurityLabels.scan("{\"meta\":{\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"NORDSLCD\"}]}}").labels();
        assertFalse(nordslcd.restricted(), "no redisclosure alone is a caveat, not a mask");
        assertTrue(nordslcd.noRedisclosure());
    }

    /**
     * A Provenance (or CarePlan) that names a restricted record is hidden, but does not carry the
     * restriction on to the open records it also names: on the demo's Credible chart the whole
     * $everything's Provenance once hid 609 records (every problem and medication).
     */
    @Test
    void aResourceRestrictedOnlyByALinkDoesNotSpreadItOnToWhatItReferences() {
        RawResource oud = res("Condition", "oud", PART2);
        RawResource htn = res("Condition", "htn", "");
        RawResource lis = res("MedicationRequest", "lis", "\"reasonReference\":[{\"reference\":\"Condition/htn\"}]");
        RawResource prov = res("Provenance", "prov", "\"target\":[{\"reference\":\"Condition/oud\"},"
                + "{\"reference\":\"Condition/htn\"},{\"reference\":\"MedicationRequest/lis\"}]");
        RawResource plan = res("CarePlan", "plan", "\"addresses\":[{\"reference\":\"Condition/oud\"}],"
                + "\"activity\":[{\"reference\":{\"reference\":\"MedicationRequest/lis\"}}]");
        RestrictedRecords.Split s = RestrictedRecords.split(List.of(oud, htn, lis, prov, plan), false);
        assertEquals(Set.of("Condition/oud", "Provenance/prov", "CarePlan/plan"), hidden(s));
        assertEquals(Sensitivity.Origin.LINKED, s.restricted().get(prov).origin());
    }

    @Test
    void unlabelledChartIsNotParsedAndNothingIsHidden() {
        List<RawResource> all = List.of(res("Condition", "c1", ""), res("Encounter", "e1", ""));
        RestrictedRecords.Split s = RestrictedRecords.split(all, false);
        assertFalse(s.any());
        assertEquals(all, s.open());
    }

    @Test
    void propagatesAlongReferencesBothWaysButNotIntoVisitsOrTheChart() {
        List<RawResource> all = List.of(
                res("Patient", "p1", PART2),
                res("Condition", "sud", PART2 + ",\"subject\":{\"reference\":\"Patient/p1\"},\"encounter\":{\"reference\":\"Encounter/visit\"},"
                        + "\"asserter\":{\"reference\":\"Practitioner/dr\"}"),
                res("Encounter", "visit", ""),
                res("Encounter", "only-sud", "\"diagnosis\":[{\"condition\":{\"reference\":\"Condition/sud\"}}]"),
                res("MedicationRequest", "bup", "\"reasonReference\":[{\"reference\":\"Condition/sud\"}],\"medicationReference\":{\"reference\":\"Medication/m\"}"),
                res("Observation", "during", "\"encounter\":{\"reference\":\"Encounter/only-sud\"}"),
                res("Observation", "elsewhere", "\"encounter\":{\"reference\":\"Encounter/visit\"}"),
                res("DiagnosticReport", "dr", PART2 + ",\"result\":[{\"reference\":\"Observation/tox\"}]"),
                res("Observation", "tox", ""),
                shared("Practitioner", "dr"),
                shared("Medication", "m"));
        RestrictedRecords.Split s = RestrictedRecords.split(all, false);
        assertEquals(Set.of("Condition/sud", "Encounter/only-sud", "MedicationRequest/bup", "Observation/during",
                "DiagnosticReport/dr", "Observation/tox"), hidden(s));
        assertEquals(Sensitivity.Origin.LINKED, s.restricted().entrySet().stream()
                .filter(e -> e.getKey().id().equals("bup")).findFirst().orElseThrow().getValue().origin());
        assertTrue(s.restricted().values().stream().allMatch(Sensitivity::part2));
        assertEquals(5, s.open().size(), "the patient, the other visit and what happened there, the shared resources");
    }

    @Test
    void inferenceIsOffByDefaultAndNamedAsChartLensWhenOn() {
        RawResource f11 = new RawResource("x", "Condition", "c", "p1", null, null,
                "http://hl7.org/fhir/sid/icd-10-cm|F11.20", "{\"resourceType\":\"Condition\",\"id\":\"c\"}");
        RawResource i10 = new RawResource("x", "Condition", "h", "p1", null, null,
                "http://hl7.org/fhir/sid/icd-10-cm|I10", "{\"resourceType\":\"Condition\",\"id\":\"h\"}");
        RawResource f20 = new RawResource("x", "Condition", "s", "p1", null, null,
                "http://hl7.org/fhir/sid/icd-10-cm|F20.9", "{\"resourceType\":\"Condition\",\"id\":\"s\"}");
        RawResource bup = new RawResource("x", "MedicationRequest", "m", "p1", null, null,
                "http://www.nlm.nih.gov/research/umls/rxnorm|1010603", "{\"resourceType\":\"MedicationRequest\",\"id\":\"m\"}");
        List<RawResource> all = List.of(f11, i10, f20, bup);
        assertFalse(RestrictedRecords.split(all, false).any());
        RestrictedRecords.Split s = RestrictedRecords.split(all, true);
        assertEquals(Set.of("Condition/c", "MedicationRequest/m"), hidden(s));
        assertTrue(s.restricted().get(f11).reason().contains("ChartLens's inference"));
    }
}
