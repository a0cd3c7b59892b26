package org.chartlens.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chartlens.auth.Session;
import org.chartlens.clinical.PatientCandidates;
import org.chartlens.connect.Organization;
import org.chartlens.domain.PatientCandidate;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.ReceivedResource;
import org.chartlens.store.AuditAction;
import org.chartlens.sync.PatientFinder;
import org.chartlens.sync.PatientQuery;
import org.chartlens.sync.SyncRequest;

/**
 * Finding a patient at one signed-in organization, the one path for {@code chartlens find} and
 * the desktop's Find ({@code DesktopFind}): the server's Patient search ({@link PatientFinder}),
 * its answer turned into {@link PatientCandidate}s, the search recorded in the audit log; and the
 * sync request that pulls a chosen candidate onto the worklist. Stateless; blocking.
 */
public final class FindPatients {
    private FindPatients() {
    }

    /** The organization's answer: its candidates' demographics and the server's own result. */
    public record Result(Organization org, List<PatientCandidate> candidates, PatientFinder.Found found) {
    }

    /** Not signed in to the organization: nothing was asked. */
    public static final class NotSignedIn extends Exception {
        private final transient Organization org;

        NotSignedIn(Organization org) {
            super("Not signed in to " + org.name() + ".");
            this.org = org;
        }

        public Organization org() {
            return org;
        }
    }

    /**
     * Searches {@code org} (resolved: its FHIR base known) and records the search
     * ({@link AuditAction#PATIENT_SEARCH}: the criteria's names and the count, never their values).
     *
     * @param source the audit source ({@code view:find}), or null for the context's own ({@code cli:find})
     * @throws NotSignedIn              when there is no sign-in to it
     * @throws IllegalArgumentException when no criterion is given or the server supports none of them
     */
    public static Result search(ChartLensContext ctx, Organization org, PatientQuery query, String source)
            throws NotSignedIn, FhirException {
        if (ctx.auth().session(org).isEmpty()) {
            throw new NotSignedIn(org);
        }
        PatientFinder.Found found = ctx.sync(org).finder().find(query);
        List<PatientCandidate> candidates = candidates(org.id(), found.candidates());
        String detail = "by=" + String.join(",", query.parameters().keySet()) + " candidates=" + candidates.size();
        if (source == null) {
            ctx.audit(AuditAction.PATIENT_SEARCH, org.id(), null, detail);
        } else {
            ctx.cache().audit(AuditAction.PATIENT_SEARCH, org.id(), null, detail, source);
        }
        return new Result(org, candidates, found);
    }

    /** The searched Patients' demographics, in the server's order. */
    public static List<PatientCandidate> candidates(String org, List<ReceivedResource> patients) {
        List<PatientCandidate> out = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (ReceivedResource r : patients) {
            out.add(PatientCandidates.of(org, r.id(), r.json(), today));
        }
        return out;
    }

    /** The sync of one chosen candidate, with the scopes and context patient of the session. */
    public static SyncRequest chosen(Session session, String patientId) {
        return new SyncRequest(List.of(patientId), session.patient(), false,
                session.grantedScopes().isEmpty() ? null : Set.copyOf(session.grantedScopes()), null);
    }
}
