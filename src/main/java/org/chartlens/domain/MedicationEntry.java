package org.chartlens.domain;

/**
 * One medication order or statement. Immutable.
 *
 * @param medication the drug (RxNorm display), never a bare code when a display exists
 * @param status     active, stopped, completed, ...
 * @param intent     order, plan, ... or ""
 * @param authored   when ordered / asserted
 * @param end        end of validity or effective period, or NONE
 * @param dosage     dosage text or ""
 * @param prescriber requester display or ""
 * @param reason     reason display or ""
 * @param active     true when status is active (or on-hold)
 * @param source     organization and resource
 */
public record MedicationEntry(Coded medication, String status, String intent, ChartDate authored,
                              ChartDate end, String dosage, String prescriber, String reason,
                              boolean active, Source source) {
}
