package org.chartlens.domain;

/**
 * One claim or explanation of benefit. Amounts are as given, in {@code currency}. Immutable.
 *
 * @param kind      "Claim" or "EOB"
 * @param type      professional, institutional, pharmacy, ...
 * @param status    status
 * @param created   created date
 * @param start     billable period start
 * @param end       billable period end
 * @param provider  provider / facility display
 * @param payer     insurer / coverage display
 * @param billed    total billed (submitted), or NaN
 * @param paid      paid by the payer, or NaN
 * @param currency  currency code or ""
 * @param source    organization and resource
 */
public record ClaimEntry(String kind, String type, String status, ChartDate created,
                         ChartDate start, ChartDate end, String provider, String payer,
                         double billed, double paid, String currency, Source source) {
}
