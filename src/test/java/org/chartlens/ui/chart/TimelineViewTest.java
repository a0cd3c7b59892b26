package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.Source;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Timeline labels on a crowded synthetic chart: no label overlaps another label or another item's mark. */
class TimelineViewTest {
    static final long DAY = 86_400_000L;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    /** Conditions crowding at today: long-running ones, many recent ongoing ones and same-day ones. */
    static Timeline crowded(long now) {
        List<TimelineItem> conditions = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 4; i++) {
            long start = now - (40L - i * 7) * 365 * DAY;
            conditions.add(item(TimelineLane.CONDITIONS, "Long-standing condition number " + i + " (disorder)", start, start, true, n++));
        }
        for (int i = 0; i < 60; i++) {
            long start = now - (90 - i) * DAY - (i % 3) * 3_600_000L;
            boolean ongoing = i % 2 == 0;
            long end = ongoing ? start : start + (i % 4 == 1 ? 0 : 5 * DAY);
            conditions.add(item(TimelineLane.CONDITIONS, "Recently recorded finding with a long name " + i, start, end, ongoing, n++));
        }
        conditions.sort((a, b) -> Long.compare(a.start(), b.start()));
        List<TimelineItem> encounters = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long t = now - (200 - i) * 20 * DAY;
            encounters.add(item(TimelineLane.ENCOUNTERS, "Encounter for check up " + i, t, t, false, n++));
        }
        Map<TimelineLane, List<TimelineItem>> lanes = new EnumMap<>(TimelineLane.class);
        lanes.put(TimelineLane.CONDITIONS, conditions);
        lanes.put(TimelineLane.ENCOUNTERS, encounters);
        return new Timeline(lanes, Math.min(conditions.get(0).start(), encounters.get(0).start()), now, 0);
    }

    static TimelineItem item(TimelineLane lane, String label, long start, long end, boolean ongoing, int id) {
        return new TimelineItem(lane, label, start, end, ongoing, "as given", "", new Source("demo", "Condition", "c" + id));
    }

    @Test
    void crowdedConditionsAtTheRightEdgeHaveNoOverlappingLabels() throws Exception {
        TimelineView tl = Fx.call(() -> new TimelineView(crowded(System.currentTimeMillis())));
        Fx.show(tl);
        long now = System.currentTimeMillis();
        long[][] views = {{tl.viewStart(), tl.viewEnd()}, {now - 365 * DAY, now + 15 * DAY}, {now - 100 * DAY, now + 5 * DAY},
            {now - 30 * DAY, now + 2 * DAY}};
        int labelled = 0;
        for (long[] v : views) {
            Fx.run(() -> tl.setRange(v[0], v[1]));
            List<TimelineView.LabelBox> labels = Fx.call(tl::drawnLabels);
            List<TimelineView.LabelBox> marks = Fx.call(tl::drawnMarks);
            double width = Fx.call(() -> tl.canvas().getWidth());
            labelled += labels.size();
            for (int i = 0; i < labels.size(); i++) {
                TimelineView.LabelBox a = labels.get(i);
                assertTrue(a.x0() >= TimelineView.LANE_LABEL && a.x1() <= width, "inside the plot: " + a);
                for (int j = i + 1; j < labels.size(); j++) {
                    assertTrue(!a.intersects(labels.get(j)), a + " overlaps " + labels.get(j));
                }
                // A label may sit only inside its own bar; it never runs into another item's mark.
                List<TimelineView.LabelBox> under = marks.stream().filter(a::intersects).toList();
                assertTrue(under.isEmpty() || under.size() == 1 && under.get(0).x0() <= a.x0() && under.get(0).x1() >= a.x1(),
                        a + " runs into " + under);
            }
        }
        assertTrue(labelled > 10, "labels are still drawn where there is room: " + labelled);
    }

    @Test
    void canvasIsReachableByKeyboardAndTellsScreenReadersWhatIsShown() throws Exception {
        long now = System.currentTimeMillis();
        TimelineView tl = Fx.call(() -> new TimelineView(crowded(now)));
        Fx.show(tl);
        assertTrue(Fx.call(() -> tl.canvas().isFocusTraversable()));
        Fx.run(() -> tl.setRange(now - 365 * DAY, now + 15 * DAY));
        String text = Fx.call(() -> tl.canvas().getAccessibleText());
        assertTrue(text.startsWith("Timeline, ") && text.contains(" to "), text);
        TimelineItem first = crowded(now).lane(TimelineLane.CONDITIONS).get(0);
        Fx.run(() -> tl.select(first));
        String selected = Fx.call(() -> tl.canvas().getAccessibleText());
        assertTrue(selected.contains("Selected: Conditions:  " + first.label()), selected);
        // Keys still zoom: "+" halves the span shown.
        long before = Fx.call(() -> tl.viewEnd() - tl.viewStart());
        Fx.run(() -> javafx.event.Event.fireEvent(tl.canvas(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.PLUS, false, false, false, false)));
        assertEquals(before / 2, (double) Fx.call(() -> tl.viewEnd() - tl.viewStart()), 2.0);
    }

    @Test
    void labelsAreCutWithAnEllipsisToFit() throws Exception {
        TimelineView tl = Fx.call(() -> new TimelineView(crowded(System.currentTimeMillis())));
        String s = "Recently recorded finding with a long name";
        assertEquals(s, Fx.call(() -> tl.fit(s, 1000)));
        String cut = Fx.call(() -> tl.fit(s, 80));
        assertTrue(cut.endsWith("…") && Fx.call(() -> tl.textWidth(cut)) <= 80, cut);
        assertEquals("", Fx.call(() -> tl.fit(s, 8)));
    }

    @Test
    void theLargeChartsActiveDisordersKeepTheirLabelsAheadOfFindings() throws Exception {
        org.chartlens.domain.ChartModel m = org.chartlens.clinical.ChartModels.build(
                org.chartlens.ui.testing.SyntheaBundles.raw(org.chartlens.ui.testing.SyntheaBundles.large()),
                org.chartlens.domain.UnitSystem.METRIC, java.time.LocalDate.of(2026, 11, 22));
        List<TimelineItem> conditions = m.timeline().lane(TimelineLane.CONDITIONS);
        TimelineLayout layout = new TimelineLayout(m.timeline(), System.currentTimeMillis());
        int[] rows = layout.rows(TimelineLane.CONDITIONS);
        int overflow = layout.rowCount(TimelineLane.CONDITIONS) - 1;
        List<String> heavyInOverflow = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i).weight() >= TimelineLayout.HEAVY && rows[i] == overflow && overflow >= TimelineLayout.MAX_ROWS - 1) {
                heavyInOverflow.add(conditions.get(i).label());
            }
        }
        assertTrue(heavyInOverflow.isEmpty(), "active disorders never share the overflow row: " + heavyInOverflow);
        // The whole life at the default size: chronic kidney disease, diabetes and hypertension are labelled.
        TimelineView tl = Fx.call(() -> new TimelineView(m.timeline()));
        Fx.show(tl);
        Fx.run(tl::showAll);
        List<String> labels = Fx.call(tl::drawnLabels).stream().map(TimelineView.LabelBox::text).toList();
        for (String p : new String[] {"Chronic kidney disease stage 2", "Disorder of kidney due to diabetes", "Essential hypertension"}) {
            List<String> active = conditions.stream().filter(c -> c.ongoing() && c.label().startsWith(p)).map(TimelineItem::label).toList();
            assertTrue(!active.isEmpty(), p + " is an active condition of the large chart: "
                    + conditions.stream().filter(c -> c.weight() >= 3).map(TimelineItem::label).toList());
            assertTrue(labels.stream().map(x -> x.replace("…", ""))
                            .anyMatch(x -> x.startsWith(p) || x.length() >= 6 && p.startsWith(x)),
                    p + " is labelled: " + labels);
        }
    }
}
