package org.chartlens.domain;

/**
 * One coverage period with its payer: from a Coverage resource, or derived from the coverage the
 * claims cite (then {@code source} is the first claim citing it and {@code derived} is true).
 * Immutable.
 *
 * @param payer   payer display
 * @param type    coverage type display or ""
 * @param status  active, cancelled, ... or ""
 * @param start   period start as given
 * @param end     period end as given
 * @param derived true when taken from claims rather than a Coverage resource
 * @param source  organization and resource
 */
public record CoverageEntry(String payer, String type, String status, ChartDate start,
                            ChartDate end, boolean derived, Source source) {
}
