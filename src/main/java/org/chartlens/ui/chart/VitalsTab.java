package org.chartlens.ui.chart;

import static org.chartlens.ui.common.Tables.date;
import static org.chartlens.ui.common.Tables.text;
import static org.chartlens.ui.common.Tables.withSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;
import org.chartlens.domain.Vitals;

/**
 * Vital signs: a list of signs with their latest value, a chart of the selected one (blood
 * pressure systolic and diastolic together, normal range shaded, hover for value/date/source,
 * time-range selector, downsampled for display only) and the full table. FX thread.
 */
public final class VitalsTab extends BorderPane {
    /** Above this many points in view, the chart shows a min/max-preserving sample. */
    static final int MAX_POINTS = 400;
    private static final long DAY = 86_400_000L;

    private final Vitals vitals;
    private final ListView<VitalSeries> kinds = new ListView<>();
    private final ComboBox<String> range = new ComboBox<>(FXCollections.observableArrayList(
            "All time", "Last 10 years", "Last 5 years", "Last year", "Last 3 months"));
    private final TableView<VitalReading> table;
    private final BorderPane chartHolder = new BorderPane();
    private LineChart<Number, Number> chart;

    public VitalsTab(Vitals vitals) {
        this.vitals = vitals;
        getStyleClass().add("vitals-tab");
        if (vitals.isEmpty()) {
            Label empty = new Label("No vital signs are recorded for this patient in the cache.");
            empty.getStyleClass().add("empty-state");
            setCenter(empty);
            table = null;
            return;
        }
        List<VitalSeries> list = new ArrayList<>();
        for (VitalKind k : VitalKind.values()) {
            if (vitals.get(k) != null) {
                list.add(vitals.get(k));
            }
        }
        kinds.setId("vitals-kinds");
        kinds.getItems().setAll(list);
        kinds.setPrefWidth(250);
        kinds.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(VitalSeries s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                VitalReading last = s.latest();
                setText(s.kind().label() + "  (" + s.readings().size() + ")\n" + (last == null ? "no dated value"
                        : last.valueText() + "  ·  " + last.when().dateOnly()));
            }
        });
        range.getSelectionModel().select(0);
        range.setId("vitals-range");
        table = org.chartlens.ui.common.Tables.table("No readings.");
        table.setId("vitals-table");
        table.getColumns().add(date("Date", 150, VitalReading::when));
        table.getColumns().add(text("Vital sign", 150, r -> r.kind().label()));
        table.getColumns().add(text("Value", 120, VitalReading::valueText));
        table.getColumns().add(text("As sent", 120, VitalReading::original));
        withSource(table, VitalReading::source);

        kinds.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> show(s));
        range.valueProperty().addListener((o, a, b) -> show(kinds.getSelectionModel().getSelectedItem()));

        Label units = new Label("Units: " + (vitals.units().name().equals("US") ? "lb · in · °F" : "kg · cm · °C")
                + "   ·   shaded band: adult normal range");
        units.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(12, new Label("Time range"), range, grow, units);
        bar.setPadding(new Insets(8, 12, 4, 12));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox right = new VBox(bar, chartHolder);
        VBox.setVgrow(chartHolder, Priority.ALWAYS);
        SplitPane vertical = new SplitPane(right, table);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.6);
        SplitPane main = new SplitPane(kinds, vertical);
        main.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(kinds, false);
        setCenter(main);
        kinds.getSelectionModel().select(pickInitial(list));
    }

    static int pickInitial(List<VitalSeries> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).kind() == VitalKind.BLOOD_PRESSURE) {
                return i;
            }
        }
        return 0;
    }

    /** Selects a vital sign (keyboard and tests). */
    public void select(VitalKind kind) {
        for (VitalSeries s : kinds.getItems()) {
            if (s.kind() == kind) {
                kinds.getSelectionModel().select(s);
            }
        }
    }

    public TableView<VitalReading> table() {
        return table;
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    private void show(VitalSeries s) {
        if (s == null) {
            return;
        }
        List<VitalReading> rev = new ArrayList<>(s.readings());
        java.util.Collections.reverse(rev);
        table.getItems().setAll(rev);
        long now = System.currentTimeMillis();
        long from = switch (range.getSelectionModel().getSelectedIndex()) {
            case 1 -> now - 3652 * DAY;
            case 2 -> now - 1826 * DAY;
            case 3 -> now - 365 * DAY;
            case 4 -> now - 91 * DAY;
            default -> Long.MIN_VALUE;
        };
        List<VitalReading> dated = s.dated().stream().filter(r -> r.when().millisOr(0) >= from).toList();
        chart = build(s, dated);
        if (dated.isEmpty()) {
            Label l = new Label("No " + s.kind().label().toLowerCase() + " readings with a date in this time range."
                    + (s.readings().isEmpty() ? "" : " The table below lists every reading."));
            l.getStyleClass().add("empty-state");
            chartHolder.setCenter(l);
        } else {
            chartHolder.setCenter(chart);
        }
    }

    private LineChart<Number, Number> build(VitalSeries s, List<VitalReading> dated) {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setAutoRanging(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        y.setLabel(s.unit());
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (VitalReading r : dated) {
            double d = r.when().millisOr(0) / (double) DAY;
            minX = Math.min(minX, d);
            maxX = Math.max(maxX, d);
            minY = Math.min(minY, r.hasSecond() ? Math.min(r.value(), r.second()) : r.value());
            maxY = Math.max(maxY, r.value());
        }
        if (s.normalLow() != null) {
            minY = Math.min(minY, s.kind() == VitalKind.BLOOD_PRESSURE ? 60 : s.normalLow());
            maxY = Math.max(maxY, s.normalHigh());
        }
        double padX = Math.max(15, (maxX - minX) * 0.03);
        x.setLowerBound(minX - padX);
        x.setUpperBound(maxX + padX);
        x.setTickUnit(Math.max(1, (maxX - minX + 2 * padX) / 8));
        x.setTickLabelFormatter(dayFormatter(maxX - minX));
        y.setAutoRanging(false);
        double padY = Math.max(1, (maxY - minY) * 0.1);
        y.setLowerBound(Math.floor(minY - padY));
        y.setUpperBound(Math.ceil(maxY + padY));
        y.setTickUnit(niceTick(y.getUpperBound() - y.getLowerBound()));

        RangeChart c = new RangeChart(x, y, s.normalLow(), s.normalHigh(),
                s.kind() == VitalKind.BLOOD_PRESSURE ? 60.0 : null, s.kind() == VitalKind.BLOOD_PRESSURE ? 80.0 : null);
        c.setId("vitals-chart");
        c.setVerticalZeroLineVisible(false);
        c.setHorizontalZeroLineVisible(false);
        c.setAnimated(false);
        c.setCreateSymbols(dated.size() <= MAX_POINTS);
        c.setTitle(s.kind().label() + " (" + s.unit() + ")");
        List<VitalReading> shown = downsample(dated, MAX_POINTS);
        XYChart.Series<Number, Number> first = new XYChart.Series<>();
        first.setName(s.kind() == VitalKind.BLOOD_PRESSURE ? "Systolic" : s.kind().label());
        XYChart.Series<Number, Number> second = new XYChart.Series<>();
        second.setName("Diastolic");
        for (VitalReading r : shown) {
            double d = r.when().millisOr(0) / (double) DAY;
            if (!Double.isNaN(r.value())) {
                first.getData().add(point(d, r.value(), r));
            }
            if (r.hasSecond()) {
                second.getData().add(point(d, r.second(), r));
            }
        }
        c.getData().add(first);
        if (!second.getData().isEmpty()) {
            c.getData().add(second);
        }
        c.setLegendVisible(s.kind() == VitalKind.BLOOD_PRESSURE);
        if (c.getCreateSymbols()) {
            // One shared tooltip (a Tooltip per point costs a popup window each).
            Tooltip tip = new Tooltip();
            for (XYChart.Series<Number, Number> ser : c.getData()) {
                for (XYChart.Data<Number, Number> p : ser.getData()) {
                    VitalReading r = (VitalReading) p.getExtraValue();
                    if (p.getNode() != null) {
                        p.getNode().setOnMouseEntered(e -> tip.setText(r.valueText() + "\n" + r.when().display()
                                + "\nSource: " + r.source().org() + " · " + r.source().reference()));
                        Tooltip.install(p.getNode(), tip);
                    }
                }
            }
        }
        return c;
    }

    private static XYChart.Data<Number, Number> point(double x, double y, VitalReading r) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        d.setExtraValue(r);
        return d;
    }

    static double niceTick(double span) {
        double raw = span / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (raw <= m * mag) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    static StringConverter<Number> dayFormatter(double spanDays) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(spanDays > 3 * 365 ? "yyyy" : spanDays > 60 ? "yyyy-MM" : "yyyy-MM-dd")
                .withZone(ZoneOffset.UTC);
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return f.format(Instant.ofEpochMilli((long) (n.doubleValue() * DAY)));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
    }

    /**
     * Display-only downsampling: splits the readings into buckets and keeps each bucket's first,
     * lowest and highest reading, so peaks survive. The table always shows every reading.
     */
    public static List<VitalReading> downsample(List<VitalReading> in, int max) {
        if (in.size() <= max) {
            return in;
        }
        int buckets = Math.max(1, max / 3);
        double per = in.size() / (double) buckets;
        List<VitalReading> out = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            int from = (int) (b * per);
            int to = Math.min(in.size(), (int) ((b + 1) * per));
            if (from >= to) {
                continue;
            }
            VitalReading lo = in.get(from);
            VitalReading hi = in.get(from);
            for (int i = from; i < to; i++) {
                if (in.get(i).value() < lo.value()) {
                    lo = in.get(i);
                }
                if (in.get(i).value() > hi.value()) {
                    hi = in.get(i);
                }
            }
            List<VitalReading> keep = new ArrayList<>(List.of(in.get(from)));
            if (!keep.contains(lo)) {
                keep.add(lo);
            }
            if (!keep.contains(hi)) {
                keep.add(hi);
            }
            keep.sort(java.util.Comparator.comparingLong(r -> r.when().millisOr(0)));
            out.addAll(keep);
        }
        return out;
    }

    /** A line chart with the normal range drawn as a band behind the lines. */
    static final class RangeChart extends LineChart<Number, Number> {
        private final Rectangle band = new Rectangle();
        private final Rectangle band2 = new Rectangle();
        private final Double low;
        private final Double high;
        private final Double low2;
        private final Double high2;

        RangeChart(NumberAxis x, NumberAxis y, Double low, Double high, Double low2, Double high2) {
            super(x, y);
            this.low = low;
            this.high = high;
            this.low2 = low2;
            this.high2 = high2;
            band.getStyleClass().add("normal-range");
            band2.getStyleClass().add("normal-range");
            band.setManaged(false);
            band2.setManaged(false);
            if (low != null) {
                getPlotChildren().add(0, band);
            }
            if (low2 != null) {
                getPlotChildren().add(0, band2);
            }
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            place(band, low, high);
            place(band2, low2, high2);
        }

        private void place(Rectangle r, Double lo, Double hi) {
            if (lo == null) {
                return;
            }
            NumberAxis y = (NumberAxis) getYAxis();
            NumberAxis x = (NumberAxis) getXAxis();
            double top = y.getDisplayPosition(Math.min(hi, y.getUpperBound()));
            double bottom = y.getDisplayPosition(Math.max(lo, y.getLowerBound()));
            r.setX(0);
            r.setY(top);
            r.setWidth(x.getWidth());
            r.setHeight(Math.max(0, bottom - top));
        }
    }
}
