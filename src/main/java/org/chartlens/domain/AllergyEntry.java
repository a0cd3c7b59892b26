package org.chartlens.domain;

/**
 * One allergy or intolerance. Immutable.
 *
 * @param substance          what the patient reacts to
 * @param clinicalStatus     active, inactive, resolved, or ""
 * @param verificationStatus confirmed, unconfirmed, refuted, ...
 * @param type               allergy / intolerance, or ""
 * @param category           food, medication, environment, biologic (comma-joined)
 * @param criticality        low, high, unable-to-assess, or ""
 * @param reactions          manifestations with severity, comma-joined, or ""
 * @param recorded           recordedDate / onset as given
 * @param source             organization and resource
 */
public record AllergyEntry(Coded substance, String clinicalStatus, String verificationStatus,
                           String type, String category, String criticality, String reactions,
                           ChartDate recorded, Source source) {
}
