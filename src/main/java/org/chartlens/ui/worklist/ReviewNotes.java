package org.chartlens.ui.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.store.ChartStore;

/**
 * The worklist's "7 new since 14 Nov" per record (issue 17): for each record the reviewer reviewed,
 * what is new in its person's chart since. A note is worked out again only when one of the person's
 * records was synced or reviewed since it was last worked out (the memo), so a refresh during a
 * sync does not re-read every reviewed chart. Blocking.
 */
final class ReviewNotes {
    /** One note and what it was worked out from. */
    record Memo(Map<PatientRef, Optional<Instant>> synced, Map<PatientRef, Instant> reviewed, String note) {
    }

    private ReviewNotes() {
    }

    static Map<String, String> of(ChartStore store, String reviewer, Map<String, Memo> memo) {
        if (reviewer == null || reviewer.isBlank()) {
            return Map.of();
        }
        Map<PatientRef, Instant> reviewed = store.lastReviewed(reviewer);
        Map<String, String> out = new HashMap<>();
        for (PatientRef r : reviewed.keySet()) {
            Person p = store.personOf(r);
            Map<PatientRef, Optional<Instant>> synced = new HashMap<>();
            Map<PatientRef, Instant> marks = new HashMap<>();
            for (PatientRef rec : p.records()) {
                synced.put(rec, store.lastSynced(rec.org(), rec.id()));
                if (reviewed.containsKey(rec)) {
                    marks.put(rec, reviewed.get(rec));
                }
            }
            String key = r.org() + ":" + r.id();
            Memo m = memo.get(key);
            if (m == null || !m.synced().equals(synced) || !m.reviewed().equals(marks)) {
                String note = ChartQuery.changesSince(store, List.copyOf(p.records()), reviewer)
                        .describe(ZoneId.systemDefault(), LocalDate.now());
                m = new Memo(synced, marks, note);
                memo.put(key, m);
            }
            for (PatientRef rec : p.records()) {
                out.put(rec.org() + ":" + rec.id(), m.note());
            }
        }
        return out;
    }
}
