package org.chartlens.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.fhir.FhirException;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Referral;
import org.chartlens.store.AuditAction;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;

/**
 * {@code chartlens sync --list DAY} (issue 17, the clinic day): pre-fetches every record of every
 * person due that day, one sync per organization through the same path as {@code chartlens sync
 * ORG --patient ID} with the organization's stored sign-in; then says per person what could not be
 * pulled (not signed in or the sign-in expired, the organization unreachable, a pull that failed)
 * and what the sign-in does not allow (types refused or not offered: noted, not a failure). Each
 * sync is audited. Meant for an overnight scheduled task. Blocking.
 */
public final class ListSync {
    private ListSync() {
    }

    /**
     * One person's outcome.
     *
     * @param failures what could not be pulled, per organization, in words (empty: everything came)
     * @param notes    what the sign-ins leave out (refused or unsupported types), in words
     */
    public record PersonOutcome(String personId, List<PatientRef> records, List<String> failures, List<String> notes) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    /** The day's outcome: each person due, by due order. */
    public record Outcome(LocalDate day, List<PersonOutcome> persons) {
        public boolean ok() {
            return persons.stream().allMatch(PersonOutcome::ok);
        }
    }

    /** Syncs everyone due on {@code day}; {@code progress} gives each organization's listener. */
    public static Outcome run(ChartLensContext ctx, LocalDate day, Function<String, SyncListener> progress)
            throws InterruptedException {
        List<Referral> due = ctx.cache().referrals().list().stream().filter(r -> r.due().equals(day)).toList();
        Map<String, List<String>> byOrg = new TreeMap<>();
        for (Referral r : due) {
            for (PatientRef ref : r.person().records()) {
                byOrg.computeIfAbsent(ref.org(), k -> new ArrayList<>()).add(ref.id());
            }
        }
        Map<PatientRef, String> failed = new LinkedHashMap<>();
        Map<PatientRef, String> noted = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byOrg.entrySet()) {
            syncOne(ctx, e.getKey(), e.getValue(), progress, failed, noted);
        }
        List<PersonOutcome> out = new ArrayList<>();
        for (Referral r : due) {
            List<String> failures = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (PatientRef ref : r.person().records()) {
                Optional.ofNullable(failed.get(ref)).ifPresent(f -> failures.add(ref.qualified() + ": " + f));
                Optional.ofNullable(noted.get(ref)).ifPresent(n -> notes.add(ref.qualified() + ": " + n));
            }
            out.add(new PersonOutcome(r.person().id(), r.person().records(), failures, notes));
        }
        return new Outcome(day, out);
    }

    private static void syncOne(ChartLensContext ctx, String orgId, List<String> patients,
                                Function<String, SyncListener> progress, Map<PatientRef, String> failed,
                                Map<PatientRef, String> noted) throws InterruptedException {
        Organization org;
        try {
            org = ctx.organization(orgId);
        } catch (IllegalArgumentException | IllegalStateException e) {
            patients.forEach(p -> failed.put(new PatientRef(orgId, p), "organization unreachable (" + e.getMessage() + ")"));
            return;
        }
        Optional<Session> session = ctx.auth().session(org);
        if (session.isEmpty()) {
            patients.forEach(p -> failed.put(new PatientRef(orgId, p), "not signed in, or the sign-in expired: run "
                    + "'chartlens login " + orgId + "'"));
            return;
        }
        Session s = session.get();
        try {
            ctx.fhir(org).capabilityStatement(); // one request (with its retries) before a sync's many
        } catch (FhirException e) {
            if (e.kind() == FhirException.Kind.NETWORK) {
                ctx.audit(AuditAction.SYNC, orgId, AuditDetails.onePatient(patients), AuditDetails.FAILED);
                patients.forEach(p -> failed.put(new PatientRef(orgId, p), "organization unreachable: " + e.getMessage()));
                return;
            }
        }
        SyncRequest request = new SyncRequest(patients, s.patient(), false,
                s.grantedScopes().isEmpty() ? null : Set.copyOf(s.grantedScopes()), null);
        SyncResult result;
        try {
            result = ctx.sync(org).run(request, progress.apply(orgId));
        } catch (RuntimeException e) {
            ctx.audit(AuditAction.SYNC, orgId, AuditDetails.onePatient(patients), AuditDetails.FAILED);
            patients.forEach(p -> failed.put(new PatientRef(orgId, p), "organization unreachable or refused the sync ("
                    + e.getClass().getSimpleName() + ")"));
            return;
        }
        ctx.audit(AuditAction.SYNC, orgId, AuditDetails.onePatient(result.patients()), AuditDetails.sync(result));
        for (String p : patients) {
            PatientRef ref = new PatientRef(orgId, p);
            if (result.cancelled()) {
                failed.put(ref, "sync cancelled");
            } else {
                // a failed pull names its patient ("Condition ID", "Patient/ID") or none (the whole run)
                List<String> mine = result.failed().entrySet().stream().filter(f -> f.getKey().equals("Patient/" + p)
                        || f.getKey().endsWith(" " + p) || patients.stream().noneMatch(o -> f.getKey().equals("Patient/" + o)
                        || f.getKey().endsWith(" " + o))).map(f -> f.getKey() + ": " + f.getValue()).toList();
                if (!mine.isEmpty() || !result.completed().contains(p)) {
                    failed.put(ref, mine.isEmpty() ? "not pulled" : mine.size() + " pull(s) failed; first: "
                            + mine.get(0).replace(" " + p + ":", ":"));
                }
            }
            if (!result.unavailable().isEmpty()) {
                StringBuilder b = new StringBuilder();
                result.unavailable().forEach((type, state) -> b.append(b.length() == 0 ? "" : ", ").append(type)
                        .append(' ').append(state));
                noted.put(ref, "not pulled by this sign-in: " + b);
            }
        }
    }
}
