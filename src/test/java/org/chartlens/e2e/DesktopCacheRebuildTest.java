package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.DesktopServices;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ChartCache;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.shell.MainWindow;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the desktop's way out of a damaged cache, on the app's real services and the
 * embedded demo EHR. The demo organization is signed in and synced, then {@code cache.db} is
 * damaged on disk; the main window's worklist says the cache could not be read and offers
 * "Rebuild the cache"; clicking it keeps the damaged file aside byte for byte, opens a new cache,
 * brings the demo organization's charts back, and records the rebuild in the audit log.
 */
class DesktopCacheRebuildTest {
    @TempDir
    Path data;

    @Test
    void aDamagedCacheIsOfferedARebuildThatKeepsTheFileAndBringsTheChartsBack() throws Exception {
        Fx.stage();
        DesktopServices services = new DesktopServices(data, Map.of(
                "CHARTLENS_PASSPHRASE", "desktop-rebuild-pass", "CHARTLENS_SECRET_STORE", "file"));
        ChartLensContext ctx = services.context();
        try (BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(2)) {
            services.ports().signIn().signIn("demo");
            SyncResult first = ctx.sync(ctx.organization("demo")).run(SyncRequest.everyone(), org.chartlens.sync.SyncListener.NONE);
            assertTrue(first.ok(), first.summary());
            Set<String> before = patients(ctx.cache());
            assertTrue(before.size() > 1, "the demo organization's patients are cached: " + before);

            ctx.lock(); // closes the cache; the demo EHR and the stored sign-in stay
            Path db = data.resolve(ChartLensContext.CACHE_FILE);
            try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
                raf.seek(0);
                raf.write(new byte[64]); // the first page's salt and header: nothing opens it any more
            }
            byte[] damaged = Files.readAllBytes(db);

            MainWindow window = Fx.call(() -> new MainWindow(services.ports(), tasks, false));
            Fx.show(window);
            Button rebuild = (Button) Fx.call(() -> window.lookup("#worklist-rebuild"));
            assertNotNull(rebuild);
            waitFor(() -> call(rebuild::isVisible), "the worklist offers 'Rebuild the cache'");
            Fx.settle();
            assertEquals("Rebuild the cache", Fx.call(() -> ((javafx.scene.text.Text) rebuild.lookup(".text")).getText()),
                    "the button's whole label is shown, not cut short");
            String note = Fx.call(() -> ((Label) window.lookup("#worklist-cache-note")).getText());
            assertTrue(note.contains("could not be read") && note.contains("It can be rebuilt from the servers"), note);
            java.awt.image.BufferedImage shot = Fx.call(() -> javafx.embed.swing.SwingFXUtils.fromFXImage(
                    window.getScene().snapshot(null), null));
            Path png = Path.of("docs/screenshots/worklist-damaged-cache.png");
            Files.createDirectories(png.getParent());
            assertTrue(javax.imageio.ImageIO.write(shot, "png", png.toFile()), "a PNG writer");

            Fx.run(rebuild::fire);
            // the worklist follows the sync live: wait for the rebuild's end, not only for the rows
            waitFor(() -> call(() -> !window.worklist().rebuildingProperty().get()
                    && window.worklist().total() == before.size()), "the demo charts are back");
            assertFalse(Fx.call(rebuild::isVisible), "nothing left to rebuild");

            List<Path> aside;
            try (Stream<Path> files = Files.list(data)) {
                aside = files.filter(f -> f.getFileName().toString().startsWith("cache.db.damaged-")
                        && !f.getFileName().toString().endsWith("-wal") && !f.getFileName().toString().endsWith("-shm"))
                        .toList();
            }
            assertEquals(1, aside.size(), "the damaged file is kept: " + aside);
            assertArrayEquals(damaged, Files.readAllBytes(aside.get(0)), "kept byte for byte");

            ChartCache cache = ctx.cache();
            assertEquals(before, patients(cache), "the new cache holds the same demo patients");
            assertEquals("ok", cache.integrityCheck());
            List<AuditEvent> events = cache.auditLog(null, null);
            AuditEvent rebuilt = events.stream().filter(e -> e.event().equals("cache-rebuilt")).findFirst().orElseThrow();
            assertEquals("view:worklist", rebuilt.source());
            assertTrue(rebuilt.detail().contains(aside.get(0).getFileName().toString()), rebuilt.detail());
            assertTrue(events.stream().anyMatch(e -> e.event().equals("sync") && "demo".equals(e.org())
                    && "view:worklist".equals(e.source()) && e.detail().contains("outcome=complete")), events.toString());
            assertTrue(cache.auditIntact());
            String said = Fx.call(() -> window.status().messageLabel().getText());
            assertTrue(said.contains("moved aside") && said.contains("demo"), said);
        } finally {
            ctx.close();
        }
    }

    private static Set<String> patients(ChartCache cache) {
        return cache.patients().stream().map(p -> p.org() + ":" + p.id()).collect(Collectors.toSet());
    }

    private static boolean call(java.util.concurrent.Callable<Boolean> c) {
        try {
            return Fx.call(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the background work (sign-in, sync) without a timed assertion: a generous bound, then the check. */
    private static void waitFor(BooleanSupplier done, String what) throws Exception {
        for (int i = 0; i < 2400 && !done.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(done.getAsBoolean(), what);
    }
}
