package org.chartlens.domain;

import java.util.List;

/**
 * Who the chart is about. Immutable.
 *
 * @param name        display name ("Given Family"), or "(no name)"
 * @param birthDate   date of birth as given
 * @param age         age in words ("86 y", "7 mo", "12 d"), "" when unknown; "deceased" noted
 * @param sex         administrative gender as given ("female"), or "unknown"
 * @param deceased    deceased date/flag as given, or null
 * @param identifiers identifiers from every organization
 * @param source      the Patient resource
 */
public record PatientSummary(String name, ChartDate birthDate, String age, String sex,
                             String deceased, List<Identifier> identifiers, Source source) {
    public PatientSummary {
        identifiers = List.copyOf(identifiers);
    }
}
