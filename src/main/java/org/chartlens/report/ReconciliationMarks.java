package org.chartlens.report;

import org.chartlens.domain.Coded;

/**
 * A reviewer's reconciliation marks (issue 17 section 3: "same", "not the same", "not relevant",
 * with an optional note), one per concept of the medication, problem and allergy lists. Nothing
 * records marks yet: the summary asks this hook for each row and prints what it answers beside the
 * item ({@link #NONE} answers nothing). Implementations are thread safe.
 */
@FunctionalInterface
public interface ReconciliationMarks {
    /** No marks. */
    ReconciliationMarks NONE = (kind, concept) -> "";

    /** What the summary asks about. */
    enum Kind { MEDICATION, PROBLEM, ALLERGY }

    /**
     * The mark on one row in words ("same · checked with the pharmacy"), or "" when unmarked.
     *
     * @param concept the row's concept as the chart codes it (code, system, display)
     */
    String markFor(Kind kind, Coded concept);
}
