package org.chartlens.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The baseline of bench figure 4 (issue 21): the same rows written the way the cache writes them
 * (same schema, pragmas, statement and one {@link CacheBatch}) into a file that is <b>not</b>
 * encrypted, so that the encrypted writes can be reported as a ratio of plain SQLite's speed in
 * the same run. For the benchmark only: the file is a scratch file, deleted again here; no
 * chart data ever lives in an unencrypted cache.
 */
public final class PlainWriteBaseline {
    private PlainWriteBaseline() {
    }

    /**
     * Writes {@code rows} in one batch into a fresh unencrypted file at {@code scratch} (which
     * must not exist), deletes it, and returns the seconds the {@code putAll} took (open and
     * delete not counted, as in the encrypted figure).
     */
    public static double secondsToWrite(Path scratch, List<StoredResource> rows) throws java.io.IOException {
        if (Files.exists(scratch)) {
            throw new IllegalArgumentException("the scratch file exists already");
        }
        SQLiteConfig plain = new SQLiteConfig();
        plain.setBusyTimeout(10_000);
        try {
            java.sql.Connection writer = CacheFile.openWriter(scratch.toAbsolutePath(), plain);
            try {
                Schema.migrate(writer);
            } catch (java.sql.SQLException e) {
                CacheFile.closeQuietly(writer);
                throw CacheFile.translate(e);
            }
            try (ChartCache c = ChartCache.wrap(new CacheConnections(scratch.toAbsolutePath(), plain, writer))) {
                long t0 = System.nanoTime();
                c.putAll(rows);
                return (System.nanoTime() - t0) / 1e9;
            }
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(scratch + suffix));
            }
        }
    }
}
