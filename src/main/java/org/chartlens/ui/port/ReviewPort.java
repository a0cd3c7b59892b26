package org.chartlens.ui.port;

import java.time.Instant;
import java.util.List;
import org.chartlens.domain.PatientRef;

/**
 * Reviews (issue 17): who the reviewer is, and "Mark reviewed" of an open chart's records. What is
 * new since a review is read through {@code clinical.ChartQuery.changesSince} on the cache. Thread
 * safe.
 */
public interface ReviewPort {
    /** The OS user as reviewer; marks nothing (read-only modes). */
    ReviewPort NONE = new ReviewPort() {
        @Override
        public String reviewer() {
            return System.getProperty("user.name", "unknown");
        }

        @Override
        public Instant mark(List<PatientRef> records) {
            throw new UnsupportedOperationException("Reviews cannot be recorded in this mode.");
        }
    };

    /** The reviewer in force: the name picked in Settings, else the signed-in OS user. Cheap. */
    String reviewer();

    /**
     * Marks {@code records} reviewed by {@link #reviewer()} now (one mark per record, with what each
     * chart holds), audited. Returns the moment. Blocking: call it from the task executor.
     */
    Instant mark(List<PatientRef> records);
}
