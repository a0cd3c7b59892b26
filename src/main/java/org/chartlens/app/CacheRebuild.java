package org.chartlens.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.store.AuditAction;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;

/**
 * The one rebuild of a damaged cache, for {@code chartlens cache rebuild} and the desktop's
 * "Rebuild the cache" (issue 19): the damaged file is moved aside and kept
 * ({@link ChartLensContext#rebuildCache}), a new cache is created, and every signed-in
 * organization that can be reached is synced again, each sync audited as a {@code sync} event from
 * the same source. Blocking.
 */
public final class CacheRebuild {
    /** One organization synced again. */
    public record Synced(String org, int patients, boolean ok, String summary) {
    }

    /**
     * What the rebuild did.
     *
     * @param keptAs where the damaged cache was moved (kept, not deleted), or null when there was none
     * @param synced the organizations synced again, in the directory's order
     */
    public record Result(Path keptAs, List<Synced> synced) {
        public Result {
            synced = List.copyOf(synced);
        }

        /** Every organization synced again completely. */
        public boolean ok() {
            return synced.stream().allMatch(Synced::ok);
        }

        /** One sentence for the user: where the old file is, and what was synced again. */
        public String summary() {
            StringBuilder s = new StringBuilder(keptAs == null ? "No cache file was there; a new cache was created."
                    : "The old cache was moved aside to " + keptAs.getFileName() + " (kept, not deleted); "
                    + "a new cache was created.");
            if (synced.isEmpty()) {
                s.append(" No signed-in organization could be reached: sign in and sync.");
            }
            for (Synced o : synced) {
                s.append(' ').append(o.org()).append(": ").append(o.patients()).append(" patient(s) synced again")
                        .append(o.ok() ? "." : " (incomplete: " + o.summary() + ").");
            }
            return s.toString();
        }
    }

    private CacheRebuild() {
    }

    /**
     * Rebuilds the cache of {@code ctx}.
     *
     * @param source   the command or view recorded with the audit events ("cli:cache-rebuild", "view:worklist")
     * @param resolve  an organization id to the organization ready to talk to; may throw when it
     *                 cannot be reached (a demo EHR not running), and it is then skipped
     * @param progress the listener of one organization's sync
     */
    public static Result run(ChartLensContext ctx, String source, Function<String, Organization> resolve,
                             Function<String, SyncListener> progress)
            throws java.io.IOException, InterruptedException {
        Path aside = ctx.rebuildCache(source);
        List<Synced> synced = new ArrayList<>();
        for (Organization listed : ctx.organizations().list()) {
            Organization org;
            Optional<Session> session;
            try {
                org = resolve.apply(listed.id());
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
            SyncResult result;
            try {
                result = ctx.sync(org).run(request, progress.apply(org.id()));
            } catch (RuntimeException e) {
                ctx.cache().audit(AuditAction.SYNC, org.id(), AuditDetails.onePatient(request.patientIds()),
                        AuditDetails.FAILED, source);
                synced.add(new Synced(org.id(), 0, false, e.getMessage() == null ? "the sync failed" : e.getMessage()));
                continue;
            }
            ctx.cache().audit(AuditAction.SYNC, org.id(), AuditDetails.onePatient(result.patients()),
                    AuditDetails.sync(result), source);
            synced.add(new Synced(org.id(), result.patients().size(), result.ok(), result.summary()));
        }
        return new Result(aside, synced);
    }
}
