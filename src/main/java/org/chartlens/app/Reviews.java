package org.chartlens.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.store.ChartCache;

/**
 * Review marks over the cache (issue 17): who the reviewer is, and "Mark reviewed" of a person's
 * records (each record marked at the same moment with what its chart holds now). The reviewer is
 * the name chosen in Settings ({@code reviewerName} in settings.json) or {@code CHARTLENS_REVIEWER}
 * (the command line; it wins), else the signed-in OS user. Blocking: never on the FX thread.
 */
public final class Reviews {
    private Reviews() {
    }

    /** The signed-in OS user. */
    public static String osUser() {
        return System.getProperty("user.name", "unknown");
    }

    /** The reviewer in force: {@code chosen} when set, else the OS user. */
    public static String reviewer(String chosen) {
        return chosen == null || chosen.isBlank() ? osUser() : chosen.strip();
    }

    /** The reviewer of a context: {@code CHARTLENS_REVIEWER}, else the Settings name, else the OS user. */
    public static String reviewer(ChartLensContext ctx) {
        return reviewer(ctx.reviewerName());
    }

    /**
     * Marks {@code records} reviewed by {@code reviewer} now: one mark per record, audited
     * ({@code review-mark}) from {@code source}. Returns the moment. Reads and hashes every
     * resource of the records (about a second for the 8,862-resource Synthea chart).
     */
    public static Instant mark(ChartCache cache, List<PatientRef> records, String reviewer, String source) {
        Instant now = Instant.now();
        Map<PatientRef, ChartQuery.Snapshot> snap = ChartQuery.reviewSnapshot(cache, records);
        for (Map.Entry<PatientRef, ChartQuery.Snapshot> e : snap.entrySet()) {
            cache.reviews().mark(reviewer, e.getKey(), now, e.getValue().resources(), e.getValue().json(), source);
        }
        return now;
    }

    /**
     * The desktop's {@link org.chartlens.ui.port.ReviewPort}: the reviewer is {@code chosenName}
     * (the name picked in Settings) else the OS user; marks are audited from {@code view:chart}.
     */
    static org.chartlens.ui.port.ReviewPort port(java.util.function.Supplier<String> chosenName,
                                                 java.util.function.Supplier<ChartCache> cache) {
        return new org.chartlens.ui.port.ReviewPort() {
            @Override
            public String reviewer() {
                return Reviews.reviewer(chosenName.get());
            }

            @Override
            public Instant mark(List<PatientRef> records) {
                return Reviews.mark(cache.get(), records, reviewer(), "view:chart");
            }

            @Override
            public Map<String, org.chartlens.domain.ReconcileMark> reconcileMarks(List<PatientRef> records) {
                return Reconciliations.marks(cache.get(), reviewer(), records);
            }

            @Override
            public org.chartlens.domain.ReconcileMark markRow(List<PatientRef> records, String rowKey,
                                                             org.chartlens.domain.ReconcileMark.Verdict verdict, String note) {
                org.chartlens.domain.ReconcileMark m = new org.chartlens.domain.ReconcileMark(reviewer(), rowKey, verdict,
                        note, Instant.now());
                return cache.get().reconcileMarks().mark(records, m, "view:chart");
            }
        };
    }
}
