package org.chartlens.domain;

import java.util.List;

/**
 * Active and resolved/inactive Conditions, active clinical problems first (then newest onset),
 * each tagged with its {@link ProblemKind}. Immutable.
 */
public record ProblemList(List<Problem> active, List<Problem> inactive) {
    public ProblemList {
        active = List.copyOf(active);
        inactive = List.copyOf(inactive);
    }

    /** Active clinical problems (disorders, problem-list items): what the Summary shows. */
    public List<Problem> activeProblems() {
        return active.stream().filter(Problem::isProblem).toList();
    }

    /** Active social and situational findings (one click away, not gone). */
    public List<Problem> activeFindings() {
        return active.stream().filter(p -> p.kind() == ProblemKind.FINDING).toList();
    }

    /** Active encounter diagnoses kept apart from a problem list. */
    public List<Problem> activeEncounterDiagnoses() {
        return active.stream().filter(p -> p.kind() == ProblemKind.ENCOUNTER_DIAGNOSIS).toList();
    }

    public boolean isEmpty() {
        return active.isEmpty() && inactive.isEmpty();
    }
}
