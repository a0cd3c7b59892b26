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
                "org.chartlens.app.cli.Launcher", "--data-dir", data.toString()));
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

    /** Commands that need no secret run in this JVM (a JVM start per command is slow on 2 cores). */
    private record Result(int status, String out, String err) {
    }

    private Result inProcess(String... args) {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.StringWriter err = new java.io.StringWriter();
        try {
            System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
            picocli.CommandLine cl = org.chartlens.app.cli.ChartLensCommand.commandLine();
            cl.setErr(new java.io.PrintWriter(err, true));
            List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
            all.addAll(List.of(args));
            int status = cl.execute(all.toArray(String[]::new));
            return new Result(status, buf.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void loginDemoNoBrowserThenAScriptOpensThePrintedUrl() throws Exception {
        // Without the demo EHR running: a clear instruction.
        Result missing = inProcess("login", "demo", "--no-browser");
        assertNotEquals(0, missing.status());
        assertTrue(missing.err().contains("Start the demo EHR first: chartlens sandbox"), missing.toString());

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
            assertTrue(status.contains("refresh grant expires: 20") && !status.contains("(not known)"),
                    "the demo EHR's refresh_token_expires_in is read (issue 17): " + status);

            String list = inProcess("org", "list").out();
            for (String id : List.of("demo", "credible", "insync", "veracity", "carecloud", "payer")) {
                assertTrue(list.contains(id), list);
            }

            String logout = run(chartlens("logout", "demo"));
            assertTrue(logout.contains("Signed out of Demo EHR") && logout.contains("(tokens revoked at the server)"), logout);
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
            Result added = inProcess("org", "add", "Clinic Two", "--fhir-base", ehr.fhirBase().toString(),
                    "--client-id", "chartlens", "--flow", "pkce");
            assertEquals(0, added.status(), added.toString());
            assertTrue(added.out().contains("Discovered: authorize " + ehr.issuer() + "/authorize"), added.out());
            assertTrue(inProcess("org", "list").out().contains("clinic-two"));
            Result bad = inProcess("org", "add", "pw", "--fhir-base", ehr.fhirBase().toString(), "--flow", "password");
            assertNotEquals(0, bad.status());
            assertTrue(bad.err().contains("password flow"), bad.toString());
        }
    }
}
