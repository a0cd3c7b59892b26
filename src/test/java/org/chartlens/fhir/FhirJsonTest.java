package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.chartlens.domain.LiteralReference;
import org.junit.jupiter.api.Test;

class FhirJsonTest {
    static final Path LARGE = Path.of("/work/shared/fhir-data/synthea-large");

    @Test
    void readsIndexedFieldsAndRawJsonWithoutLosingAnything() throws Exception {
        String page = """
                {"resourceType":"Bundle","type":"searchset","total":3,
                 "link":[{"relation":"self","url":"x"},{"relation":"next","url":"Condition?page=2"}],
                 "entry":[
                  {"fullUrl":"http://h/fhir/Condition/c1","resource":{"resourceType":"Condition","id":"c1",
                     "meta":{"lastUpdated":"2024-05-01T10:00:00Z"},
                     "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                     "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006","display":"Diabetes"}]},
                     "subject":{"reference":"Patient/p1"},"onsetDateTime":"8/27/1930 12:00:00 AM","recordedDate":"2001-01-01",
                     "futureElement":{"deep":[1,2,{"x":"y"}]}}},
                  {"resource":{"resourceType":"Observation","id":"o1","status":"final",
                     "effectivePeriod":{"start":"2020-02"},"subject":{"reference":"http://h/fhir/Patient/p1"},
                     "code":{"coding":[{"code":"8867-4"}]}}},
                  {"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning","diagnostics":"<i>partial</i>"}]}},
                  {"resource":{"resourceType":"Starship","id":"s1"}}
                 ]}""";
        BundlePage p = new FhirJson().readPage(page.getBytes(StandardCharsets.UTF_8));
        assertEquals("Condition?page=2", p.next());
        assertEquals(3, p.total());
        assertEquals(3, p.resources().size());
        ReceivedResource c = p.resources().get(0);
        assertEquals("Condition", c.type());
        assertEquals("c1", c.id());
        assertEquals("p1", c.patientId());
        assertEquals("active", c.status());
        assertEquals("http://snomed.info/sct|44054006", c.code());
        assertEquals("8/27/1930 12:00:00 AM", c.effective());
        assertFalse(EffectiveDates.isFhirDate(c.effective()));
        assertEquals("2024-05-01T10:00:00Z", c.lastUpdated());
        assertEquals("http://h/fhir/Condition/c1", c.fullUrl());
        JsonNode raw = new ObjectMapper().readTree(c.json());
        assertEquals("y", raw.at("/futureElement/deep/2/x").asText());
        ReceivedResource o = p.resources().get(1);
        assertEquals("2020-02", o.effective());
        assertTrue(EffectiveDates.isFhirDate(o.effective()));
        assertEquals("p1", o.patientId());
        assertEquals("8867-4", o.code());
        assertEquals("Starship", p.resources().get(2).type());
        assertEquals(java.util.List.of("warning: partial"), p.outcomes());
    }

    @Test
    void aSingleResourceAndAnOperationOutcomeAreReadAsPages() throws Exception {
        FhirJson j = new FhirJson();
        BundlePage one = j.readPage("{\"resourceType\":\"Patient\",\"id\":\"p9\",\"birthDate\":\"1930\"}".getBytes());
        assertEquals(1, one.resources().size());
        assertEquals("p9", one.resources().get(0).patientId());
        assertEquals("1930", one.resources().get(0).effective());
        BundlePage oo = j.readPage(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"details\":{\"text\":\"Not found\"}}]}").getBytes());
        assertTrue(oo.resources().isEmpty());
        assertEquals("error: Not found", oo.outcomes().get(0));
        assertNull(LiteralReference.idOf("Practitioner/1", "Patient"));
        assertEquals("7", LiteralReference.idOf("https://x/fhir/Patient/7/_history/2", "Patient"));
    }

    @Test
    void everyLiteralReferenceIsCollectedInTheStreamingPassAndTextInsideStringsIsNot() throws Exception {
        String json = """
                {"resourceType":"Observation","id":"o1","status":"final",
                 "subject":{"reference":"Patient/p1"},
                 "note":[{"text":"he wrote \\"reference\\": \\"Practitioner/in-a-note\\" on the form"}],
                 "x \\"reference":"Practitioner/in-a-name",
                 "performer":[{"reference":"Practitioner\\/escaped-slash"},{"reference":"Organization/o\\"q"}],
                 "contained":[{"resourceType":"Medication","id":"m","manufacturer":{"reference":"Organization/made"}}],
                 "medicationReference":{"reference":"#m"},
                 "basedOn":[{"reference":"urn:uuid:1"},{"reference":"ServiceRequest?identifier=a|b"}],
                 "extension":[{"url":"u","valueReference":{"reference":"https://h/fhir/Location/loc\\u002D1/_history/3"}}],
                 "code":{"coding":[{"code":"x","extension":[{"valueReference":{"reference":"Device/in-code"}}]}]},
                 "effectivePeriod":{"start":"2020","extension":[{"valueReference":{"reference":"Device/in-period"}}]}}""";
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ReceivedResource r = new FhirJson().readResource(b, 0, b.length);
        assertEquals(java.util.List.of(new LiteralReference("Patient", "p1"),
                new LiteralReference("Practitioner", "escaped-slash"), new LiteralReference("Organization", "o\"q"),
                new LiteralReference("Organization", "made"), new LiteralReference("Location", "loc-1"),
                new LiteralReference("Device", "in-code"), new LiteralReference("Device", "in-period")), r.references());
        assertEquals("p1", r.patientId());
        assertEquals("x", r.code());
        assertEquals("2020", r.effective());
        // the same resource in a Bundle, and a Patient read alone whose "link" is its own (not a Bundle's)
        BundlePage page = new FhirJson().readPage(("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":" + json
                + "}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(r.references(), page.resources().get(0).references());
        BundlePage patient = new FhirJson().readPage(("{\"resourceType\":\"Patient\",\"id\":\"p2\","
                + "\"link\":[{\"other\":{\"reference\":\"Patient/p3\"},\"type\":\"seealso\"}],"
                + "\"generalPractitioner\":[{\"reference\":\"Practitioner/gp\"}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, patient.resources().size(), patient.problems().toString());
        assertEquals(java.util.List.of(new LiteralReference("Patient", "p3"), new LiteralReference("Practitioner", "gp")),
                patient.resources().get(0).references());
    }

    @Test
    void theLargeChartStreamsFastAndMatchesATreeParse() throws Exception {
        Path file;
        try (var s = Files.list(LARGE)) {
            file = s.filter(f -> f.getFileName().toString().startsWith("Marian")).findFirst().orElseThrow();
        }
        byte[] body;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            body = in.readAllBytes();
        }
        FhirJson j = new FhirJson();
        BundlePage p = null;
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 8; i++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            p = j.readPage(body);
            best = Math.min(best, System.nanoTime() - t0);
            bestCpu = Math.min(bestCpu, mx.getCurrentThreadCpuTime() - c0);
        }
        System.out.printf("large chart: %d resources, %.1f MB, stream-read best wall %d ms, cpu %d ms%n",
                p.resources().size(), body.length / 1e6, best / 1_000_000, bestCpu / 1_000_000);
        JsonNode tree = new ObjectMapper().readTree(body);
        assertEquals(tree.path("entry").size(), p.resources().size());
        Map<String, Integer> byType = new HashMap<>();
        for (JsonNode e : tree.path("entry")) {
            byType.merge(e.path("resource").path("resourceType").asText(), 1, Integer::sum);
        }
        Map<String, Integer> streamed = new HashMap<>();
        p.resources().forEach(r -> streamed.merge(r.type(), 1, Integer::sum));
        assertEquals(byType, streamed);
        // the raw slices are exact
        assertEquals(tree.path("entry").get(100).path("resource"), new ObjectMapper().readTree(p.resources().get(100).json()));
        assertTrue(best < 2_000_000_000L);
    }
}
