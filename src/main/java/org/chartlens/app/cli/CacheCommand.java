package org.chartlens.app.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.chartlens.app.CacheRebuild;
import org.chartlens.app.CacheRetention;
import org.chartlens.app.ChartLensContext;
import org.chartlens.store.Retention;
import picocli.CommandLine.Option;
import org.chartlens.store.CacheException;
import org.chartlens.store.CacheOpenException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens cache verify}: reads and authenticates every page of the cache;
 * {@code chartlens cache rebuild}: the way out of a damaged cache; {@code chartlens cache purge}: retention now.
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Look after the encrypted cache.",
        subcommands = {CacheCommand.Verify.class, CacheCommand.Rebuild.class, CacheCommand.Purge.class})
public final class CacheCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Override
    public Integer call() {
        System.err.println("chartlens: say what to do with the cache: 'chartlens cache verify', 'chartlens cache rebuild'"
                + " or 'chartlens cache purge'");
        return 2;
    }

    /**
     * Reads every page of the cache and checks its authentication tag and SQLite's structure
     * (decision 0380): exit 0 when intact, 1 with the problem in words when not.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Read every page of the cache and check that none was changed on disk or is damaged.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Override
        public Integer call() {
            try (ChartLensContext ctx = ChartLensContext.forCommandLine(parent.root.dataDirectory(), "cache-verify")) {
                return verify(ctx, System.out, System.err);
            }
        }

        /** The check on an open context: 0 when every page is intact. */
        static int verify(ChartLensContext ctx, PrintStream out, PrintStream err) {
            String result;
            try {
                result = ctx.cache().integrityCheck();
            } catch (CacheOpenException | CacheException e) {
                err.println("chartlens: " + e.getMessage());
                return 1;
            }
            if (!result.equals("ok")) {
                err.println("chartlens: the cache is damaged (" + result + "). It can be rebuilt from the servers "
                        + "('chartlens cache rebuild').");
                return 1;
            }
            out.println("The cache is intact: every page was read and authenticated.");
            return 0;
        }
    }

    /**
     * Moves the damaged cache aside (kept as {@code cache.db.damaged-<timestamp>}), creates a new
     * one and syncs every signed-in organization again as {@code chartlens sync ORG} would.
     */
    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Move a damaged cache aside (it is kept, not deleted), create a new one and sync "
                    + "every signed-in organization again.")
    static final class Rebuild implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Override
        public Integer call() throws Exception {
            try (ChartLensContext ctx = ChartLensContext.forCommandLine(parent.root.dataDirectory())) {
                return rebuild(ctx, System.out, System.err);
            }
        }

        /** The rebuild on an open context ({@link CacheRebuild}): exit code 0 when every signed-in organization synced. */
        static int rebuild(ChartLensContext ctx, PrintStream out, PrintStream err) throws Exception {
            CacheRebuild.Result result = CacheRebuild.run(ctx, "cli:cache-rebuild", ctx::organization,
                    org -> new SyncCommand.StderrProgress(err, org));
            out.println(result.keptAs() == null ? "No cache file was there; a new cache was created."
                    : "The old cache was moved aside to " + result.keptAs().getFileName() + " (kept, not deleted); "
                    + "a new cache was created.");
            for (CacheRebuild.Synced o : result.synced()) {
                out.println(o.org() + ": " + o.patients() + " patient(s) synced again"
                        + (o.ok() ? "" : " (incomplete: " + o.summary() + ")"));
            }
            if (result.synced().isEmpty()) {
                out.println("No signed-in organization could be reached: sign in ('chartlens login ORG') and sync.");
            }
            return result.ok() ? 0 : 1;
        }
    }

    /**
     * Retention now (issue 17): purges the charts of persons on no referral list and not opened for
     * the days set ({@code retentionDays} in settings.json, default 30), audited ({@link CacheRetention}).
     */
    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Remove the charts of persons on no referral list that were not opened for the retention "
                    + "period (settings.json 'retentionDays', default 30; 0 keeps everything). Audited.")
    static final class Purge implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Option(names = "--days", paramLabel = "N", description = "Use N days instead of the setting.")
        Integer days;

        @Override
        public Integer call() {
            try (ChartLensContext ctx = ChartLensContext.forCommandLine(parent.root.dataDirectory(), "cache-purge")) {
                int n = days != null ? days : CacheRetention.days(ctx.dataDir());
                Retention.Purged p = CacheRetention.apply(ctx.cache(), n, "cli:cache-purge");
                System.out.println(n <= 0 ? "Retention is off (0 days): nothing purged."
                        : p.records().size() + " record(s) not opened for " + n + " days and on no referral list purged ("
                        + p.resources() + " resources).");
                return 0;
            }
        }
    }
}
