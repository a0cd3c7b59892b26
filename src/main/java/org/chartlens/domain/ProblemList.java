package org.chartlens.domain;

import java.util.List;

/** Active and resolved/inactive problems, newest onset first. Immutable. */
public record ProblemList(List<Problem> active, List<Problem> inactive) {
    public ProblemList {
        active = List.copyOf(active);
        inactive = List.copyOf(inactive);
    }

    public boolean isEmpty() {
        return active.isEmpty() && inactive.isEmpty();
    }
}
