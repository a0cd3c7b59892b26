package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 / decision 0301: CareCloud documents JSON or XML; a server that answers only
 * {@code application/fhir+xml} (the demo EHR's carecloud profile with {@code xmlOnly}) is synced
 * like a JSON one: the XML replies are turned once into FHIR JSON where the fhir package reads
 * them, and one chart's sync stores the same resources, per type and by id, as from JSON.
 */
class XmlOnlySyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aCareCloudServerThatAnswersOnlyXmlSyncsTheSameChartAsOneThatAnswersJson() throws Exception {
        Chart json;
        try (DemoFixture f = DemoFixture.preset("carecloud", Files.createDirectories(dir.resolve("json")))) {
            json = syncFirst(f);
        }
        Chart xml;
        try (DemoFixture f = DemoFixture.presetXmlOnly("carecloud", Files.createDirectories(dir.resolve("xml")))) {
            // the server asked for JSON (Accept, CareCloud's _format=JSON) answers XML all the same
            HttpResponse<String> meta = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(f.ehr.fhirBase() + "/metadata?_format=JSON"))
                    .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(meta.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+xml"));
            assertTrue(meta.body().startsWith("<CapabilityStatement"), meta.body().substring(0, 40));
            xml = syncFirst(f);
        }
        assertTrue(json.byType.size() > 10, "a full chart: " + json.byType);
        assertEquals(json.byType, xml.byType, "the same count of each type");
        assertEquals(json.orgByType, xml.orgByType, "the same shared resources too");
        assertEquals(json.ids, xml.ids, "the same resources, by id");
        // what the views read survives the trip: the patient's name and birth date as CareCloud sends them
        assertEquals(json.patient.path("name"), xml.patient.path("name"));
        assertEquals(json.patient.path("birthDate"), xml.patient.path("birthDate"));
        assertEquals(json.patient.path("identifier"), xml.patient.path("identifier"));
        System.out.println("carecloud, JSON vs XML only: " + xml.byType);
    }

    /** What one sync of the first patient stored. */
    record Chart(Map<String, Integer> byType, Map<String, Integer> orgByType, Set<String> ids, JsonNode patient) {
    }

    static Chart syncFirst(DemoFixture f) throws Exception {
        String p = f.ehr.patientIds().get(0);
        Set<String> scopes = f.session.grantedScopes().isEmpty() ? null : Set.copyOf(f.session.grantedScopes());
        SyncResult r = f.sync().run(new SyncRequest(List.of(p), f.session.patient(), false, scopes, null),
                SyncListener.NONE);
        assertTrue(r.ok(), r.summary() + " " + r.failed());
        Set<String> ids = new TreeSet<>();
        JsonNode patient = null;
        for (StoredResource s : f.cache.chart(f.org.id(), p)) {
            ids.add(s.type() + "/" + s.id());
            if ("Patient".equals(s.type())) {
                patient = JSON.readTree(s.json());
            }
        }
        return new Chart(f.cached(p), new TreeMap<>(f.cache.countsByType(f.org.id())), ids, patient);
    }
}
