package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, the clinic day, as real processes: {@code referrals} empty, {@code add}, the list in
 * text and JSON ("due today", the reason, what is new since review), {@code edit}, {@code remove};
 * {@code sync --list} with nobody due; {@code cache purge} keeps a chart on the list.
 */
class ReferralsCommandLineTest {
    @TempDir
    Path data;

    private static final Map<String, String> ENV = Map.of("CHARTLENS_PASSPHRASE", "referrals-cli-123",
            "CHARTLENS_SECRET_STORE", "file", "CHARTLENS_REVIEWER", "Dr Alice");

    private ChartLensProcess run(int exit, String... args) throws Exception {
        ChartLensProcess p = ChartLensProcess.start(data, ENV, args);
        assertEquals(exit, p.await(180), String.join(" ", args) + ": " + p.stderr());
        return p;
    }

    @Test
    void addListEditRemoveAndNobodyDue() throws Exception {
        Path bundle;
        try (Stream<Path> files = Files.list(Path.of("/work/shared/fhir-data/synthea-columbus"))) {
            bundle = files.filter(f -> f.getFileName().toString().startsWith("Jen355")).findFirst().orElseThrow();
        }
        Path referral = data.resolve("referral.json.gz");
        Files.copy(bundle, referral);
        run(0, "import", referral.toString()).close();
        String id;
        try (ChartLensProcess p = run(0, "patients")) {
            id = p.stdout().get(0).split("\t")[0];
        }
        String rec = "import:referral:" + id;
        try (ChartLensProcess p = run(0, "referrals")) {
            assertTrue(p.stdout().get(0).startsWith("Nobody is on the referral list."), p.stdout().toString());
        }
        run(0, "referrals", "add", rec, "--due", "today", "--reason", "referred by Dr X, cardiology").close();
        try (ChartLensProcess p = run(1, "referrals", "add", rec, "--due", "tomorrow")) {
            assertTrue(p.stderr().contains("already on the referral list"), p.stderr());
        }
        try (ChartLensProcess p = run(0, "referrals")) {
            String line = p.stdout().get(0);
            assertTrue(line.startsWith(LocalDate.now() + " (due today)\tP-"), line);
            assertTrue(line.contains("Jen355") && line.contains("referred by Dr X, cardiology")
                    && line.endsWith("Not reviewed yet"), line);
        }
        run(0, "referrals", "edit", rec, "--due", LocalDate.now().plusDays(3).toString()).close();
        try (ChartLensProcess p = run(0, "referrals", "--json")) {
            JsonNode list = new ObjectMapper().readTree(String.join("\n", p.stdout()));
            assertEquals(1, list.size());
            assertEquals(LocalDate.now().plusDays(3).toString(), list.get(0).path("due").asText());
            assertEquals("later", list.get(0).path("status").asText());
            assertEquals("referred by Dr X, cardiology", list.get(0).path("reason").asText(), "the reason kept");
            assertEquals(List.of(rec), List.of(list.get(0).path("records").get(0).asText()));
        }
        try (ChartLensProcess p = run(0, "sync", "--list", "today")) {
            assertEquals("Nobody on the referral list is due " + LocalDate.now() + ".", p.stdout().get(0));
        }
        try (ChartLensProcess p = run(0, "cache", "purge", "--days", "1")) {
            assertTrue(p.stdout().get(0).startsWith("0 record(s) not opened for 1 days"), p.stdout().toString());
        }
        run(0, "referrals", "remove", rec).close();
        try (ChartLensProcess p = run(0, "referrals")) {
            assertTrue(p.stdout().get(0).startsWith("Nobody is on the referral list."), p.stdout().toString());
        }
        try (ChartLensProcess p = run(2, "sync")) {
            assertTrue(p.stderr().contains("give either ORG or --list DAY"), p.stderr());
        }
    }
}
