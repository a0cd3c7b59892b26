package org.chartlens.sync;

import java.util.List;
import java.util.Set;

/**
 * What to sync at one organization.
 *
 * @param patientIds     patients to sync; empty: the context patient, else every patient the
 *                       server lists
 * @param contextPatient the patient of the token response ({@code patient}), or null
 * @param full           ignore the {@code _lastUpdated} cursors and pull everything again
 * @param grantedScopes  the scopes the token response granted, or null when unknown (then a 403
 *                       marks a type "not-granted" at run time)
 * @param bulkGroupId    for backend-services organizations: the Group to $export, or null for
 *                       a per-patient sync
 */
public record SyncRequest(List<String> patientIds, String contextPatient, boolean full,
                          Set<String> grantedScopes, String bulkGroupId) {
    public SyncRequest {
        patientIds = patientIds == null ? List.of() : List.copyOf(patientIds);
        grantedScopes = grantedScopes == null ? null : Set.copyOf(grantedScopes);
    }

    public static SyncRequest patients(String... ids) {
        return new SyncRequest(List.of(ids), null, false, null, null);
    }

    public static SyncRequest everyone() {
        return new SyncRequest(List.of(), null, false, null, null);
    }

    public SyncRequest full(boolean value) {
        return new SyncRequest(patientIds, contextPatient, value, grantedScopes, bulkGroupId);
    }

    public SyncRequest withScopes(Set<String> scopes) {
        return new SyncRequest(patientIds, contextPatient, full, scopes, bulkGroupId);
    }

    public SyncRequest withContextPatient(String patient) {
        return new SyncRequest(patientIds, patient, full, grantedScopes, bulkGroupId);
    }

    public static SyncRequest bulk(String groupId) {
        return new SyncRequest(List.of(), null, false, null, groupId);
    }
}
