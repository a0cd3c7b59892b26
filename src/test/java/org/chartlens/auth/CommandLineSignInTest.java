package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chartlens.sandbox.DemoEhr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of issue 4: {@code chartlens login demo --no-browser} in its own process prints
 * {@code Open: <url>}; a script opens that URL and the sign-in completes; another process then
 * sees the session (kept in the passphrase-wrapped secret store, never in plain files).
 */
class CommandLineSignInTest {
    @TempDir
    Path data;

    private ProcessBuilder chartlens(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "org.chartlens.app.Launcher", "--data-dir", data.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("CHARTLENS_PASSPHRASE", "cli-test-passphrase");
        pb.environment().put("CHARTLENS_SECRET_STORE", "file");
        pb.environment().remove("CHARTLENS_HOME");
        return pb;
    }

    private static String run(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void loginDemoNoBrowserThenAScriptOpensThePrintedUrl() throws Exception {
        // Without the demo EHR running: a clear instruction.
        Process missing = chartlens("login", "demo", "--no-browser").start();
        String missingOut = new String(missing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(missing.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, missing.exitValue());
        assertTrue(missingOut.contains("Start the demo EHR first: chartlens sandbox"), missingOut);

        try (DemoEhr ehr = TinyEhr.start("demo")) {
            // What `chartlens sandbox` does while it runs.
            Files.createDirectories(data.resolve("sandbox"));
            Files.writeString(data.resolve("sandbox/demo.url"), ehr.fhirBase() + "\n");

            Process login = chartlens("login", "demo", "--no-browser", "--timeout", "60").start();
            BufferedReader out = new BufferedReader(new InputStreamReader(login.getInputStream(), StandardCharsets.UTF_8));
            String line;
            URI url = null;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("Open: ")) {
                    url = URI.create(line.substring("Open: ".length()).trim());
                    break;
                }
            }
            assertTrue(url != null, "printed Open: <url>; got " + seen);
            assertTrue(url.toString().startsWith(ehr.issuer() + "/authorize?"));
            ScriptedBrowser browser = new ScriptedBrowser();
            assertEquals(200, browser.follow(url).statusCode());
            String rest = new String(login.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(login.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, login.exitValue(), rest);
            assertTrue(rest.contains("Signed in to Demo EHR"), rest);
            assertEquals(1, ehr.tokenRequestCount("authorization_code"));

            String status = run(chartlens("org", "status", "demo"));
            assertTrue(status.contains("signed in: yes"), status);
            assertTrue(status.contains("Practitioner/"), status);

            String list = run(chartlens("org", "list"));
            for (String id : List.of("demo", "credible", "insync", "veracity", "carecloud", "payer")) {
                assertTrue(list.contains(id), list);
            }

            assertTrue(run(chartlens("logout", "demo")).contains("Signed out of Demo EHR"));
            assertTrue(run(chartlens("org", "status", "demo")).contains("signed in: no"));
            try (var files = Files.walk(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(content.contains("Bearer"), f.toString());
                }
            }
        }
    }

    @Test
    void orgAddDiscoversTheEndpoints() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("veracity")) {
            String out = run(chartlens("org", "add", "Clinic Two", "--fhir-base", ehr.fhirBase().toString(),
                    "--client-id", "chartlens", "--flow", "pkce"));
            assertTrue(out.contains("Discovered: authorize " + ehr.issuer() + "/authorize"), out);
            assertTrue(run(chartlens("org", "list")).contains("clinic-two"));
            Process bad = chartlens("org", "add", "pw", "--fhir-base", ehr.fhirBase().toString(), "--flow", "password").start();
            String badOut = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
            assertNotEquals(0, bad.exitValue());
            assertTrue(badOut.contains("password flow"), badOut);
        }
    }
}
