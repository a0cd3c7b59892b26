package org.chartlens.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chartlens.clinical.Reconciliation;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.ReconcileMark;
import org.chartlens.domain.ReconcileRow;
import org.chartlens.domain.ReconcileTable;
import org.chartlens.report.ReconciliationMarks;
import org.chartlens.report.ReviewerNote;
import org.chartlens.store.ChartCache;

/**
 * Reconciliation marks over the cache (issue 17 section 3): a reviewer's verdict on a row of a
 * person's {@link Reconciliation} (kept per reviewer under every record of the person, audited
 * {@code reconcile-mark}), and the marks and notes as the referral summary prints them. The same
 * for the command line ({@code chartlens reconcile}, {@code chartlens summary}) and the desktop
 * ({@code ui.port.ReviewPort}). Blocking: never on the FX thread.
 */
public final class Reconciliations {
    private Reconciliations() {
    }

    /** {@code reviewer}'s marks on the person of these records: row key -> mark. */
    public static Map<String, ReconcileMark> marks(ChartCache cache, String reviewer, List<PatientRef> records) {
        return cache.reconcileMarks().marks(reviewer, records);
    }

    /**
     * Records {@code reviewer}'s verdict on the row {@code key} (a row key or one of its aliases) of
     * {@code table}, under every one of {@code records}; audited from {@code source}.
     *
     * @throws IllegalArgumentException when the table has no such row (in words)
     */
    public static ReconcileMark mark(ChartCache cache, ReconcileTable table, List<PatientRef> records, String reviewer,
                                     String key, ReconcileMark.Verdict verdict, String note, String source) {
        ReconcileRow row = table.row(key);
        if (row == null) {
            throw new IllegalArgumentException("no row " + key + " in this person's reconciliation; "
                    + "'chartlens reconcile PERSON' lists the row keys");
        }
        ReconcileMark m = new ReconcileMark(reviewer, row.key(), verdict, note, Instant.now());
        return cache.reconcileMarks().mark(records, m, source);
    }

    /** The summary's hook: a row's mark beside the item ("Not the same (alice) · note"). */
    public static ReconciliationMarks forSummary(ReconcileTable table, Map<String, ReconcileMark> marks) {
        if (marks.isEmpty()) {
            return ReconciliationMarks.NONE;
        }
        return (kind, concept) -> {
            ReconcileRow.Kind k = ReconcileRow.Kind.valueOf(kind.name());
            for (String key : Reconciliation.keysOf(k, concept)) {
                ReconcileRow row = table.row(key);
                ReconcileMark m = marks.get(row == null ? key : row.key());
                if (m != null) {
                    return m.verdict().words() + " (" + m.reviewer() + ")" + (m.note().isEmpty() ? "" : " · " + m.note());
                }
            }
            return "";
        };
    }

    /** The summary's "Reviewer's notes": every marked row with a note, oldest first. */
    public static List<ReviewerNote> notes(ReconcileTable table, Map<String, ReconcileMark> marks) {
        List<ReconcileMark> sorted = new ArrayList<>(marks.values());
        sorted.sort(java.util.Comparator.comparing(ReconcileMark::at));
        List<ReviewerNote> out = new ArrayList<>();
        for (ReconcileMark m : sorted) {
            if (m.note().isEmpty()) {
                continue;
            }
            ReconcileRow row = table.row(m.rowKey());
            String what = row == null ? m.rowKey() : row.label() + " (" + row.kind().words().toLowerCase(java.util.Locale.ROOT) + ")";
            out.add(new ReviewerNote(m.reviewer(), m.at(), what + ": " + m.verdict().words() + " · " + m.note()));
        }
        return out;
    }
}
