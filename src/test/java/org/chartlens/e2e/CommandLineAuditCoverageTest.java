package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.1, the commands the walking skeleton does not run: {@code import}, {@code patients},
 * {@code status} (issue 17) and {@code logout} each leave one event in the audit log, with the OS user,
 * the reviewer's name from {@code CHARTLENS_REVIEWER}, the command as source and no PHI (the
 * imported patient's name is in the file, not in the event). Real processes on one data folder.
 */
class CommandLineAuditCoverageTest {
    @TempDir
    Path data;

    @Test
    void importPatientsAndLogoutAreEachRecordedWithWhoAndFromWhere() throws Exception {
        Map<String, String> env = Map.of("CHARTLENS_PASSPHRASE", "audit-coverage-123",
                "CHARTLENS_SECRET_STORE", "file", "CHARTLENS_REVIEWER", "Reviewer Rowe");
        Path bundle;
        try (Stream<Path> files = Files.list(Path.of("/work/shared/fhir-data/synthea-columbus"))) {
            bundle = files.filter(f -> f.getFileName().toString().startsWith("Jen355")).findFirst().orElseThrow();
        }
        Path referral = data.resolve("referral.json.gz"); // a neutral file name: the org id is taken from it
        Files.copy(bundle, referral);
        run(env, "import", referral.toString());
        String id;
        try (ChartLensProcess patients = ChartLensProcess.start(data, env, "patients")) {
            assertEquals(0, patients.await(180), patients.stderr());
            id = patients.stdout().get(0).split("\t")[0];
        }
        // issue 17: the completeness map of the imported record, from the real command
        try (ChartLensProcess status = ChartLensProcess.start(data, env, "status", "import:referral:" + id)) {
            assertEquals(0, status.await(180), status.stderr());
            String out = String.join("\n", status.stdout());
            assertTrue(out.contains("imported; nothing to sign in to"), out);
            assertTrue(out.contains("Summary: Nothing missing"), out);
        }
        run(env, "logout", "demo");

        JsonNode events;
        try (ChartLensProcess audit = ChartLensProcess.start(data, env, "audit", "--json")) {
            assertEquals(0, audit.await(120), audit.stderr());
            events = new ObjectMapper().readTree(String.join("\n", audit.stdout()));
        }
        List<String> seen = new ArrayList<>();
        for (JsonNode e : events) {
            seen.add(e.path("event").asText() + " " + e.path("source").asText() + " " + e.path("org").asText("-")
                    + " " + e.path("detail").asText("-"));
            assertEquals(System.getProperty("user.name"), e.path("who").asText(), e.toString());
            assertEquals("Reviewer Rowe", e.path("reviewer").asText(), e.toString());
            assertFalse(e.path("at").asText().isEmpty(), e.toString());
        }
        assertEquals(4, seen.size(), seen.toString());
        assertTrue(seen.get(0).startsWith("import cli:import import:referral "), seen.get(0));
        assertTrue(seen.get(1).startsWith("patients-listed cli:patients - 1 patients"), seen.get(1));
        assertTrue(seen.get(2).startsWith("show cli:status import:referral part=status"), seen.get(2));
        assertTrue(seen.get(3).startsWith("sign-out cli:logout demo"), seen.get(3));
        String all = events.toString();
        for (String phi : List.of("Jen355", "Hauck852")) {
            assertFalse(all.contains(phi), "the audit log holds '" + phi + "': " + all);
        }
    }

    private void run(Map<String, String> env, String... args) throws Exception {
        try (ChartLensProcess p = ChartLensProcess.start(data, env, args)) {
            assertEquals(0, p.await(180), String.join(" ", args) + ": " + p.stderr());
        }
    }
}
