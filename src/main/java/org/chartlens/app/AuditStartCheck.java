package org.chartlens.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chartlens.store.AuditCheck;
import org.chartlens.store.ChartCache;

/**
 * The warning at start when the audit log was tampered with, for commands: one line on stderr,
 * checked at most once per process and data folder (the check reads and hashes the whole log:
 * 0.13-0.3 s for 10,000 events warm, 0.6 s cold, on the loaded 2-core build machine; see
 * {@code docs/security.md}). The desktop app checks after each
 * unlock through its {@code ui.port.AuditPort}. Thread safe.
 */
public final class AuditStartCheck {
    private static final Set<Path> CHECKED = ConcurrentHashMap.newKeySet();

    private AuditStartCheck() {
    }

    /** Checks {@code cache}'s audit chain unless done already for this data folder; warns on {@code err}. */
    public static void warnOnce(Path dataDir, ChartCache cache, PrintStream err) {
        if (!CHECKED.add(dataDir.toAbsolutePath().normalize())) {
            return;
        }
        AuditCheck check = cache.verifyAudit();
        if (!check.intact()) {
            err.println(warning(check));
        }
    }

    /** The one line a command prints for a broken chain. */
    public static String warning(AuditCheck check) {
        return "chartlens: the audit log has been tampered with: " + check.message()
                + "; run 'chartlens audit verify'";
    }
}
