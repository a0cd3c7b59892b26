package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chartlens.app.ChartLensContext;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chartlens cache verify} (decision 0380): an intact cache passes; a byte changed in the
 * file's last page, which a read touching that page last used to return without an error, is
 * reported as damage with the way out.
 */
class CacheVerifyCommandTest {
    @TempDir
    Path data;

    @Test
    void anIntactCachePassesAndAByteChangedInTheLastPageIsReported() throws Exception {
        try (ChartLensContext ctx = new ChartLensContext(data, PassphraseSource.fixed("verify-pass-1".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"))) {
            String note = "{\"resourceType\":\"Condition\",\"id\":\"big\",\"subject\":{\"reference\":\"Patient/p1\"},"
                    + "\"note\":[{\"text\":\"" + "verify the whole file ".repeat(15_000) + "\"}]}";
            ctx.cache().putAll(List.of(new StoredResource("demo", "Condition", "big", "p1", null, null, null, note)));

            Said intact = verify(ctx);
            assertEquals(0, intact.exit, intact.err);
            assertTrue(intact.out.contains("intact"), intact.out);

            ctx.lock(); // closes the cache
            Path db = data.resolve(ChartLensContext.CACHE_FILE);
            int page = 32_768;
            long offset = (Files.size(db) / page - 1) * page + page / 2;
            try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
                raf.seek(offset);
                int b = raf.read();
                raf.seek(offset);
                raf.write(b ^ 0x5A);
            }
            Said damaged = verify(ctx);
            assertEquals(1, damaged.exit, damaged.out);
            assertTrue(damaged.err.contains("damaged") && damaged.err.contains("chartlens cache rebuild"), damaged.err);
        }
    }

    private record Said(int exit, String out, String err) {
    }

    private static Said verify(ChartLensContext ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CacheCommand.Verify.verify(ctx, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Said(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
