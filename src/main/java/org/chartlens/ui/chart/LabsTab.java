package org.chartlens.ui.chart;

import static org.chartlens.ui.common.Tables.date;
import static org.chartlens.ui.common.Tables.table;
import static org.chartlens.ui.common.Tables.text;
import static org.chartlens.ui.common.Tables.withSource;
import static org.chartlens.ui.common.Tables.wrapped;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
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
import org.chartlens.domain.FlagSource;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.ResultFlag;
import org.chartlens.ui.common.Tables;

/** Labs: reports/panels, the selected report's results with flags, and one analyte's trend. */
public final class LabsTab extends BorderPane {
    private final List<LabReport> reports;
    private final TableView<LabReport> reportTable;
    private final TableView<LabResult> results;
    private final BorderPane trend = new BorderPane();
    private final boolean dark;
    static final String SELECT_A_REPORT = "Select a report to see its results.";
    static final String NO_RANGES = "No flags: the lab sent no interpretation or reference range for these results, "
            + "and ChartLens ships no cited interval for them at this patient's age (decision 0700).";

    public LabsTab(List<LabReport> reports) {
        this(reports, false);
    }

    /** {@code dark}: the trend chart's Canvas takes the dark theme's colours. */
    public LabsTab(List<LabReport> reports, boolean dark) {
        this.reports = reports;
        this.dark = dark;
        reportTable = table("No lab reports are recorded for this patient in the cache.");
        reportTable.setId("labs-reports");
        reportTable.getColumns().add(Tables.day("Date", LabReport::when));
        reportTable.getColumns().add(wrapped("Report / panel", 220, r -> r.name().label()));
        var count = text("Results", 70, (LabReport r) -> Integer.toString(r.results().size()));
        var flagged = text("Flagged", 70, (LabReport r) -> r.abnormalCount() == 0 ? "" : Long.toString(r.abnormalCount()));
        count.setMinWidth(76); // short counts: keep their headers readable
        flagged.setMinWidth(76);
        reportTable.getColumns().add(count);
        reportTable.getColumns().add(flagged);
        withSource(reportTable, LabReport::source);
        // The performing lab is one click away (the table menu, top right) rather than a column
        // that leaves the panel names and the test names no room.
        var performer = text("Performer", 160, LabReport::performer);
        performer.setVisible(false);
        reportTable.getColumns().add(performer);
        reportTable.setTableMenuButtonVisible(true);
        // the menu button sits over the right end of the last header: keep "Source" clear of it
        reportTable.getColumns().stream().filter(c -> c.getText().equals("Source")).forEach(c -> {
            c.setMinWidth(c.getMinWidth() + 18);
            c.setPrefWidth(Math.max(c.getPrefWidth(), c.getMinWidth()));
        });
        TextField filter = TableTabs.filterField("Filter reports (panel, test or lab name)");
        TableTabs.filtered(reportTable, reports, filter, r -> r.name().label() + " " + r.performer() + " "
                + r.results().stream().map(x -> x.test().label()).reduce("", String::concat), r -> true);

        results = table(SELECT_A_REPORT);
        results.setId("labs-results");
        // The test name wraps: a clinician reads the whole LOINC name without hovering.
        TableColumn<LabResult, String> test = wrapped("Test", 260, r -> r.test().label());
        test.setMinWidth(160);
        results.getColumns().add(test);
        results.getColumns().add(text("Value", 70, LabResult::value));
        var unit = text("Unit", 80, LabResult::unit);
        unit.setMinWidth(80);
        var flag = flagColumn();
        flag.setMinWidth(60); // the abnormal flag is the column a clinician looks for first
        flag.setPrefWidth(112);
        results.getColumns().add(unit);
        results.getColumns().add(flag);
        results.getColumns().add(text("Reference range", 160, r -> r.assessment().rangeWithSource()));
        results.getColumns().add(date("Date", 130, LabResult::when));
        withSource(results, LabResult::source);
        Label noRanges = new Label(NO_RANGES);
        noRanges.setId("labs-no-ranges");
        noRanges.getStyleClass().add("muted");
        noRanges.setWrapText(true);
        noRanges.setPadding(new Insets(4, 8, 4, 8));
        noRanges.managedProperty().bind(noRanges.visibleProperty());
        noRanges.setVisible(false);
        reportTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            results.getItems().setAll(r == null ? List.of() : r.results());
            // Empty Flag and Range columns say nothing: tell why (a child's chemistry, for instance).
            noRanges.setVisible(r != null && !r.results().isEmpty()
                    && r.results().stream().allMatch(x -> x.flag().isEmpty() && x.assessment().range().isEmpty()));
            ((Label) results.getPlaceholder()).setText(r == null ? SELECT_A_REPORT
                    : "This report lists no results in the cache (it may carry only a conclusion or a document).");
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
        VBox resultsBox = new VBox(noRanges, results);
        VBox.setVgrow(results, javafx.scene.layout.Priority.ALWAYS);
        SplitPane right = new SplitPane(resultsBox, trend);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        // the report list keeps its columns readable; what is left goes to the test names
        left.setMinWidth(reportTable.getColumns().stream().filter(TableColumn::isVisible)
                .mapToDouble(TableColumn::getMinWidth).sum() + 48);
        SplitPane main = new SplitPane(left, right);
        main.setDividerPositions(0.38);
        setCenter(main);
        reportTable.getSelectionModel().select(0);
    }

    public TableView<LabResult> results() {
        return results;
    }

    /**
     * The flag as symbol, code and colour (never colour alone): "▲ H", "▼ L", "▲!! HH" on a
     * critical background; its accessible text says it in words and who flagged it.
     */
    static TableColumn<LabResult, String> flagColumn() {
        TableColumn<LabResult, String> c = text("Flag", 50, LabResult::flag);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("flag-abnormal", "flag-normal", "flag-critical");
                LabResult r = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (empty || f == null || f.isEmpty()) {
                    setText(null);
                    setAccessibleText(null);
                    setTooltip(null);
                    return;
                }
                ResultFlag flag = r != null && f.equals(r.assessment().code()) ? r.assessment()
                        : new ResultFlag(f, FlagSource.LAB, "", "", f.equals("HH") || f.equals("LL") || f.equals("AA"));
                // symbol, code and word ("▲ H High"): readable without colour, in print and dark mode
                setText(flag.display().isEmpty() ? f : flag.display());
                getStyleClass().add(!flag.isAbnormal() ? "flag-normal" : flag.critical() ? "flag-critical" : "flag-abnormal");
                String words = flag.words().isEmpty() ? f : flag.words();
                setAccessibleText(flag.source() == FlagSource.CHARTLENS ? words + ", flagged by ChartLens" : words);
                setTooltip(new Tooltip(words + (flag.source() == FlagSource.CHARTLENS
                        ? " by ChartLens's reference interval (" + flag.citation() + "), not the lab's"
                        : flag.source() == FlagSource.LAB_RANGE ? " against the lab's reference range" : " (the lab's flag)")));
            }
        });
        return c;
    }

    private void showTrend(LabResult r) {
        if (r == null) {
            return;
        }
        List<LabResult> series = LabResults.trendInOneUnit(reports, r.test());
        if (series.size() < 2) {
            Label l = new Label(series.isEmpty() ? "This result has no numeric value, so there is no trend to draw."
                    : "Only one numeric result is recorded for " + r.test().label() + ": a trend needs two or more.");
            l.getStyleClass().add("empty-state");
            l.setWrapText(true);
            trend.setCenter(l);
            return;
        }
        String title = r.test().label();
        if (title.length() > 60) {
            title = title.substring(0, 59) + "…";
        }
        LabTrendChart c = new LabTrendChart(title, series, dark);
        trend.setCenter(c);
        trend.setPadding(new Insets(4));
    }
}
