package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Vitals tab's Canvas chart on a real demo patient: read-out by keyboard, table in step, date ticks. */
class VitalsTabTest {
    static ChartStore store;
    static CachedPatient babette;

    @BeforeAll
    static void setUp() throws Exception {
        Fx.stage();
        store = org.chartlens.ui.testing.RealCache.of(java.nio.file.Files.createTempDirectory("chartlens-vitals-test"),
                Instant.now().minusSeconds(300), SyntheaBundles.columbus("Babette571"));
        babette = store.patients().get(0);
    }

    static VitalsTab vitals() throws Exception {
        ChartView v = ChartViewTest.open(store, babette, UnitSystem.METRIC);
        Fx.run(() -> v.select("vitals"));
        Fx.settle();
        return (VitalsTab) Fx.call(() -> v.tabContent("vitals"));
    }

    static void key(javafx.scene.Node target, KeyCode code) throws Exception {
        Fx.run(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false)));
    }

    @Test
    void keyboardReadsOutAKnownWeightWithDateAndSourceAndTheTableFollows() throws Exception {
        VitalsTab tab = vitals();
        Fx.run(() -> tab.select(VitalKind.WEIGHT));
        Fx.settle();
        VitalsChart chart = Fx.call(tab::chart);
        assertEquals(VitalsTab.READOUT_HINT, Fx.call(() -> tab.readout().getText()), "nothing picked yet");
        String before = Fx.call(() -> chart.canvas().getAccessibleText());
        assertTrue(before.startsWith("Weight chart, ") && before.contains("Latest 65.9 kg"), before);
        assertTrue(Fx.call(() -> chart.canvas().isFocusTraversable()), "the chart is reachable with Tab");

        Fx.run(() -> chart.canvas().requestFocus());
        key(chart.canvas(), KeyCode.END);
        String latest = Fx.call(() -> tab.readout().getText());
        assertTrue(latest.contains("65.9 kg") && latest.contains("2025-01-28 05:46") && latest.contains("Source: demo · Observation/"),
                latest);
        assertEquals(latest, Fx.call(() -> chart.canvas().getAccessibleText()), "screen readers hear the same read-out");
        assertEquals("65.9 kg", Fx.call(() -> tab.table().getSelectionModel().getSelectedItem().valueText()),
                "the table selects the same reading");

        key(chart.canvas(), KeyCode.LEFT);
        VitalReading older = Fx.call(chart::current);
        assertNotNull(older);
        assertTrue(older.when().millisOr(0) < Fx.call(() -> chart.shown().get(chart.shown().size() - 1).when().millisOr(0)));
        assertTrue(Fx.call(() -> tab.readout().getText()).contains(older.when().display()));
        assertEquals(older, Fx.call(() -> tab.table().getSelectionModel().getSelectedItem()));

        // A row chosen in the table is picked on the chart.
        VitalReading first = Fx.call(() -> chart.shown().get(0));
        Fx.run(() -> tab.table().getSelectionModel().select(first));
        assertEquals(first, Fx.call(chart::current));
        assertTrue(Fx.call(() -> tab.readout().getText()).contains(first.valueText()));

        key(chart.canvas(), KeyCode.ESCAPE);
        assertEquals(VitalsTab.READOUT_HINT, Fx.call(() -> tab.readout().getText()));
    }

    @Test
    void multiYearChartTicksFallOnFirstOfJanuaryAndLabelsDoNotOverlap() throws Exception {
        VitalsTab tab = vitals();
        Fx.run(() -> tab.select(VitalKind.BLOOD_PRESSURE));
        Fx.settle();
        VitalsChart chart = Fx.call(tab::chart);
        List<CalendarTicks.Tick> ticks = Fx.call(chart::xTicks);
        assertTrue(ticks.size() >= 3, ticks.toString());
        long span = chart.shown().get(chart.shown().size() - 1).when().millisOr(0) - chart.shown().get(0).when().millisOr(0);
        assertTrue(span > 2 * 365 * 86_400_000L, "the demo patient's blood pressure spans years");
        for (CalendarTicks.Tick t : ticks) {
            LocalDate d = Instant.ofEpochMilli(t.millis()).atZone(ZoneOffset.UTC).toLocalDate();
            assertEquals(1, d.getDayOfYear(), t.toString());
            assertEquals(Integer.toString(d.getYear()), t.label());
        }
        assertNoOverlap(ticks, Fx.call(() -> chart.xOf(ticks.get(1).millis()) - chart.xOf(ticks.get(0).millis()))
                / (ticks.get(1).millis() - ticks.get(0).millis()));
    }

    static void assertNoOverlap(List<CalendarTicks.Tick> ticks, double pxPerMs) throws Exception {
        for (int i = 1; i < ticks.size(); i++) {
            CalendarTicks.Tick a = ticks.get(i - 1);
            CalendarTicks.Tick b = ticks.get(i);
            double wa = Fx.call(() -> VitalsPainter.textWidth(javafx.scene.text.Font.font("System", 12), a.label()));
            double wb = Fx.call(() -> VitalsPainter.textWidth(javafx.scene.text.Font.font("System", 12), b.label()));
            double gap = (b.millis() - a.millis()) * pxPerMs - wa / 2 - wb / 2;
            assertTrue(gap >= CalendarTicks.GAP - 0.01, a + " and " + b + " leave " + gap + " px");
        }
    }

    static long utc(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void ticksFollowTheCalendarForShortAndLongSpans() throws Exception {
        java.util.function.ToDoubleFunction<String> w = s -> s.length() * 7.0;
        // Decades: round years, never crowded even when narrow.
        for (double width : new double[] {1200, 600, 250}) {
            List<CalendarTicks.Tick> t = CalendarTicks.ticks(utc(1938, 5, 3), utc(2026, 3, 29), width, w);
            assertFalse(t.isEmpty());
            int step = t.size() > 1 ? Integer.parseInt(t.get(1).label()) - Integer.parseInt(t.get(0).label()) : 0;
            for (CalendarTicks.Tick k : t) {
                LocalDate d = LocalDate.ofEpochDay(k.millis() / 86_400_000L);
                assertEquals(1, d.getDayOfYear());
                assertTrue(step == 0 || d.getYear() % step == 0, "years on multiples of the step: " + t);
            }
            for (int i = 1; i < t.size(); i++) {
                double dx = (t.get(i).millis() - t.get(i - 1).millis()) * width / (utc(2026, 3, 29) - utc(1938, 5, 3));
                assertTrue(dx >= w.applyAsDouble(t.get(i).label()) + CalendarTicks.GAP, "labels overlap at width " + width);
            }
        }
        // Three months: the first of each month.
        List<CalendarTicks.Tick> months = CalendarTicks.ticks(utc(2024, 1, 10), utc(2024, 4, 20), 900, w);
        assertEquals(List.of("2024-02", "2024-03", "2024-04"), months.stream().map(CalendarTicks.Tick::label).toList());
        assertEquals(utc(2024, 2, 1), months.get(0).millis());
        // A fortnight: days.
        List<CalendarTicks.Tick> days = CalendarTicks.ticks(utc(2024, 3, 1), utc(2024, 3, 15), 1200, w);
        assertEquals("2024-03-01", days.get(0).label());
        assertEquals(utc(2024, 3, 1), days.get(0).millis());
        assertTrue(CalendarTicks.ticks(utc(2024, 3, 1), utc(2024, 3, 1), 500, w).isEmpty());
    }

    static VitalReading reading(VitalKind k, int year, double v, double second) {
        String d = year + "-06-01";
        return new VitalReading(k, new org.chartlens.domain.ChartDate(d, Instant.parse(d + "T00:00:00Z"),
                org.chartlens.domain.ChartDate.Precision.DAY), v, second, k.metricUnit(), v + " " + k.metricUnit(),
                new org.chartlens.domain.Source("demo", "Observation", "o" + year));
    }

    @Test
    void valueAxisIsRoundAndNeverBelowZeroForAChildGrowingUp() throws Exception {
        List<VitalReading> rs = new java.util.ArrayList<>();
        for (int y = 0; y < 40; y++) {
            rs.add(reading(VitalKind.WEIGHT, 1950 + y, Math.min(110, 3.5 + y * 5), Double.NaN));
        }
        org.chartlens.domain.VitalSeries weight = new org.chartlens.domain.VitalSeries(VitalKind.WEIGHT, "kg", null, null, rs);
        double[] axis = Fx.call(() -> new VitalsChart(weight, rs, VitalsTab.MAX_POINTS, false).valueAxis());
        assertEquals(0, axis[0], "weight starts at 0, not below");
        assertTrue(axis[1] >= 110 && axis[1] <= 130, "top just above the highest reading: " + axis[1]);
        assertEquals(20, axis[2], "about six round steps");

        List<VitalReading> bp = List.of(reading(VitalKind.BLOOD_PRESSURE, 2001, 131, 85), reading(VitalKind.BLOOD_PRESSURE, 2003, 118, 76));
        org.chartlens.domain.VitalSeries s = new org.chartlens.domain.VitalSeries(VitalKind.BLOOD_PRESSURE, "mmHg", 90.0, 120.0, bp);
        VitalsChart c = Fx.call(() -> new VitalsChart(s, bp, VitalsTab.MAX_POINTS, true));
        double[] a = c.valueAxis();
        assertTrue(a[0] <= 60 && a[1] >= 131, "both normal-range bands and every reading in view");
        assertEquals(2, c.seriesCount());
        assertEquals(0, a[0] % a[2], 1e-9, "gridlines on multiples of the step");
    }

    @Test
    void emptyTimeRangeSaysSoAndKeepsTheTable() throws Exception {
        VitalsTab tab = vitals();
        Fx.run(() -> tab.select(VitalKind.BLOOD_PRESSURE));
        // Babette's readings are all older than three months before today.
        Fx.run(() -> ((javafx.scene.control.ChoiceBox<?>) tab.lookup("#vitals-range")).getSelectionModel().select(4));
        Fx.settle();
        assertTrue(Fx.call(() -> tab.lookupAll(".empty-state").stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("No blood pressure readings with a date in this time range"))));
        assertFalse(Fx.call(() -> tab.table().getItems().isEmpty()));
    }
}
