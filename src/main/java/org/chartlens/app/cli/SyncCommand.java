package org.chartlens.app.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import org.chartlens.app.AuditDetails;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.ListSync;
import org.chartlens.app.Persons;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.store.AuditAction;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncProgress;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens sync ORG [--patient ID] [--all-patients] [--full]}: which patients and how many
 * first, progress on stderr, then on stdout one line per resource type, "Type count", counted in
 * the cache; non-zero exit with a one-line reason when anything failed. {@code chartlens sync --list
 * DAY}: everyone on the referral list due that day ({@link ListSync}, report {@link ListSyncReport}).
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Pull charts from a signed-in organization into the encrypted cache.%n"
                + "Without --patient: the patients already on the worklist from ORG and the sign-in's patient "
                + "(find others with 'chartlens find ORG'); the built-in demo organization: all its demo patients.")
public final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ORG", description = "Organization id (see 'chartlens org list').")
    String orgId;

    @Option(names = "--list", paramLabel = "DAY",
            description = "Instead of ORG: pre-fetch every record of every person on the referral list due DAY "
                    + "('today', 'tomorrow' or YYYY-MM-DD), each organization with its stored sign-in; says per person "
                    + "what could not be pulled; exit 1 when anything failed (for a scheduled task).")
    String list;

    @Option(names = "--patient", paramLabel = "ID", description = "Sync only this patient (repeatable).")
    List<String> patients;

    @Option(names = "--full", description = "Ignore the incremental cursors and pull everything again.")
    boolean full;

    @Option(names = "--all-patients",
            description = "Pull every patient the server lists (says how many first). A hospital EHR holds "
                    + "hundreds of thousands: prefer 'chartlens find'.")
    boolean allPatients;

    @Option(names = "--bulk-group", paramLabel = "GROUP",
            description = "Backend organizations: Bulk Data $export of this Group ('*' for all patients).")
    String bulkGroup;

    @Override
    public Integer call() throws Exception {
        if (list != null || orgId == null) {
            if (list == null || orgId != null) {
                System.err.println("chartlens: give either ORG or --list DAY");
                return 2;
            }
            try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "sync")) {
                return ListSyncReport.print(ListSync.run(ctx, ReferralsCommand.day(list),
                        org -> new StderrProgress(System.err, org)), System.out, System.err);
            }
        }
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "sync")) {
            ctx.prepareCacheInBackground();
            Organization org = ctx.organization(orgId);
            Optional<Session> session = ctx.auth().session(org);
            if (session.isEmpty()) {
                System.err.println("chartlens: not signed in to " + org.name() + "; run 'chartlens login " + org.id() + "' first");
                return 1;
            }
            Session s = session.get();
            SyncRequest request = (allPatients ? SyncRequest.everyone() : SyncRequest.byDefault(org))
                    .withContextPatient(s.patient()).full(full)
                    .withScopes(s.grantedScopes().isEmpty() ? null : Set.copyOf(s.grantedScopes()));
            if (patients != null) {
                request = new SyncRequest(patients, s.patient(), full, request.grantedScopes(), null);
            } else if (bulkGroup != null) {
                request = new SyncRequest(List.of(), null, full, request.grantedScopes(), bulkGroup);
            }
            return run(ctx, org, request);
        }
    }

    /**
     * Runs one sync with progress on stderr and the counts on stdout; audited. Exit status: 0, or 1
     * with a one-line reason when anything failed.
     */
    static int run(ChartLensContext ctx, Organization org, SyncRequest request) throws InterruptedException {
        PrintStream err = System.err;
        SyncResult result;
        try {
            result = ctx.sync(org).run(request, new StderrProgress(err, org.id()));
        } catch (RuntimeException e) {
            ctx.audit(AuditAction.SYNC, org.id(), AuditDetails.onePatient(request.patientIds()), AuditDetails.FAILED);
            throw e;
        }
        ctx.audit(AuditAction.SYNC, org.id(), AuditDetails.onePatient(result.patients()), AuditDetails.sync(result));
        if (result.patients().isEmpty() && request.bulkGroupId() == null && result.ok()) {
            err.println("chartlens: no patients from " + org.id() + " on the worklist yet; find one with 'chartlens find "
                    + org.id() + " --name NAME' or pull every patient with 'chartlens sync " + org.id() + " --all-patients'");
            return 0;
        }
        // the link candidates (a read of every cached Patient) are looked for beside the counts'
        // read of the chart, on the second core: both are reads, the cache serves them at once
        CompletableFuture<List<Persons.Proposal>> candidates =
                CompletableFuture.supplyAsync(() -> LinkCommand.candidates(ctx));
        for (Map.Entry<String, Integer> e : counts(ctx.cache(), org.id(), result).entrySet()) {
            System.out.println(e.getKey() + " " + e.getValue());
        }
        result.unavailable().forEach((type, state) -> err.println("  " + type + ": " + state));
        LinkCommand.mentionCandidates(join(candidates), err);
        if (!result.ok()) {
            err.println("chartlens: sync of " + org.id() + " incomplete: " + result.summary());
            return 1;
        }
        return 0;
    }

    /** The value of {@code f}, its failure rethrown as it was thrown. */
    private static <T> T join(CompletableFuture<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error x) {
                throw x;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Counts in the cache: one patient's chart, or the whole organization. */
    static Map<String, Integer> counts(ChartCache cache, String org, SyncResult result) {
        if (result.patients().size() == 1) {
            Map<String, Integer> out = new TreeMap<>();
            for (StoredResource r : cache.chart(org, result.patients().get(0))) {
                out.merge(r.type(), 1, Integer::sum);
            }
            return out;
        }
        return new TreeMap<>(cache.countsByType(org));
    }

    /** Progress lines on stderr, at most about one a second, and each problem once. */
    static final class StderrProgress implements SyncListener {
        private final PrintStream err;
        private final String org;
        private long lastPrint;

        StderrProgress(PrintStream err, String org) {
            this.err = err;
            this.org = org;
        }

        @Override
        public synchronized void progress(SyncProgress p) {
            long now = System.nanoTime();
            if (!p.finished() && now - lastPrint < 1_000_000_000L) {
                return;
            }
            lastPrint = now;
            Map<String, Integer> top = new LinkedHashMap<>();
            p.storedByType().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(4)
                    .forEach(e -> top.put(e.getKey(), e.getValue()));
            err.printf("sync %s: %s%d/%d patients, %d resources (%.1f MB) in %.1f s %s%n", org,
                    p.finished() ? "done, " : "", p.patientsDone(), p.patientsTotal(), p.stored(),
                    p.bytes() / 1e6, p.elapsed().toMillis() / 1000.0, top);
        }

        @Override
        public synchronized void patientsChosen(int count, String how) {
            err.printf("sync %s: %d patient%s: %s%n", org, count, count == 1 ? "" : "s", how);
        }

        @Override
        public synchronized void problem(String message) {
            err.println("  note: " + message);
        }
    }
}
