package org.chartlens.domain;

/**
 * One restricted resource of a chart: what a masked row may say (that something is hidden, from
 * which organization, and why), never what. Immutable.
 *
 * @param org       organization id
 * @param type      resourceType (which tab the row belongs to)
 * @param reference Type/id at that organization (never shown; lets a view mark the row once shown)
 * @param when      its clinically relevant date, or {@link ChartDate#NONE}
 * @param why       its labels
 */
public record HiddenRecord(String org, String type, String reference, ChartDate when, Sensitivity why) {
}
