package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.chartlens.auth.AccessTokenSource;
import org.chartlens.connect.Organization;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.FhirJson;
import org.chartlens.store.ChartCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync, bulk export and import put a resource in the same patient's chart: the resources below
 * are served by a scripted FHIR server (per patient through {@code $everything}, and as one
 * NDJSON file through a Group {@code $export}) and imported from one Bundle file per patient.
 * Before the rule was one, a sync stored everything it pulled for patient X under X, while bulk
 * export and import went by what the resource names: the Coverage of a child found in the
 * parent's {@code $everything}, and an Observation about a Group that references its patient
 * only as {@code focus}, landed in different charts.
 */
class OneCompartmentRuleTest {
    static final String PARENT = """
            {"resourceType":"Patient","id":"pa","name":[{"family":"Parent"}]}""";
    static final String CHILD = """
            {"resourceType":"Patient","id":"pb","name":[{"family":"Child"}]}""";
    /** The child's coverage, in the parent's compartment as its subscriber. */
    static final String COVERAGE = """
            {"resourceType":"Coverage","id":"cov1","status":"active","subscriber":{"reference":"Patient/pa"},
             "beneficiary":{"reference":"Patient/pb"}}""";
    /** Names its patient only among its targets. */
    static final String PROVENANCE = """
            {"resourceType":"Provenance","id":"prov1","recorded":"2020-01-01T00:00:00Z",
             "target":[{"reference":"Patient/pa"}],"agent":[{"who":{"reference":"Practitioner/dr1"}}]}""";
    /** Names no patient at all. */
    static final String DEVICE = """
            {"resourceType":"Device","id":"dev1","status":"active"}""";
    /** About a Group; its patient is its focus. Served in the child's $everything. */
    static final String GROUP_OBSERVATION = """
            {"resourceType":"Observation","id":"obs2","status":"final","subject":{"reference":"Group/g1"},
             "focus":[{"reference":"Patient/pa"}],"code":{"text":"household"}}""";
    /** Its references as a text scan misread them: only Practitioner/dr2 is one. */
    static final String TRICKY = """
            {"resourceType":"Observation","id":"obs1","status":"final","subject":{"reference":"Patient/pa"},
             "note":[{"text":"see \\"reference\\": \\"Practitioner/in-a-note\\""}],
             "x \\"reference":"Practitioner/in-a-name",
             "performer":[{"reference":"Practitioner\\/dr2"}]}""";

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        Map<String, List<String>> everything = new LinkedHashMap<>();
        everything.put("pa", List.of(PARENT, COVERAGE, PROVENANCE, DEVICE, TRICKY));
        everything.put("pb", List.of(CHILD, GROUP_OBSERVATION));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try {
                String path = ex.getRequestURI().getPath();
                requests.add(ex.getRequestURI().toString());
                if (path.equals("/fhir/metadata")) {
                    send(ex, 200, CAPABILITIES);
                } else if (path.startsWith("/fhir/Patient/") && path.endsWith("/$everything")) {
                    String p = path.split("/")[3];
                    send(ex, 200, bundle(everything.getOrDefault(p, List.of())));
                } else if (path.equals("/fhir/Practitioner")) {
                    String ids = ex.getRequestURI().getQuery().replaceAll(".*_id=([^&]*).*", "$1");
                    List<String> found = new ArrayList<>();
                    for (String id : ids.split(",")) {
                        found.add("{\"resourceType\":\"Practitioner\",\"id\":\"" + id + "\"}");
                    }
                    send(ex, 200, bundle(found));
                } else if (path.equals("/fhir/Group/g/$export")) {
                    ex.getResponseHeaders().add("Content-Location", base() + "/export-status");
                    send(ex, 202, "");
                } else if (path.equals("/fhir/export-status")) {
                    send(ex, 200, "{\"transactionTime\":\"2026-01-01T00:00:00Z\",\"output\":[{\"type\":\"Patient\","
                            + "\"url\":\"" + base() + "/export-file.ndjson\"}]}");
                } else if (path.equals("/fhir/export-file.ndjson")) {
                    List<String> lines = new ArrayList<>();
                    everything.values().forEach(rs -> rs.forEach(r -> lines.add(r.replace("\n", ""))));
                    send(ex, 200, String.join("\n", lines));
                } else {
                    send(ex, 404, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\"}]}");
                }
            } finally {
                ex.close();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static final String CAPABILITIES = """
            {"resourceType":"CapabilityStatement","rest":[{"mode":"server","operation":[{"name":"export"}],
             "resource":[
              {"type":"Patient","searchParam":[{"name":"_id"}],"operation":[{"name":"everything"}]},
              {"type":"Observation","searchParam":[{"name":"patient"}]},
              {"type":"Coverage","searchParam":[{"name":"patient"}]},
              {"type":"Provenance","searchParam":[{"name":"patient"}]},
              {"type":"Device","searchParam":[{"name":"patient"}]},
              {"type":"Practitioner","searchParam":[{"name":"_id"}]}]}]}""";

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    static String bundle(List<String> resources) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            b.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources.get(i)).append('}');
        }
        return b.append("]}").toString();
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/fhir+json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        }
    }

    ChartSync sync(ChartCache cache) {
        Organization org = new Organization("test", "Test Clinic", URI.create(base()), Organization.Flow.PKCE,
                "chartlens", List.of(), Set.of(), null, false, "");
        AccessTokenSource tokens = new AccessTokenSource() {
            @Override
            public String accessToken() {
                return "t";
            }

            @Override
            public String refreshAfterRejection(String rejected) {
                return "t";
            }
        };
        FhirHttp http = new FhirHttp(org, tokens, FhirHttp.Options.defaults()
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(2)), new FhirJson());
        return new ChartSync(http, cache);
    }

    /** type/id -> owning patient ("-" for none) of the resources above, as one path stored them. */
    static Map<String, String> owners(ChartCache cache, String org) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String ref : List.of("Coverage/cov1", "Provenance/prov1", "Device/dev1", "Observation/obs2",
                "Observation/obs1", "Patient/pa", "Patient/pb")) {
            String[] t = ref.split("/");
            String p = cache.resource(org, t[0], t[1]).orElseThrow(() -> new AssertionError(ref + " missing"))
                    .patientId();
            out.put(ref, p == null ? "-" : p);
        }
        return out;
    }

    @Test
    void aResourceBelongsToTheSamePatientBySyncBulkExportAndImport() throws Exception {
        Map<String, String> bySync;
        Map<String, String> byBulk;
        Map<String, String> byImport;
        try (ChartCache cache = ChartCache.open(dir.resolve("sync.db"), ChartImportTest.key())) {
            SyncResult r = sync(cache).run(SyncRequest.patients("pa", "pb").full(true), SyncListener.NONE);
            assertTrue(r.ok(), r.summary() + " " + r.failed());
            bySync = owners(cache, "test");
        }
        try (ChartCache cache = ChartCache.open(dir.resolve("bulk.db"), ChartImportTest.key())) {
            SyncResult r = sync(cache).run(SyncRequest.bulk("g"), SyncListener.NONE);
            assertTrue(r.ok(), r.summary() + " " + r.failed());
            byBulk = owners(cache, "test");
        }
        Path files = dir.resolve("packet");
        Files.createDirectories(files);
        Files.writeString(files.resolve("parent.json"), bundle(List.of(PARENT, COVERAGE, PROVENANCE, DEVICE, TRICKY)));
        Files.writeString(files.resolve("child.json"), bundle(List.of(CHILD, GROUP_OBSERVATION)));
        try (ChartCache cache = ChartCache.open(dir.resolve("import.db"), ChartImportTest.key())) {
            ChartImport.Result r = new ChartImport(cache, new FhirJson()).importPath(files);
            assertTrue(r.unreadable().isEmpty(), r.unreadable().toString());
            byImport = owners(cache, r.org());
        }

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Coverage/cov1", "pb");       // its beneficiary, though pulled for the parent
        expected.put("Provenance/prov1", "pa");    // the first Patient it references
        expected.put("Device/dev1", "pa");         // names none: the patient it was pulled for / the file's patient
        expected.put("Observation/obs2", "pa");    // its focus, though pulled for the child
        expected.put("Observation/obs1", "pa");
        expected.put("Patient/pa", "pa");
        expected.put("Patient/pb", "pb");
        assertEquals(expected, bySync, "sync");
        assertEquals(expected, byImport, "import");
        // a bulk export has no "pulled for": a resource that names no patient stays outside every chart
        Map<String, String> bulkExpected = new LinkedHashMap<>(expected);
        bulkExpected.put("Device/dev1", "-");
        assertEquals(bulkExpected, byBulk, "bulk export");
    }

    @Test
    void theSharedResourcesFetchedAreTheOnesTheStreamParseFound() throws Exception {
        try (ChartCache cache = ChartCache.open(dir.resolve("sync.db"), ChartImportTest.key())) {
            SyncResult r = sync(cache).run(SyncRequest.patients("pa").full(true), SyncListener.NONE);
            assertTrue(r.ok(), r.summary() + " " + r.failed());
            Set<String> asked = new TreeSet<>();
            requests.stream().filter(q -> q.startsWith("/fhir/Practitioner?"))
                    .forEach(q -> asked.addAll(List.of(q.replaceAll(".*_id=([^&]*).*", "$1").split("%2C|,"))));
            // dr1 (Provenance's agent) and dr2 (written with an escaped slash); never text inside a string
            assertEquals(Set.of("dr1", "dr2"), asked);
            assertTrue(cache.resource("test", "Practitioner", "dr2").isPresent());
            assertNull(cache.resource("test", "Practitioner", "in-a-name").orElse(null));
        }
    }
}
