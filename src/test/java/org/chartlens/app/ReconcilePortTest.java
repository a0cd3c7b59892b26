package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.ReconcileMark;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ChartCache;
import org.chartlens.ui.port.ReviewPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's side of the reconciliation marks (issue 17 section 3): {@link ReviewPort#markRow}
 * as {@code app.Reviews.port} implements it writes the reviewer's mark under every record, audited
 * from {@code view:chart}; another reviewer's port reads none of it; a newer mark replaces the older;
 * purging a record forgets its marks.
 */
class ReconcilePortTest {
    @TempDir
    Path dir;

    @Test
    void theDesktopPortKeepsMarksPerReviewerAndAuditsThemFromTheChart() {
        try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), new byte[32])) {
            List<PatientRef> records = List.of(new PatientRef("clinic", "p1"), new PatientRef("hospital", "h7"));
            ReviewPort carol = Reviews.port(() -> "Dr Carol", () -> cache);
            ReviewPort dave = Reviews.port(() -> "", () -> cache); // no Settings name: the OS user
            carol.markRow(records, "med:lisinopril", ReconcileMark.Verdict.DIFFERENT, "ask the pharmacy");
            carol.markRow(records, "med:lisinopril", ReconcileMark.Verdict.SAME, "");
            Map<String, ReconcileMark> marks = carol.reconcileMarks(records);
            assertEquals(ReconcileMark.Verdict.SAME, marks.get("med:lisinopril").verdict(), "the newer mark replaces the older");
            assertEquals("Dr Carol", marks.get("med:lisinopril").reviewer());
            assertEquals(Map.of(), dave.reconcileMarks(records));
            List<AuditEvent> events = cache.auditEvents(null, null, null).stream()
                    .filter(e -> e.event().equals("reconcile-mark")).toList();
            assertEquals(4, events.size(), "two marks, one event per record");
            assertTrue(events.stream().allMatch(e -> "view:chart".equals(e.source())), events.toString());
            cache.purgePatient("hospital", "h7");
            assertEquals(Map.of(), carol.reconcileMarks(List.of(records.get(1))), "the purged record's marks are gone");
            assertEquals(1, carol.reconcileMarks(List.of(records.get(0))).size(), "the other record keeps its own");
        }
    }
}
