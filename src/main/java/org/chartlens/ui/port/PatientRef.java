package org.chartlens.ui.port;

/** One patient at one organization. Immutable. */
public record PatientRef(String org, String id) {
}
