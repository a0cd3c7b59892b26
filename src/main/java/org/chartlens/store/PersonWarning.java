package org.chartlens.store;

import java.util.Objects;
import org.chartlens.domain.PatientRef;

/**
 * What two linked records disagree on, kept on their person while both stay linked (for
 * instance "birth dates differ (...)"). Kept in the encrypted cache only, never in the audit log.
 */
public record PersonWarning(PatientRef a, PatientRef b, String text) {
    public PersonWarning {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(text, "text");
    }
}
