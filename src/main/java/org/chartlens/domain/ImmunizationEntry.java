package org.chartlens.domain;

/**
 * One immunization. Immutable.
 *
 * @param vaccine   vaccine (CVX display)
 * @param status    completed, not-done, entered-in-error
 * @param date      occurrence as given
 * @param performer location or performer display, or ""
 * @param source    organization and resource
 */
public record ImmunizationEntry(Coded vaccine, String status, ChartDate date, String performer,
                                Source source) {
}
