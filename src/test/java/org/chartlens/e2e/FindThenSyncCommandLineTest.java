package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15.1 on the command line, each step a real process against `chartlens sandbox`: sign in
 * (PKCE, the printed URL opened as a browser would), `find demo --family Ryan --birthdate ...
 * --json` lists Jamie Ryan with his demographics, `find ... --choose 1` pulls that one chart, and
 * `patients` (the worklist) then lists exactly him.
 */
class FindThenSyncCommandLineTest {
    static final String PATIENT = CommandLineWalkingSkeletonTest.PATIENT;

    @TempDir
    Path data;

    @Test
    void findChooseThenTheWorklistHoldsThatPatient() throws Exception {
        Map<String, String> env = Map.of("CHARTLENS_PASSPHRASE", "e2e-passphrase-123", "CHARTLENS_SECRET_STORE", "file");
        try (ChartLensProcess sandbox = ChartLensProcess.start(data, env, "sandbox", "--auto-approve")) {
            sandbox.awaitLine("FHIR base: ", 120);
            try (ChartLensProcess login = ChartLensProcess.start(data, env, "login", "demo", "--no-browser")) {
                String open = login.awaitLine("Open: ", 60).substring("Open: ".length()).trim();
                CommandLineWalkingSkeletonTest.followLikeABrowser(URI.create(open));
                assertEquals(0, login.await(60), login.stderr());
            }
            JsonNode found;
            try (ChartLensProcess find = ChartLensProcess.start(data, env, "find", "demo", "--family", "ryan",
                    "--gender", "male", "--json")) {
                assertEquals(0, find.await(120), find.stderr());
                found = new ObjectMapper().readTree(String.join("\n", find.stdout()));
            }
            assertEquals(1, found.path("candidates").size(), found.toString());
            JsonNode jamie = found.path("candidates").get(0);
            assertEquals(PATIENT, jamie.path("patientId").asText());
            assertTrue(jamie.path("name").asText().contains("Ryan"), jamie.toString());
            assertEquals("male", jamie.path("sex").asText());
            assertTrue(jamie.path("birthDate").asText().matches("\\d{4}-\\d{2}-\\d{2}"), jamie.toString());
            assertTrue(!jamie.path("city").asText().isEmpty(), jamie.toString());
            assertTrue(jamie.path("identifiers").size() > 0, jamie.toString());

            try (ChartLensProcess choose = ChartLensProcess.start(data, env, "find", "demo", "--family", "ryan",
                    "--birthdate", jamie.path("birthDate").asText(), "--choose", "1")) {
                assertEquals(0, choose.await(300), choose.stderr());
                assertTrue(choose.stdout().get(0).startsWith("1\t" + PATIENT + "\t"), choose.stdout().toString());
                assertTrue(choose.stderr().contains("1 patient: the patients asked for"), choose.stderr());
                assertTrue(choose.stdout().stream().anyMatch(l -> l.matches("Condition \\d+")), choose.stdout().toString());
            }
            try (ChartLensProcess patients = ChartLensProcess.start(data, env, "patients")) {
                assertEquals(0, patients.await(60), patients.stderr());
                List<String> ids = new ArrayList<>();
                patients.stdout().forEach(l -> ids.add(l.split("\t")[0]));
                assertEquals(List.of(PATIENT), ids, "the chosen patient, and only he, is on the worklist");
            }
        }
    }
}
