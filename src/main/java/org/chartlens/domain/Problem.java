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
 */
public record Problem(Coded code, String clinicalStatus, String verificationStatus,
                      String category, ChartDate onset, ChartDate abatement, ChartDate recorded,
                      String recorder, boolean active, Source source) {
}
