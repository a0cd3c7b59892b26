package org.chartlens.ui.chart;

import static org.chartlens.ui.common.Tables.date;
import static org.chartlens.ui.common.Tables.text;
import static org.chartlens.ui.common.Tables.withSource;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chartlens.clinical.VitalSigns;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;
import org.chartlens.domain.Vitals;

/**
 * Vital signs: a list of signs with their latest value, a chart of the selected one (blood
 * pressure systolic and diastolic together, normal range shaded, pointer or arrow keys read out
 * a reading's value, date and source, time-range selector, downsampled for display only) and the
 * full table, kept in step with the chart. FX thread.
 */
public final class VitalsTab extends BorderPane {
    /** Above this many points in view, the chart shows a min/max-preserving sample. */
    static final int MAX_POINTS = 400;
    private static final long DAY = 86_400_000L;

    private final Vitals vitals;
    private final ListView<VitalSeries> kinds = new ListView<>();
    // A ChoiceBox, not a ComboBox: the same keyboard use, but its skin does not build a ListView up front.
    private final ChoiceBox<String> range = new ChoiceBox<>(FXCollections.observableArrayList(
            "All time", "Last 10 years", "Last 5 years", "Last year", "Last 3 months"));
    private final TableView<VitalReading> table;
    private final BorderPane chartHolder = new BorderPane();
    private final Label readout = new Label();
    private final boolean dark;
    private final java.time.LocalDate birthDate;
    private final String sex;
    /** The chart's organizations (a person's chart marks each point's sources). */
    private final org.chartlens.ui.common.OrgLegend legend = org.chartlens.ui.common.OrgLegend.current();
    private VitalsChart chart;
    /** Set while the chart and the table follow each other, so they do not echo. */
    private boolean syncing;

    public VitalsTab(Vitals vitals) {
        this(vitals, false);
    }

    public VitalsTab(Vitals vitals, boolean dark) {
        this(vitals, dark, null);
    }

    /** {@code birthDate}: for the age-aware "older" rule (two years for adults); null if unknown. */
    public VitalsTab(Vitals vitals, boolean dark, java.time.LocalDate birthDate) {
        this(vitals, dark, birthDate, "");
    }

    /**
     * {@code birthDate} and {@code sex}: the chart draws the band for the age and sex at each
     * reading, and the "older" rule is age-aware; null / "" if unknown (adult bands then).
     */
    public VitalsTab(Vitals vitals, boolean dark, java.time.LocalDate birthDate, String sex) {
        this.vitals = vitals;
        this.dark = dark;
        this.birthDate = birthDate;
        this.sex = sex == null ? "" : sex;
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
        long newest = VitalSigns.newestReading(list);
        kinds.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(VitalSeries s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                VitalReading last = s.latest();
                // a latest value from years before the others is not the patient's current state
                setText(s.kind().label() + "  (" + s.readings().size() + ")\n" + (last == null ? "no dated value"
                        : last.valueText() + "  ·  " + last.when().dateOnly()
                        + (last.assessment().isAbnormal() ? "  " + last.assessment().display() : "")
                        + (VitalSigns.olderReading(last, newest, birthDate) ? "  (older)" : "")));
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
        table.getColumns().add(text("Flag", 90, r -> r.assessment().display()));
        table.getColumns().add(text("Reference range", 200, r -> r.assessment().rangeWithSource()));
        withSource(table, VitalReading::source);
        // Every row has one line of text: a fixed height lets the table skip measuring each row.
        table.setFixedCellSize(26);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> followTable(r));

        kinds.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> show(s));
        range.valueProperty().addListener((o, a, b) -> show(kinds.getSelectionModel().getSelectedItem()));

        Label units = new Label("Units: " + (vitals.units().name().equals("US") ? "lb · in · °F" : "kg · cm · °C")
                + (birthDate == null ? "   ·   shaded band: adult normal range"
                        : "   ·   shaded band: normal range for the age at each reading"));
        units.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label rangeLabel = new Label("Time range");
        rangeLabel.setLabelFor(range);
        range.setAccessibleText("Time range");
        HBox bar = new HBox(12, rangeLabel, range, grow, units);
        bar.setPadding(new Insets(8, 12, 4, 12));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        readout.setId("vitals-readout");
        readout.getStyleClass().add("vitals-readout");
        readout.setPadding(new Insets(0, 12, 2, 12));
        readout.setMaxWidth(Double.MAX_VALUE);
        VBox right = new VBox(bar, readout, chartHolder);
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

    /** The chart of the selected vital sign (null before one is shown). */
    public VitalsChart chart() {
        return chart;
    }

    /** The line above the chart that reads out the picked reading. */
    public Label readout() {
        return readout;
    }

    static final String READOUT_HINT = "Point at a reading, or focus the chart and use the arrow keys, "
            + "to read its value, date and source.";

    private void updateReadout() {
        String r = chart == null ? null : chart.readout();
        readout.setText(r == null ? READOUT_HINT : r);
        readout.getStyleClass().remove("muted");
        if (r == null) {
            readout.getStyleClass().add("muted");
        }
    }

    /** The chart picked a reading: select its row so the table shows the same one. */
    private void followChart(int i) {
        if (syncing || chart == null || i < 0) {
            return;
        }
        syncing = true;
        try {
            VitalReading r = chart.shown().get(i);
            table.getSelectionModel().select(r);
            int row = table.getItems().indexOf(r);
            if (row >= 0) {
                table.scrollTo(Math.max(0, row - 2));
            }
        } finally {
            syncing = false;
        }
    }

    /** A row was selected: pick the same reading on the chart, if it is drawn. */
    private void followTable(VitalReading r) {
        if (syncing || chart == null || r == null) {
            return;
        }
        syncing = true;
        try {
            int i = chart.shown().indexOf(r);
            if (i >= 0) {
                chart.setCurrent(i, false);
            }
        } finally {
            syncing = false;
        }
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
        chart = org.chartlens.ui.common.OrgLegend.building(legend,
                () -> new VitalsChart(s, dated, MAX_POINTS, dark, birthDate, sex, vitals.units()));
        chart.setOnReadout(this::updateReadout);
        chart.setOnPick(this::followChart);
        updateReadout();
        if (dated.isEmpty()) {
            Label l = new Label("No " + s.kind().label().toLowerCase() + " readings with a date in this time range."
                    + (s.readings().isEmpty() ? "" : " The table below lists every reading."));
            l.getStyleClass().add("empty-state");
            chartHolder.setCenter(l);
        } else {
            chartHolder.setCenter(chart);
        }
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about six gridlines over {@code span}. */
    static double niceTick(double span) {
        double raw = span / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
    }

    /**
     * Display-only downsampling: splits the readings into buckets and keeps each bucket's first,
     * lowest and highest reading, so peaks survive. The table always shows every reading.
     */
    public static List<VitalReading> downsample(List<VitalReading> in, int max) {
        return TrendData.decimate(in, max, r -> r.when().millisOr(0), VitalReading::value);
    }
}
