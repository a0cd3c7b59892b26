package org.chartlens.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
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

        /** The rebuild on an open context: exit code 0 when every signed-in organization synced. */
        static int rebuild(ChartLensContext ctx, PrintStream out, PrintStream err) throws Exception {
            Path aside = ctx.rebuildCache("cli:cache-rebuild");
            out.println(aside == null ? "No cache file was there; a new cache was created."
                    : "The old cache was moved aside to " + aside.getFileName() + " (kept, not deleted); "
                    + "a new cache was created.");
            int failures = 0;
            int synced = 0;
            for (Organization listed : ctx.organizations().list()) {
                Organization org;
                Optional<Session> session;
                try {
                    org = ctx.organization(listed.id());
                    session = ctx.auth().session(org);
                } catch (RuntimeException e) {
                    continue; // not reachable now (a demo EHR not running): nothing to sync from
                }
                if (session.isEmpty()) {
                    continue;
                }
                Session s = session.get();
                // the demo organization: all its patients; elsewhere the sign-in's patient (the damaged
                // cache's worklist is not read back: nothing in that file is trusted)
                SyncRequest request = SyncRequest.byDefault(org).withContextPatient(s.patient()).full(true)
                        .withScopes(s.grantedScopes().isEmpty() ? null : Set.copyOf(s.grantedScopes()));
                SyncResult result = ctx.sync(org).run(request, new SyncCommand.StderrProgress(err, org.id()));
                synced++;
                out.println(org.id() + ": " + result.patients().size() + " patient(s) synced again"
                        + (result.ok() ? "" : " (incomplete: " + result.summary() + ")"));
                if (!result.ok()) {
                    failures++;
                }
            }
            if (synced == 0) {
                out.println("No signed-in organization could be reached: sign in ('chartlens login ORG') and sync.");
            }
            return failures == 0 ? 0 : 1;
        }
    }
}
