package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.chartlens.domain.Compartment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large chart (8,862 resources, 29 MB) written to the encrypted cache in one batch, three
 * times over, reads back exactly: every compartment resource once (rewrites replace, never
 * duplicate), every field and every byte of raw JSON as written. Write speed is the benchmark's
 * business (figure 4; {@link CacheWriteProbe} for a quick look), not this test's.
 */
class LargeChartRoundTripTest {
    @TempDir
    Path dir;

    static List<StoredResource> largeChart() throws Exception {
        Path file;
        try (var s = Files.list(Path.of("/work/shared/fhir-data/synthea-large"))) {
            file = s.filter(f -> f.getFileName().toString().startsWith("Marian")).findFirst().orElseThrow();
        }
        JsonNode b;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            b = new ObjectMapper().readTree(in);
        }
        ObjectMapper m = new ObjectMapper();
        List<StoredResource> rows = new ArrayList<>();
        for (JsonNode e : b.path("entry")) {
            JsonNode r = e.path("resource");
            String type = r.path("resourceType").asText();
            boolean shared = Compartment.isShared(type);
            rows.add(new StoredResource("demo", type, r.path("id").asText(), shared ? null : "p1",
                    r.path("effectiveDateTime").asText(null), r.path("status").asText(null),
                    r.path("code").path("coding").path(0).path("code").asText(null), m.writeValueAsString(r)));
        }
        return rows;
    }

    @Test
    void theLargeChartWrittenInOneBatchReadsBackExactly() throws Exception {
        List<StoredResource> rows = largeChart();
        byte[] key = new byte[32];
        key[0] = 7;
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key)) {
            for (int round = 0; round < 3; round++) {
                try (CacheBatch b = cache.begin()) {
                    for (StoredResource r : rows) {
                        b.put(r, "2026-01-01T00:00:00Z");
                    }
                    b.commit();
                }
            }
            Map<String, StoredResource> written = new HashMap<>();
            for (StoredResource r : rows) {
                if (r.patientId() != null) {
                    written.put(r.type() + "/" + r.id(), r);
                }
            }
            List<StoredResource> read = cache.chart("demo", "p1");
            long compartment = read.stream().filter(r -> r.patientId() != null).count();
            assertEquals(written.size(), compartment, "each compartment resource once");
            for (StoredResource r : read) {
                if (r.patientId() != null) {
                    assertEquals(written.get(r.type() + "/" + r.id()), r, "read back as written");
                }
            }
            assertEquals("ok", cache.integrityCheck());
        }
    }
}
