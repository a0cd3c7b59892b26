package org.chartlens.domain;

/**
 * One Condition row of the problem list. Immutable.
 *
 * @param code               code, system and display
 * @param clinicalStatus     active, recurrence, relapse, inactive, remission, resolved, or ""
 * @param verificationStatus confirmed, provisional, ..., or ""
 * @param category           "Problem list item", "Encounter diagnosis", "Health concern", ...
 * @param onset              onset as given (dateTime, Period start, age or string)
 * @param abatement          abatement as given
 * @param recorded           recordedDate as given
 * @param recorder           who recorded or asserted it, or ""
 * @param active             true when the clinical status counts as active
 * @param source             organization and resource
 * @param kind               clinical problem, social/situational finding or encounter diagnosis
 */
public record Problem(Coded code, String clinicalStatus, String verificationStatus,
                      String category, ChartDate onset, ChartDate abatement, ChartDate recorded,
                      String recorder, boolean active, Source source, ProblemKind kind) {
    public Problem {
        kind = kind == null ? ProblemKind.PROBLEM : kind;
    }

    /** A problem of kind PROBLEM. */
    public Problem(Coded code, String clinicalStatus, String verificationStatus,
                   String category, ChartDate onset, ChartDate abatement, ChartDate recorded,
                   String recorder, boolean active, Source source) {
        this(code, clinicalStatus, verificationStatus, category, onset, abatement, recorded,
                recorder, active, source, ProblemKind.PROBLEM);
    }

    public boolean isProblem() {
        return kind == ProblemKind.PROBLEM;
    }
}
