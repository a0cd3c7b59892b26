package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A Bundle's own meta.security reaches every entry's stored JSON (issue 18). */
class BundleLabelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bundleLabelsAreCopiedIntoEachEntryOnce() throws Exception {
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"meta\":{\"lastUpdated\":\"2024-05-01T00:00:00Z\","
                + "\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"R\"},"
                + "{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"PSY\"}]},"
                + "\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"a\",\"subject\":{\"reference\":\"Patient/p\"}}},"
                + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"b\",\"meta\":{\"security\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"PSY\"}]}}}]}";
        BundlePage page = new FhirJson().readPage(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("2024-05-01T00:00:00Z", page.lastUpdated());
        assertEquals(2, page.resources().size());
        JsonNode a = JSON.readTree(page.resources().get(0).json());
        assertEquals(2, a.path("meta").path("security").size());
        assertEquals("Patient/p", a.path("subject").path("reference").asText());
        assertEquals("p", page.resources().get(0).patientId());
        JsonNode b = JSON.readTree(page.resources().get(1).json());
        assertEquals(2, b.path("meta").path("security").size(), "PSY not repeated");
    }

    @Test
    void unlabelledBundleLeavesEntriesByteForByte() throws Exception {
        String entry = "{\"resourceType\":\"Condition\",\"id\":\"a\"}";
        String body = "{\"resourceType\":\"Bundle\",\"meta\":{\"lastUpdated\":\"2024-05-01T00:00:00Z\"},\"entry\":[{\"resource\":" + entry + "}]}";
        BundlePage page = new FhirJson().readPage(body.getBytes(StandardCharsets.UTF_8));
        assertEquals(entry, page.resources().get(0).json());
        assertTrue(page.problems().isEmpty());
    }
}
