package org.chartlens.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.chartlens.store.ChartCache;
import org.chartlens.store.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention as the user set it (issue 17): the charts of persons on no referral list and not
 * opened (desktop, {@code show}, {@code summary}) for {@code retentionDays} days (settings.json,
 * default {@value #DEFAULT_DAYS}; 0 keeps everything) are purged, audited. The purge itself is
 * {@link Retention#purgeUnopened}; this is where the app reads the setting and runs it: at the
 * desktop's start and unlock (off the FX thread), after Settings are saved, and
 * {@code chartlens cache purge}. Blocking.
 */
public final class CacheRetention {
    /** The retention period when settings.json does not set one. */
    public static final int DEFAULT_DAYS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(CacheRetention.class);

    private CacheRetention() {
    }

    /** {@code retentionDays} of {@code dataDir}'s settings.json, else {@link #DEFAULT_DAYS}. */
    public static int days(Path dataDir) {
        Path file = dataDir.resolve("settings.json");
        if (Files.isRegularFile(file)) {
            try {
                return new ObjectMapper().readValue(file.toFile(), DesktopSettings.SettingsFile.class).retentionDays;
            } catch (IOException e) {
                LOG.warn("settings.json could not be read; retention uses {} days", DEFAULT_DAYS);
            }
        }
        return DEFAULT_DAYS;
    }

    /** Purges as of now what {@code days} says (0: nothing); logs counts only. */
    public static Retention.Purged apply(ChartCache cache, int days, String source) {
        return apply(cache, days, Instant.now(), source);
    }

    /** As {@link #apply(ChartCache, int, String)} as of {@code now}. */
    public static Retention.Purged apply(ChartCache cache, int days, Instant now, String source) {
        if (days <= 0) {
            return new Retention.Purged(java.util.List.of(), 0);
        }
        Retention.Purged p = cache.purgeUnopened(days, now, source);
        if (!p.records().isEmpty()) {
            LOG.info("Retention: purged {} records ({} resources) not opened for {} days", p.records().size(),
                    p.resources(), days);
        }
        return p;
    }

    /**
     * Runs {@code apply} on a {@code chartlens-retention} daemon thread unless {@code locked}; runs
     * {@code onPurged} when it purged anything. Failures are logged (the class only, no PHI).
     */
    static void inBackground(java.util.function.BooleanSupplier locked, java.util.function.IntSupplier apply,
                             Runnable onPurged) {
        Thread t = new Thread(() -> {
            try {
                if (!locked.getAsBoolean() && apply.getAsInt() > 0) {
                    onPurged.run();
                }
            } catch (RuntimeException e) {
                LOG.warn("Retention at start failed ({})", e.getClass().getSimpleName());
            }
        }, "chartlens-retention");
        t.setDaemon(true);
        t.start();
    }
}
