package org.chartlens.domain;

import java.util.List;

/**
 * One medication (by RxNorm code where present, else by its text) with all its orders,
 * statements, dispenses and administrations. Immutable.
 *
 * @param medication the drug
 * @param status     status now: that of the latest order or statement
 * @param current    true when the latest order or statement is active or on-hold
 * @param first      date of the first order/statement/event
 * @param latest     date of the latest
 * @param prescriber the latest prescriber, or ""
 * @param dosage     the latest dosage in words, or ""
 * @param entries    every order, statement and event, newest first (for expansion)
 */
public record MedicationGroup(Coded medication, String status, boolean current, ChartDate first,
                              ChartDate latest, String prescriber, String dosage,
                              List<MedicationEntry> entries) {
    public MedicationGroup {
        entries = List.copyOf(entries);
    }

    /** Number of orders, statements and fills in this group. */
    public int count() {
        return entries.size();
    }
}
