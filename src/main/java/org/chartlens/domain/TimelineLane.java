package org.chartlens.domain;

/** The lanes of the timeline, top to bottom. */
public enum TimelineLane {
    ENCOUNTERS("Encounters"),
    CONDITIONS("Conditions"),
    PROCEDURES("Procedures"),
    MEDICATIONS("Medications"),
    IMMUNIZATIONS("Immunizations"),
    LAB_REPORTS("Lab reports"),
    DOCUMENTS("Documents");

    private final String label;

    TimelineLane(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
