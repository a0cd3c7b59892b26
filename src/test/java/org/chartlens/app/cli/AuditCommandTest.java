package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.chartlens.app.ChartLensContext;
import org.chartlens.auth.PassphraseSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.mc.SQLiteMCChacha20Config;

/**
 * {@code chartlens audit verify} over the app's own wiring: the chain's head is kept in the secret
 * store, so events deleted at the end of the log with raw SQL are reported, by number.
 */
class AuditCommandTest {
    @TempDir
    Path data;

    private ChartLensContext context() {
        return new ChartLensContext(data, PassphraseSource.fixed("audit-test-pass".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"));
    }

    private static String verify(ChartLensContext ctx, int expectedExit) {
        StringWriter out = new StringWriter();
        assertEquals(expectedExit, AuditCommand.Verify.report(ctx.cache(), new PrintWriter(out)), out.toString());
        return out.toString();
    }

    @Test
    void verifyPassesOnACleanLogAndNamesEventsDeletedAtTheEnd() throws Exception {
        byte[] key;
        try (ChartLensContext ctx = context()) {
            ctx.cache().audit("sign-in", "demo", null, null, "cli:login");
            ctx.cache().audit("show", "demo", "p1", "problems", "cli:show");
            ctx.cache().audit("screenshot", "demo", "p1", "tab=vitals", "cli:screenshot");
            assertTrue(verify(ctx, 0).contains("intact: 3 events"));
            key = ctx.secrets().get(ChartLensContext.CACHE_KEY).orElseThrow();
        }
        try (Connection c = SQLiteMCChacha20Config.getDefault().withRawUnsaltedKey(key).build()
                .createConnection("jdbc:sqlite:" + data.resolve(ChartLensContext.CACHE_FILE));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_no_delete");
            s.execute("DELETE FROM audit WHERE seq >= 2");
        }
        try (ChartLensContext ctx = context()) {
            String said = verify(ctx, 1);
            assertTrue(said.contains("removed at the end") && said.contains("event 3"), said);
            assertFalse(ctx.cache().auditIntact());
        }
    }

    @Test
    void theLogIsListedForOnePersonSinceADayAsJsonAndCsv() throws Exception {
        try (ChartLensContext ctx = context()) {
            ctx.cache().audit("show", "demo", "p1", null, "cli:show");
            ctx.cache().audit("show", "import:x", "p1", null, "cli:show");
            ctx.cache().audit("show", "demo", "p2", null, "cli:show");
            StringWriter json = new StringWriter();
            AuditCommand.print(ctx.cache().auditEvents(null, "import:x", "p1"), "json", new PrintWriter(json));
            JsonNode arr = new ObjectMapper().readTree(json.toString());
            assertEquals(1, arr.size());
            assertEquals("import:x", arr.get(0).path("org").asText());
            assertEquals("cli:show", arr.get(0).path("source").asText());
            assertEquals(64, arr.get(0).path("hash").asText().length());

            StringWriter csv = new StringWriter();
            AuditCommand.print(ctx.cache().auditEvents(null, null, "p1"), "csv", new PrintWriter(csv));
            String[] lines = csv.toString().split("\n");
            assertEquals("seq,at,who,reviewer,event,org,patient,detail,source,hash", lines[0]);
            assertEquals(3, lines.length);
        }
        assertEquals(Instant.parse("2026-01-31T00:00:00Z"), AuditCommand.since("2026-01-31", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-01-31T08:00:00Z"), AuditCommand.since("2026-01-31T08:00:00Z", ZoneOffset.UTC));
    }
}
