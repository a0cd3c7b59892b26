package org.chartlens.sync;

import java.util.List;
import java.util.Set;
import org.chartlens.connect.Organization;

/**
 * What to sync at one organization.
 *
 * @param patientIds     patients to sync; empty: the patients already on the worklist from this
 *                       organization (cached) plus the context patient, or every patient the
 *                       server lists when {@code allPatients}
 * @param contextPatient the patient of the token response ({@code patient}), or null
 * @param full           ignore the {@code _lastUpdated} cursors and pull everything again
 * @param grantedScopes  the scopes the token response granted, or null when unknown (then a 403
 *                       marks a type "not-granted" at run time)
 * @param bulkGroupId    for backend-services organizations: the Group to $export, or null for
 *                       a per-patient sync
 * @param allPatients    enumerate every patient the server lists (explicit: a hospital EHR holds
 *                       hundreds of thousands); ignored when {@code patientIds} are given
 */
public record SyncRequest(List<String> patientIds, String contextPatient, boolean full,
                          Set<String> grantedScopes, String bulkGroupId, boolean allPatients) {
    public SyncRequest {
        patientIds = patientIds == null ? List.of() : List.copyOf(patientIds);
        grantedScopes = grantedScopes == null ? null : Set.copyOf(grantedScopes);
    }

    /** Without {@code allPatients}: the given patients, else the worklist's and the context patient. */
    public SyncRequest(List<String> patientIds, String contextPatient, boolean full, Set<String> grantedScopes,
                       String bulkGroupId) {
        this(patientIds, contextPatient, full, grantedScopes, bulkGroupId, false);
    }

    public static SyncRequest patients(String... ids) {
        return new SyncRequest(List.of(ids), null, false, null, null, false);
    }

    /** Every patient the server lists. */
    public static SyncRequest everyone() {
        return new SyncRequest(List.of(), null, false, null, null, true);
    }

    /** The patients already on the worklist from the organization (and the context patient, when set). */
    public static SyncRequest worklist() {
        return new SyncRequest(List.of(), null, false, null, null, false);
    }

    /**
     * What a plain "sync this organization" means there: the embedded demo organization keeps
     * pulling all its demo patients; everywhere else the worklist's patients (and the sign-in's).
     */
    public static SyncRequest byDefault(Organization org) {
        return "demo".equals(org.sandboxProfile()) ? everyone() : worklist();
    }

    public SyncRequest full(boolean value) {
        return new SyncRequest(patientIds, contextPatient, value, grantedScopes, bulkGroupId, allPatients);
    }

    public SyncRequest withScopes(Set<String> scopes) {
        return new SyncRequest(patientIds, contextPatient, full, scopes, bulkGroupId, allPatients);
    }

    public SyncRequest withContextPatient(String patient) {
        return new SyncRequest(patientIds, patient, full, grantedScopes, bulkGroupId, allPatients);
    }

    public SyncRequest withAllPatients(boolean value) {
        return new SyncRequest(patientIds, contextPatient, full, grantedScopes, bulkGroupId, value);
    }

    public static SyncRequest bulk(String groupId) {
        return new SyncRequest(List.of(), null, false, null, groupId, false);
    }
}
