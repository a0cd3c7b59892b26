package org.chartlens.app.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.chartlens.app.CacheRebuild;
import org.chartlens.app.ChartLensContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code chartlens cache rebuild}: the way out of a damaged cache. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Look after the encrypted cache.",
        subcommands = {CacheCommand.Rebuild.class})
public final class CacheCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Override
    public Integer call() {
        System.err.println("chartlens: say what to do with the cache, e.g. 'chartlens cache rebuild'");
        return 2;
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
}
