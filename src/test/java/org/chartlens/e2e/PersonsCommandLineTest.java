package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 as a user types it: the same chart imported from two files (two sources), proposed,
 * linked, listed as one person, refused in words when wrong, unlinked. Real processes.
 */
class PersonsCommandLineTest {
    private static final Map<String, String> ENV = Map.of("CHARTLENS_PASSPHRASE", "persons-cli-pass-1",
            "CHARTLENS_SECRET_STORE", "file");
    private static final String JEN = "23062530-6dfa-1e22-2218-9fdd0df18121";

    @TempDir
    Path data;
    @TempDir
    Path files;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        try (ChartLensProcess p = ChartLensProcess.start(data, ENV, args)) {
            int exit = p.await(120);
            return new Run(exit, String.join("\n", p.stdout()), p.stderr());
        }
    }

    @Test
    void importTwiceProposeLinkListRefuseAndUnlink() throws Exception {
        Path bundle = Path.of("resources/demo-data/Jen355_Hauck852_" + JEN + ".json.gz");
        Files.copy(bundle, files.resolve("clinic-a.json.gz"));
        Files.copy(bundle, files.resolve("clinic-b.json.gz"));
        assertEquals(0, run("import", files.resolve("clinic-a.json.gz").toString()).exit());
        Run second = run("import", files.resolve("clinic-b.json.gz").toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("1 possible link(s) between records (1 strong)"), second.err());

        Run candidates = run("link", "--candidates", "--json");
        assertEquals(0, candidates.exit(), candidates.err());
        JsonNode c = new ObjectMapper().readTree(candidates.out());
        assertEquals(1, c.size());
        assertTrue(c.get(0).path("strong").asBoolean());
        assertEquals("import:clinic-a:" + JEN, c.get(0).path("a").path("record").asText());
        assertTrue(c.get(0).path("evidence").toString().contains("birth date"), c.toString());

        String a = "import:clinic-a:" + JEN;
        String b = "import:clinic-b:" + JEN;
        Run self = run("link", a, a);
        assertEquals(1, self.exit());
        assertTrue(self.err().contains("cannot be linked to itself"), self.err());
        Run unknown = run("link", a, "import:clinic-c:nobody");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no cached patient import:clinic-c:nobody"), unknown.err());
        Run one = run("link", a);
        assertEquals(2, one.exit());

        Run link = run("link", a, b);
        assertEquals(0, link.exit(), link.err());
        assertTrue(link.out().startsWith("Linked as P-"), link.out());
        assertTrue(link.out().contains("(Imported file (clinic-b))"), "organization names, not ids: " + link.out());

        Run persons = run("persons");
        assertEquals(0, persons.exit(), persons.err());
        List<String> lines = persons.out().lines().toList();
        assertEquals(1, lines.size(), persons.out());
        assertTrue(lines.get(0).contains("Jen355 Hauck852") && lines.get(0).contains(a) && lines.get(0).contains(b),
                lines.get(0));
        assertEquals("No possible links.", run("link", "--candidates").out());
        // show PERSON: the person id, or any one of its records, prints the merged chart
        String personId = lines.get(0).split("\t")[0];
        for (String named : List.of(personId, b)) {
            Run show = run("show", named);
            assertEquals(0, show.exit(), show.err());
            assertTrue(show.out().contains("Records: Imported file (clinic-a) (" + a + "), Imported file (clinic-b) (" + b + ")"),
                    named + ": " + show.out());
        }

        Run unlink = run("unlink", b);
        assertEquals(0, unlink.exit(), unlink.err());
        assertEquals(2, run("persons").out().lines().count());
        assertFalse(run("show", b).out().contains("Records:"), "unlinked: one record's chart again");
        Run reject = run("link", "--reject", a, b);
        assertEquals(0, reject.exit(), reject.err());
        assertEquals("No possible links.", run("link", "--candidates").out());
        Run audit = run("audit", "--json");
        assertEquals(0, audit.exit(), audit.err());
        List<String> events = new java.util.ArrayList<>();
        new ObjectMapper().readTree(audit.out()).forEach(e -> events.add(e.path("event").asText() + " "
                + e.path("source").asText()));
        assertEquals(List.of("link cli:link", "unlink cli:unlink", "link-rejected cli:link"),
                events.stream().filter(e -> e.startsWith("link") || e.startsWith("unlink")).toList());
    }
}
