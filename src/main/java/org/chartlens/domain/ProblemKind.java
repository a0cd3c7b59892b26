package org.chartlens.domain;

/** What a Condition is, for triage: a clinical problem, a social or situational finding, or an encounter diagnosis. */
public enum ProblemKind {
    /** Disorders and problem-list items: the Summary gives them the room. */
    PROBLEM,
    /** SNOMED "(finding)", "(situation)", "(social concept)"... or US Core health-concern/SDOH. */
    FINDING,
    /** Category encounter-diagnosis, where the chart also has a problem list. */
    ENCOUNTER_DIAGNOSIS
}
