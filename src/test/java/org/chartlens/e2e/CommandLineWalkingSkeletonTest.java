package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's command-line path, each step a real separate process: `sandbox`, then
 * `login demo --no-browser` (its printed URL opened as a browser would, following redirects),
 * `sync demo --patient ID`, `show ID --problems`, `screenshot` of two tabs. Counts and problem
 * texts are checked against the demo patient's own source bundle. Issue 19.1: `audit --json` then
 * lists each of those actions with its command and the patient's id, and after an event is deleted
 * with the cache key and raw SQL the next command warns on stderr.
 */
class CommandLineWalkingSkeletonTest {
    static final String PATIENT = "1d032331-37ec-ccb6-f124-441110084906";
    static final Path BUNDLE = Path.of("resources/demo-data/Jamie386_Ryan260_1d032331-37ec-ccb6-f124-441110084906.json.gz");

    @TempDir
    Path data;

    @Test
    void sandboxLoginSyncShowProblems() throws Exception {
        Map<String, String> env = Map.of("CHARTLENS_PASSPHRASE", "e2e-passphrase-123",
                "CHARTLENS_SECRET_STORE", "file");
        StringBuilder logs = new StringBuilder();
        try (ChartLensProcess sandbox = ChartLensProcess.start(data, env, "sandbox", "--auto-approve")) {
            String base = sandbox.awaitLine("FHIR base: ", 120).substring("FHIR base: ".length()).trim();
            assertTrue(base.startsWith("http://127.0.0.1:"), base);

            try (ChartLensProcess login = ChartLensProcess.start(data, env, "login", "demo", "--no-browser")) {
                String open = login.awaitLine("Open: ", 60).substring("Open: ".length()).trim();
                URI authorize = URI.create(open);
                assertTrue(open.contains("code_challenge_method=S256"), open);
                followLikeABrowser(authorize);
                assertEquals(0, login.await(60), login.stderr());
                logs.append(login.stderr());
            }

            Map<String, Integer> expected = countsInBundle();
            try (ChartLensProcess sync = ChartLensProcess.start(data, env, "sync", "demo", "--patient", PATIENT)) {
                assertEquals(0, sync.await(300), sync.stderr());
                logs.append(sync.stderr());
                Map<String, Integer> printed = new HashMap<>();
                for (String line : sync.stdout()) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length >= 2 && parts[parts.length - 1].matches("\\d+")) {
                        printed.put(parts[0], Integer.parseInt(parts[parts.length - 1]));
                    }
                }
                for (String type : List.of("Patient", "Condition", "Observation", "Encounter")) {
                    assertEquals(expected.get(type), printed.get(type), type + " count; stdout=" + sync.stdout());
                }
            }

            try (ChartLensProcess show = ChartLensProcess.start(data, env, "show", PATIENT, "--problems")) {
                assertEquals(0, show.await(120), show.stderr());
                logs.append(show.stderr());
                String out = String.join("\n", show.stdout());
                TreeSet<String> problems = conditionTexts();
                assertFalse(problems.isEmpty());
                for (String text : problems) {
                    assertTrue(out.contains(text), "show --problems should list '" + text + "':\n" + out);
                }
            }
            for (String tab : List.of("problems", "vitals")) {
                try (ChartLensProcess shot = ChartLensProcess.start(data, env, "screenshot", "--patient", PATIENT,
                        "--tab", tab, "--out", data.resolve(tab + ".png").toString(), "--width", "800", "--height", "600")) {
                    assertEquals(0, shot.await(180), shot.stderr());
                    logs.append(shot.stderr());
                }
            }
            logs.append(sandbox.stderr());
        }
        assertTheAuditLogListsTheSession(env);
        assertTamperingIsReportedByTheNextCommand(env);
        // Issue 20: commands print their output and errors only; logging goes to the log file.
        assertFalse(java.util.regex.Pattern.compile("(?m)^(\\S+ )?\\[[^\\]]+\\] (TRACE|DEBUG|INFO|WARN)")
                .matcher(logs).find(), "log lines on a terminal:\n" + logs);
        Path logFile = data.resolve("logs").resolve("chartlens.log");
        assertTrue(Files.exists(logFile), "commands log to " + logFile);
        logs.append(Files.readString(logFile));
        assertNoPhiOrTokensIn(logs.toString());
    }

    /** Issue 19.1: every step of the session is in the audit log, with its command and the patient's id. */
    private void assertTheAuditLogListsTheSession(Map<String, String> env) throws Exception {
        JsonNode events;
        try (ChartLensProcess audit = ChartLensProcess.start(data, env, "audit", "--json")) {
            assertEquals(0, audit.await(120), audit.stderr());
            assertFalse(audit.stderr().contains("tampered"), audit.stderr());
            events = new ObjectMapper().readTree(String.join("\n", audit.stdout()));
        }
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode e : events) {
            seen.add(e.path("event").asText() + " " + e.path("source").asText() + " " + e.path("org").asText()
                    + " " + e.path("patientId").asText("-") + " " + e.path("detail").asText("-"));
            assertEquals(System.getProperty("user.name"), e.path("who").asText(), e.toString());
            assertEquals(64, e.path("hash").asText().length(), e.toString());
        }
        List<String> expected = List.of(
                "sign-in cli:login demo - flow=pkce",
                "sync cli:sync demo " + PATIENT + " patients=1 resources=",
                "show cli:show demo " + PATIENT + " part=problems",
                "screenshot cli:screenshot demo " + PATIENT + " tab=problems",
                "screenshot cli:screenshot demo " + PATIENT + " tab=vitals");
        assertEquals(expected.size(), seen.size(), "audit events: " + seen);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(seen.get(i).startsWith(expected.get(i)), "event " + (i + 1) + ": " + seen.get(i));
        }
        assertTrue(seen.get(1).endsWith("outcome=complete"), seen.get(1));
        assertNoPhiOrTokensIn(events.toString() + "\nsome output");
    }

    /** Issue 19.1: the trigger dropped and an event deleted with the key; the next command says so on stderr. */
    private void assertTamperingIsReportedByTheNextCommand(Map<String, String> env) throws Exception {
        byte[] key = org.chartlens.auth.PassphraseSecretStore.open(data.resolve("secrets.bin"),
                org.chartlens.auth.PassphraseSource.fixed("e2e-passphrase-123".toCharArray()))
                .get("cache-key").orElseThrow();
        try (java.sql.Connection c = org.sqlite.mc.SQLiteMCChacha20Config.getDefault().withRawUnsaltedKey(key).build()
                .createConnection("jdbc:sqlite:" + data.resolve("cache.db"));
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_no_delete");
            s.execute("DELETE FROM audit WHERE event = 'show'");
        }
        try (ChartLensProcess patients = ChartLensProcess.start(data, env, "patients")) {
            assertEquals(0, patients.await(120), patients.stderr());
            List<String> warnings = patients.stderr().lines().filter(l -> l.contains("tampered")).toList();
            assertEquals(1, warnings.size(), patients.stderr());
            assertTrue(warnings.get(0).startsWith("chartlens: the audit log has been tampered with: ")
                    && warnings.get(0).contains("event 3") && warnings.get(0).endsWith("; run 'chartlens audit verify'"),
                    warnings.get(0));
        }
    }

    /**
     * Issue 9 / security.md 19: the logs of the whole session (every process's stderr and the
     * data folder's log file, where SLF4J writes) hold no demo patient's family or given name and no token issued in it.
     */
    private void assertNoPhiOrTokensIn(String logs) throws Exception {
        assertFalse(logs.isBlank(), "expected some log output to scan");
        for (String name : demoPatientNames()) {
            assertFalse(logs.contains(name), "a demo patient's name appears in the logs: " + name);
        }
        byte[] session = org.chartlens.auth.PassphraseSecretStore.open(data.resolve("secrets.bin"),
                org.chartlens.auth.PassphraseSource.fixed("e2e-passphrase-123".toCharArray()))
                .get("session/demo").orElseThrow();
        JsonNode s = new ObjectMapper().readTree(session);
        for (String field : List.of("accessToken", "refreshToken")) {
            String token = s.path(field).asText("");
            assertTrue(token.length() > 8, field + " should have been stored");
            assertFalse(logs.contains(token), field + " appears in the logs");
            assertFalse(logs.contains(token.substring(0, 8)), "a prefix of the " + field + " appears in the logs");
        }
    }

    /** Family and given names of every demo patient (from the shipped bundles). */
    static List<String> demoPatientNames() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("resources/demo-data"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json.gz")
                    && !p.getFileName().toString().startsWith("hospital")
                    && !p.getFileName().toString().startsWith("practitioner")).toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    for (JsonNode e : new ObjectMapper().readTree(in).path("entry")) {
                        JsonNode r = e.path("resource");
                        if ("Patient".equals(r.path("resourceType").asText())) {
                            for (JsonNode n : r.path("name")) {
                                names.add(n.path("family").asText());
                                n.path("given").forEach(g -> names.add(g.asText()));
                            }
                        }
                    }
                }
            }
        }
        names.removeIf(n -> n.length() < 4);
        assertTrue(names.size() >= 12, "names: " + names);
        return names;
    }

    /** Opens the authorize URL and follows redirects to the loopback callback, as a browser would. */
    static void followLikeABrowser(URI url) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI next = url;
        for (int hop = 0; hop < 10 && next != null; hop++) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 3) {
                assertEquals(200, res.statusCode(), "final page: " + res.body());
                return;
            }
            next = next.resolve(res.headers().firstValue("Location").orElseThrow());
        }
    }

    static JsonNode bundle() throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(BUNDLE))) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Map<String, Integer> countsInBundle() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode e : bundle().path("entry")) {
            counts.merge(e.path("resource").path("resourceType").asText(), 1, Integer::sum);
        }
        return counts;
    }

    /** The display text of every Condition in the source bundle. */
    static TreeSet<String> conditionTexts() throws Exception {
        TreeSet<String> texts = new TreeSet<>();
        for (JsonNode e : bundle().path("entry")) {
            JsonNode r = e.path("resource");
            if ("Condition".equals(r.path("resourceType").asText())) {
                String text = r.path("code").path("coding").path(0).path("display").asText(r.path("code").path("text").asText());
                texts.add(text);
            }
        }
        return texts;
    }
}
