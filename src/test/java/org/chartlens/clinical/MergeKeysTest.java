package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.Source;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/**
 * A row's {@link Source} no longer keeps its resource's raw JSON (issue 21): what a person's merge
 * matches on besides the fields (business identifiers for {@link FactMerge}, a Condition's codings
 * for {@link Reconciliation}) is read from the parsed tree into {@link Source.Keys}. These must be
 * exactly what the merge read from the raw JSON before; the reference reads below are the ones it
 * used (a streaming scan of {@code identifier[]}, a full parse of {@code code.coding}).
 */
class MergeKeysTest {
    private static final JsonFactory STREAM = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The identifiers as the merge read them from the raw JSON before (BusinessIdentifiers.of(String)). */
    static List<String> identifiersFromJson(String json) {
        if (json == null || !json.contains("\"identifier\"")) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        try (JsonParser p = STREAM.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("identifier".equals(name) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String system = null;
                        String value = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken v = p.nextToken();
                            if ("system".equals(f) && v == JsonToken.VALUE_STRING) {
                                system = p.getText();
                            } else if ("value".equals(f) && v == JsonToken.VALUE_STRING) {
                                value = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (system != null && value != null && !value.isBlank()) {
                            out.add(BusinessIdentifiers.normalSystem(system) + "|" + value.trim());
                        }
                    }
                    return out;
                }
                p.skipChildren();
            }
        } catch (Exception e) {
            return out;
        }
        return out;
    }

    /** A Condition's codings as the Reconcile tab read them from the raw JSON before. */
    static List<Source.Coding> codingsFromJson(String json) throws Exception {
        List<Source.Coding> out = new ArrayList<>();
        for (JsonNode c : JSON.readTree(json).path("code").path("coding")) {
            String code = c.path("code").asText("");
            if (!code.isBlank()) {
                out.add(new Source.Coding(c.path("system").asText(null), code));
            }
        }
        return out;
    }

    private static void sameAsFromJson(List<RawResource> rows) throws Exception {
        ParsedChart chart = ParsedChart.of(rows);
        int compared = 0;
        for (RawResource r : rows) {
            ResourceTree t = chart.get(r.type(), r.id());
            if (t == null) {
                continue;
            }
            Source.Keys keys = t.source().keys();
            assertEquals(identifiersFromJson(r.json()), keys.identifiers(), r.type() + "/" + r.id());
            assertEquals("Condition".equals(r.type()) ? codingsFromJson(r.json()) : List.of(), keys.codings(),
                    r.type() + "/" + r.id());
            compared++;
        }
        assertTrue(compared > 0);
    }

    private static RawResource row(String type, String json) {
        return new RawResource("demo", type, "x1", "p1", null, null, null, json);
    }

    @Test
    void everyDemoPatientsKeysAreWhatTheMergeReadFromTheRawJson() throws Exception {
        List<Path> bundles;
        try (Stream<Path> s = Files.list(SyntheaBundles.COLUMBUS)) {
            bundles = s.filter(p -> !p.getFileName().toString().startsWith("hospital")
                    && !p.getFileName().toString().startsWith("practitioner")).sorted().toList();
        }
        assertTrue(bundles.size() > 5, bundles.toString());
        int withIds = 0;
        int withCodings = 0;
        for (Path b : bundles) {
            List<RawResource> rows = SyntheaBundles.read(b, "demo").stream().map(SyntheaBundles::toRaw).toList();
            sameAsFromJson(rows);
            ParsedChart chart = ParsedChart.of(rows);
            withIds += (int) Stream.of("Encounter", "ExplanationOfBenefit", "DocumentReference").flatMap(ty -> chart.all(ty).stream())
                    .filter(t -> !t.source().keys().identifiers().isEmpty()).count();
            withCodings += (int) chart.all("Condition").stream().filter(t -> !t.source().keys().codings().isEmpty()).count();
        }
        assertTrue(withIds > 100, "the demo data has business identifiers to compare: " + withIds);
        assertTrue(withCodings > 50, "and coded Conditions: " + withCodings);
    }

    @Test
    void theLargeChartsKeysAreWhatTheMergeReadFromTheRawJson() throws Exception {
        List<StoredResource> large = SyntheaBundles.read(SyntheaBundles.large(), "north");
        sameAsFromJson(large.stream().map(SyntheaBundles::toRaw).toList());
    }

    @Test
    void unusualIdentifiersAndCodingsReadAsTheRawJsonReadThem() throws Exception {
        List<RawResource> rows = List.of(
                row("Immunization", "{\"resourceType\":\"Immunization\",\"id\":\"x1\",\"identifier\":["
                        + "{\"system\":\"URN:OID:1.2.3/\",\"value\":\" 42 \"},"
                        + "{\"system\":\"http:\\\\\\\\example.org\\\\ids\",\"value\":\"a\",\"type\":{\"text\":\"t\"}},"
                        + "{\"system\":\"s\",\"value\":\"   \"},"
                        + "{\"system\":\"s\",\"value\":7},"
                        + "{\"value\":\"no-system\"},"
                        + "\"not an object\","
                        + "{\"system\":\"after\",\"value\":\"ignored\"}]}"),
                row("Encounter", "{\"resourceType\":\"Encounter\",\"id\":\"x1\",\"identifier\":{\"system\":\"s\",\"value\":\"v\"}}"),
                row("Procedure", "{\"resourceType\":\"Procedure\",\"id\":\"x1\",\"note\":[{\"text\":\"\\\"identifier\\\"\"}],"
                        + "\"partOf\":[{\"identifier\":{\"system\":\"s\",\"value\":\"v\"}}]}"),
                row("Condition", "{\"resourceType\":\"Condition\",\"id\":\"x1\",\"code\":{\"coding\":["
                        + "{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\"},"
                        + "{\"code\":\"E11.9\"},"
                        + "{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\" \"},"
                        + "{\"system\":null,\"code\":\"x\"},"
                        + "{\"system\":\"http://example.org\",\"code\":12}]}}"),
                row("Condition", "{\"resourceType\":\"Condition\",\"id\":\"x1\",\"code\":{\"coding\":{\"system\":\"s\",\"code\":\"c\"}}}"));
        for (RawResource r : rows) {
            sameAsFromJson(List.of(r));
        }
        Source.Keys imm = ParsedChart.of(List.of(rows.get(0))).get("Immunization", "x1").source().keys();
        assertEquals(List.of("1.2.3|42", "http://example.org/ids|a"), imm.identifiers());
        Source.Keys cond = ParsedChart.of(List.of(rows.get(3))).get("Condition", "x1").source().keys();
        assertEquals(List.of(new Source.Coding("http://snomed.info/sct", "44054006"), new Source.Coding(null, "E11.9"),
                new Source.Coding(null, "x"), new Source.Coding("http://example.org", "12")), cond.codings());
    }

    @Test
    void aResourceWithoutKeysSharesTheEmptyKeysAndOnlyConditionsCarryCodings() {
        ParsedChart chart = ParsedChart.of(List.of(
                row("Observation", "{\"resourceType\":\"Observation\",\"id\":\"x1\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"4548-4\"}]}}")));
        Source s = chart.get("Observation", "x1").source();
        assertSame(Source.Keys.NONE, s.keys());
        assertFalse(s.isMerged());
        assertEquals("Observation/x1", s.reference());
    }
}
