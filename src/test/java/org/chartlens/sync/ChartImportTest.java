package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.chartlens.fhir.FhirJson;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartImportTest {
    static final Path COLUMBUS = Path.of("/work/shared/fhir-data/synthea-columbus");

    @TempDir
    Path dir;

    static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    static Map<String, Integer> bundleCounts(Path gz) throws Exception {
        JsonNode b;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            b = new ObjectMapper().readTree(in);
        }
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode e : b.path("entry")) {
            out.merge(e.path("resource").path("resourceType").asText(), 1, Integer::sum);
        }
        return out;
    }

    @Test
    void aFolderOfSyntheaBundlesImportsCompleteChartsWithResolvedReferences() throws Exception {
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key())) {
            long t0 = System.nanoTime();
            ChartImport.Result r = new ChartImport(cache, new FhirJson()).importPath(COLUMBUS);
            System.out.printf("imported %s in %d ms: %s%n", COLUMBUS.getFileName(),
                    (System.nanoTime() - t0) / 1_000_000, r.storedByType());
            assertEquals("import:synthea-columbus", r.org());
            assertEquals(14, r.files());
            assertTrue(r.unreadable().isEmpty(), r.unreadable().toString());
            assertEquals(12, r.patients().size());
            assertEquals(12, cache.patients().size());

            Path one;
            try (var s = Files.list(COLUMBUS)) {
                one = s.filter(p -> p.getFileName().toString().startsWith("Chas63")).findFirst().orElseThrow();
            }
            Map<String, Integer> expected = bundleCounts(one);
            String patientId = one.getFileName().toString().replaceAll(".*_([0-9a-f-]{36})\\.json\\.gz", "$1");
            List<StoredResource> chart = cache.chart(r.org(), patientId);
            Map<String, Integer> got = chart.stream().filter(x -> expected.containsKey(x.type()))
                    .collect(Collectors.toMap(StoredResource::type, x -> 1, Integer::sum, TreeMap::new));
            assertEquals(expected, got);
            // conditional references (Practitioner?identifier=...) were resolved: the chart names its clinicians
            assertTrue(chart.stream().anyMatch(x -> x.type().equals("Practitioner")));
            assertTrue(chart.stream().anyMatch(x -> x.type().equals("Organization")));
            StoredResource enc = chart.stream().filter(x -> x.type().equals("Encounter")).findFirst().orElseThrow();
            assertFalse(enc.json().contains("urn:uuid:"), "urn:uuid references were rewritten");
            assertTrue(enc.json().contains("\"Patient/" + patientId + "\""));
            assertEquals(1, cache.auditLog(null, null).stream().filter(a -> a.event().equals("import")).count());
        }
    }

    @Test
    void ndjsonIsImportedLenientlyAndWhatCannotBeReadIsListed() throws Exception {
        Path in = dir.resolve("packet");
        Files.createDirectories(in);
        Files.writeString(in.resolve("data.ndjson"), String.join("\n",
                "{\"resourceType\":\"Patient\",\"id\":\"cc1\",\"name\":[{\"family\":\"ABRAHAM\"}],\"birthDate\":\"8/27/1930 12:00:00 AM\"}",
                "{\"resourceType\":\"Condition\",\"id\":\"k1\",\"subject\":{\"reference\":\"Patient/cc1\"},\"onsetDateTime\":\"2001-02\"}",
                "{this is not json",
                "",
                "{\"resourceType\":\"Provenance\",\"id\":\"pv1\",\"target\":[{\"reference\":\"Patient/cc1\"}]}",
                "{\"resourceType\":\"Gizmo\",\"id\":\"g1\",\"patient\":{\"reference\":\"Patient/cc1\"}}",
                "{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/cc1\"}}"));
        Files.writeString(in.resolve("broken.json"), "{\"resourceType\":\"Bundle\",\"entry\":[");
        Files.writeString(in.resolve("deep.json"), "[".repeat(5000) + "]".repeat(5000));
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key())) {
            ChartImport.Result r = new ChartImport(cache, new FhirJson()).importPath(in);
            assertEquals("import:packet", r.org());
            assertEquals(Map.of("Condition", 1, "Gizmo", 1, "Patient", 1, "Provenance", 1), r.storedByType());
            assertEquals(3, r.unreadable().size(), r.unreadable().toString());
            assertTrue(r.unreadable().stream().anyMatch(u -> u.startsWith("broken.json")));
            assertTrue(r.unreadable().stream().anyMatch(u -> u.startsWith("deep.json") && u.contains("nested too deeply")),
                    r.unreadable().toString());
            assertTrue(r.unreadable().stream().anyMatch(u -> u.startsWith("data.ndjson line 3")));
            assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("Patient: dates not in FHIR format")), r.problems().toString());
            assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("Gizmo: not a FHIR R4 resource type")));
            assertTrue(r.problems().stream().anyMatch(p -> p.contains("without an id")));
            // the bad date is kept exactly as given; Provenance lands in the patient's chart
            assertEquals("8/27/1930 12:00:00 AM", cache.resource("import:packet", "Patient", "cc1").orElseThrow().effective());
            assertEquals(4, cache.chart("import:packet", "cc1").size());
            assertTrue(r.problems().stream().noneMatch(p -> p.contains("ABRAHAM")));
        }
    }
}
