package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.connect.Organization;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.CacheOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chartlens cache rebuild} against the embedded demo EHR: a cache damaged on disk is moved
 * aside (kept byte for byte), a new cache is created and synced again from the signed-in demo
 * organization, and its audit log starts with "audit-restarted" then "cache-rebuilt".
 */
class CacheRebuildCommandTest {
    @TempDir
    Path data;

    @Test
    void aDamagedCacheIsMovedAsideAndRebuiltFromTheServer() throws Exception {
        try (ChartLensContext ctx = new ChartLensContext(data, PassphraseSource.fixed("rebuild-pass-1".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"))) {
            ctx.startEmbeddedDemo(ctx.organizations().require("demo").sandboxProfile());
            Organization org = ctx.organization("demo");
            ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            ctx.cache().audit("sign-in", "demo", null, null, "test");
            ctx.cache().audit("show", "demo", "p1", null, "test");
            ctx.lock(); // closes the cache

            Path db = data.resolve(ChartLensContext.CACHE_FILE);
            try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
                raf.seek(0);
                raf.write(new byte[64]); // the first page's salt and header: nothing opens it any more
            }
            byte[] damaged = Files.readAllBytes(db);
            CacheOpenException broken = assertThrows(CacheOpenException.class, ctx::cache);
            assertTrue(broken.rebuildable());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = CacheCommand.Rebuild.rebuild(ctx, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            String said = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, said);
            assertTrue(said.contains("moved aside") && said.contains("demo:"), said);

            List<Path> aside;
            try (Stream<Path> files = Files.list(data)) {
                aside = files.filter(f -> f.getFileName().toString().startsWith("cache.db.damaged-")).toList();
            }
            assertEquals(1, aside.size(), "the damaged file is kept: " + aside);
            assertArrayEquals(damaged, Files.readAllBytes(aside.get(0)), "kept byte for byte");

            assertFalse(ctx.cache().patients().isEmpty(), "the new cache holds the demo patients again");
            assertEquals("ok", ctx.cache().integrityCheck());
            List<String> events = ctx.cache().auditLog(null, null).stream().map(AuditEvent::event).toList();
            assertEquals(List.of("audit-restarted", "cache-rebuilt"), events.subList(0, 2), events.toString());
            assertTrue(ctx.cache().auditIntact());
        }
    }
}
