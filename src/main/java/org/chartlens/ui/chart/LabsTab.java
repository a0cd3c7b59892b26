package org.chartlens.ui.chart;

import static org.chartlens.ui.common.Tables.date;
import static org.chartlens.ui.common.Tables.table;
import static org.chartlens.ui.common.Tables.text;
import static org.chartlens.ui.common.Tables.withSource;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.chartlens.clinical.LabResults;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;

/** Labs: reports/panels, the selected report's results with flags, and one analyte's trend. */
public final class LabsTab extends BorderPane {
    private static final long DAY = 86_400_000L;
    private final List<LabReport> reports;
    private final TableView<LabReport> reportTable;
    private final TableView<LabResult> results;
    private final BorderPane trend = new BorderPane();

    public LabsTab(List<LabReport> reports) {
        this.reports = reports;
        reportTable = table("No lab reports are recorded for this patient in the cache.");
        reportTable.setId("labs-reports");
        reportTable.getColumns().add(date("Date", 130, LabReport::when));
        reportTable.getColumns().add(text("Report / panel", 250, r -> r.name().label()));
        reportTable.getColumns().add(text("Results", 70, r -> Integer.toString(r.results().size())));
        reportTable.getColumns().add(text("Flagged", 70, r -> r.abnormalCount() == 0 ? "" : Long.toString(r.abnormalCount())));
        reportTable.getColumns().add(text("Performer", 160, LabReport::performer));
        withSource(reportTable, LabReport::source);
        TextField filter = TableTabs.filterField("Filter reports (panel name)");
        TableTabs.filtered(reportTable, reports, filter, r -> r.name().label() + " "
                + r.results().stream().map(x -> x.test().label()).reduce("", String::concat), r -> true);

        results = table("Select a report to see its results.");
        results.setId("labs-results");
        results.getColumns().add(text("Test", 260, r -> r.test().label()));
        results.getColumns().add(text("Value", 90, LabResult::value));
        results.getColumns().add(text("Unit", 80, LabResult::unit));
        results.getColumns().add(flagColumn());
        results.getColumns().add(text("Reference range", 110, LabResult::range));
        results.getColumns().add(date("Date", 130, LabResult::when));
        withSource(results, LabResult::source);
        reportTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            results.getItems().setAll(r == null ? List.of() : r.results());
            if (r != null && !r.results().isEmpty()) {
                results.getSelectionModel().select(0);
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showTrend(r));
        Label hint = new Label("Select a result to see its trend over time.");
        hint.getStyleClass().add("empty-state");
        trend.setCenter(hint);

        if (reports.isEmpty()) {
            setCenter(TableTabs.page(reportTable));
            return;
        }
        VBox left = TableTabs.page(filter, reportTable);
        SplitPane right = new SplitPane(results, trend);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        SplitPane main = new SplitPane(left, right);
        main.setDividerPositions(0.42);
        setCenter(main);
        reportTable.getSelectionModel().select(0);
    }

    public TableView<LabResult> results() {
        return results;
    }

    static TableColumn<LabResult, String> flagColumn() {
        TableColumn<LabResult, String> c = text("Flag", 50, LabResult::flag);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("flag-abnormal", "flag-normal");
                if (empty || f == null || f.isEmpty()) {
                    setText(null);
                    return;
                }
                setText(switch (f) {
                    case "H" -> "▲ H";
                    case "HH" -> "▲▲ HH";
                    case "L" -> "▼ L";
                    case "LL" -> "▼▼ LL";
                    default -> f;
                });
                getStyleClass().add("N".equals(f) ? "flag-normal" : "flag-abnormal");
            }
        });
        return c;
    }

    private void showTrend(LabResult r) {
        if (r == null) {
            return;
        }
        List<LabResult> series = LabResults.trend(reports, r.test());
        if (series.size() < 2) {
            Label l = new Label(series.isEmpty() ? "This result has no numeric value to trend."
                    : "Only one numeric " + r.test().label() + " result is recorded.");
            l.getStyleClass().add("empty-state");
            l.setWrapText(true);
            trend.setCenter(l);
            return;
        }
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        double min = series.get(0).when().millisOr(0) / (double) DAY;
        double max = series.get(series.size() - 1).when().millisOr(0) / (double) DAY;
        x.setAutoRanging(false);
        x.setLowerBound(min - 10);
        x.setUpperBound(max + 10);
        x.setTickUnit(Math.max(1, (max - min + 20) / 6));
        x.setTickLabelFormatter(VitalsTab.dayFormatter(max - min));
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        y.setLabel(r.unit());
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setVerticalZeroLineVisible(false);
        c.setAnimated(false);
        c.setLegendVisible(false);
        c.setTitle(r.test().label() + " over time");
        c.setId("labs-trend");
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        for (LabResult p : series) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.when().millisOr(0) / (double) DAY, p.numeric());
            s.getData().add(d);
        }
        c.getData().add(s);
        Tooltip tip = new Tooltip();
        for (int i = 0; i < series.size(); i++) {
            LabResult p = series.get(i);
            javafx.scene.Node n = s.getData().get(i).getNode();
            if (n != null) {
                n.setOnMouseEntered(e -> tip.setText(p.value() + " " + p.unit() + "\n"
                        + p.when().display() + "\nSource: " + p.source().org()));
                Tooltip.install(n, tip);
            }
        }
        trend.setCenter(c);
        trend.setPadding(new Insets(4));
    }
}
