package org.chartlens.domain;

import java.util.List;

/**
 * A person's medications, problems and allergies reconciled across organizations (issue 17
 * section 3): rows where the organizations disagree first. Immutable.
 *
 * @param orgs the organizations of the chart, one column each, in chart order
 * @param rows every concept, disagreements first (then concepts not listed everywhere, then the same everywhere)
 */
public record ReconcileTable(List<String> orgs, List<ReconcileRow> rows) {
    public ReconcileTable {
        orgs = List.copyOf(orgs);
        rows = List.copyOf(rows);
    }

    /** Nothing to reconcile: the chart has one organization. */
    public boolean singleOrganization() {
        return orgs.size() < 2;
    }

    /** The row with this key (or alias), or null. */
    public ReconcileRow row(String key) {
        for (ReconcileRow r : rows) {
            if (r.key().equals(key) || r.aliases().contains(key)) {
                return r;
            }
        }
        return null;
    }

    /** How many rows the organizations disagree on. */
    public long differing() {
        return rows.stream().filter(r -> r.agreement() == ReconcileRow.Agreement.DIFFERS).count();
    }
}
