package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a chart brings the shared resources its JSON references, found without a parse: the
 * scan must read JSON strings as JSON does (escaped quotes, escaped slashes, unicode escapes) and
 * must not take text inside a string for a reference.
 */
class SharedReferencesTest {
    @TempDir
    Path dir;

    /** An Observation whose references test the scan; every referenced id is in the cache. */
    static final String TRICKY = """
            {"resourceType":"Observation","id":"o1","status":"final",
             "subject":{"reference":"Patient/p1"},
             "note":[{"text":"he wrote \\"reference\\": \\"Practitioner/in-a-note\\" on the form"}],
             "x \\"reference":"Practitioner/in-a-name",
             "performer":[{"reference":"Practitioner\\/escaped-slash"},{"reference":"Organization/o\\"q"}],
             "extension":[{"url":"u","valueReference":{"reference":"Location/loc\\u002D1"}}]}""";

    @Test
    void chartReadsReferencesAsJsonStringsAndNeverTextInsideAString() {
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), ChartCacheTest.key())) {
            cache.putAll(List.of(ChartCacheTest.patient("org", "p1", "Quistorpfeld"),
                    new StoredResource("org", "Observation", "o1", "p1", null, "final", null, TRICKY),
                    shared("Practitioner", "in-a-note"), shared("Practitioner", "in-a-name"),
                    shared("Practitioner", "escaped-slash"), shared("Organization", "o\"q"),
                    shared("Location", "loc-1")));
            Set<String> got = new TreeSet<>();
            cache.chart("org", "p1").forEach(r -> got.add(r.type() + "/" + r.id()));
            assertEquals(Set.of("Patient/p1", "Observation/o1", "Practitioner/escaped-slash", "Organization/o\"q",
                    "Location/loc-1"), got);
        }
    }

    /** The copy-free pre-check never drops what the parser would keep (issue 21). */
    @Test
    void theQuickCheckKeepsEverySharedReferenceTheParserFinds() {
        List<String> refs = List.of("Practitioner/1", "Organization/o-2", "Location/x", "Medication/m",
                "PractitionerRole/r", "http://ehr.example/fhir/Practitioner/7", "Practitioner/1/_history/2",
                "http://h/fhir/Location/9/_history/1", "Patient/p1", "Encounter/e", "Observation/o", "#contained",
                "urn:uuid:1234", "Practitioner?identifier=x", "Practitioner", "/Practitioner", "Practitioner/",
                "a/b/Organization/c", "Organization/with_underscore", "Medications/m", "Locatio/x", "");
        for (String ref : refs) {
            String json = "{\"reference\":\"" + ref + "\"}";
            int from = json.indexOf(ref, 13);
            org.chartlens.domain.LiteralReference parsed = org.chartlens.domain.LiteralReference.parse(ref);
            boolean shared = parsed != null && org.chartlens.domain.Compartment.isShared(parsed.type());
            if (shared) {
                org.junit.jupiter.api.Assertions.assertTrue(SharedReferences.mayBeShared(json, from, from + ref.length()),
                        ref);
            }
            java.util.Map<String, Set<String>> found = new java.util.TreeMap<>();
            SharedReferences.collect(json, found);
            assertEquals(shared ? Set.of(parsed.type()) : Set.of(), found.keySet(), ref);
        }
        org.junit.jupiter.api.Assertions.assertFalse(SharedReferences.mayBeShared("\"Encounter/e\"", 1, 12));
    }

    static StoredResource shared(String type, String id) {
        return new StoredResource("org", type, id, null, null, null, null,
                "{\"resourceType\":\"" + type + "\",\"id\":\"" + id.replace("\"", "\\\"") + "\"}");
    }
}
