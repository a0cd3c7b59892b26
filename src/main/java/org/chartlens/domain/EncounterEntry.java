package org.chartlens.domain;

/**
 * One encounter. Immutable.
 *
 * @param type        visit type display
 * @param encounterClass ambulatory, emergency, inpatient... (class code display)
 * @param status      finished, in-progress, ...
 * @param start       period start as given
 * @param end         period end as given
 * @param practitioner primary performer display, or ""
 * @param provider    service provider / location display, or ""
 * @param reason      reason display, or ""
 * @param source      organization and resource
 */
public record EncounterEntry(Coded type, String encounterClass, String status, ChartDate start,
                             ChartDate end, String practitioner, String provider, String reason,
                             Source source) {
}
