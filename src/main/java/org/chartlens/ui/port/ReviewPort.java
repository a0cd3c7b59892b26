package org.chartlens.ui.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.ReconcileMark;

/**
 * Reviews (issue 17): who the reviewer is, "Mark reviewed" of an open chart's records, and the
 * reviewer's reconciliation marks (section 3). What is
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

    /**
     * The reviewer's reconciliation marks on the person of {@code records} (issue 17 section 3): row
     * key -> mark; none in read-only modes. Blocking: call it from the task executor.
     */
    default Map<String, ReconcileMark> reconcileMarks(List<PatientRef> records) {
        return Map.of();
    }

    /**
     * Records the reviewer's verdict on one reconciliation row (its key) under every one of
     * {@code records}, audited; returns the mark. Blocking: call it from the task executor.
     */
    default ReconcileMark markRow(List<PatientRef> records, String rowKey, ReconcileMark.Verdict verdict, String note) {
        throw new UnsupportedOperationException("Reconciliation marks cannot be recorded in this mode.");
    }
}
