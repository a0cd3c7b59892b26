package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.chartlens.clinical.ChartModels;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.CoverageEntry;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a tired clinician reads on the table tabs, on the demo patient's real chart, headless at
 * 1400x860: whole lab and medication names, plain payer words, headers that are not clipped.
 */
class ChartReadabilityTest {
    static ChartModel babette;

    @BeforeAll
    static void setUp() throws Exception {
        Fx.stage();
        babette = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.columbus("Babette571")), UnitSystem.METRIC,
                LocalDate.of(2026, 11, 22));
    }

    static <T extends Parent> T show(Supplier<T> view) throws Exception {
        T v = Fx.call(view::get);
        Fx.show(v);
        return v;
    }

    /** Rendered, non-empty cells of one column. */
    static List<TableCell<?, ?>> cells(TableView<?> t, String column) throws Exception {
        return Fx.call(() -> t.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .filter(c -> !c.isEmpty() && c.getText() != null && c.isVisible() && c.getTableRow() != null
                        && c.getTableRow().isVisible())
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    static String shownText(Labeled l) {
        Text t = (Text) l.lookup(".text");
        return t == null ? null : t.getText();
    }

    @Test
    void aLongLabTestNameIsReadWholeWithoutHoveringAndByAssistiveTechnology() throws Exception {
        LabsTab labs = show(() -> new LabsTab(babette.labs()));
        TableView<LabResult> results = labs.results();
        assertFalse(Fx.call(() -> results.getItems().isEmpty()), "the newest report is selected");
        LabResult longest = Fx.call(() -> results.getItems().stream()
                .max(Comparator.comparingInt(r -> r.test().label().length())).orElseThrow());
        String name = longest.test().label();
        Fx.run(() -> results.scrollTo(longest));
        Fx.settle();
        TableCell<?, ?> cell = cells(results, "Test").stream().filter(c -> name.equals(c.getItem())).findFirst()
                .orElseThrow(() -> new AssertionError("no rendered cell for " + name));
        double columnWidth = Fx.call(() -> cell.getTableColumn().getWidth());
        assertTrue(org.chartlens.ui.common.Tables.headerWidth(name) - 22 > columnWidth,
                "the name is wider than its column, so this test means something: " + name);
        // Shown whole, on several lines, inside the cell.
        assertEquals(name, Fx.call(() -> shownText(cell)), "no ellipsis");
        TableCell<?, ?> value = cells(results, "Value").get(0);
        double oneLine = Fx.call(() -> ((Text) value.lookup(".text")).getLayoutBounds().getHeight());
        double textHeight = Fx.call(() -> ((Text) cell.lookup(".text")).getLayoutBounds().getHeight());
        assertTrue(textHeight > 1.6 * oneLine, "wraps: " + textHeight + " vs one line " + oneLine);
        assertTrue(Fx.call(() -> textHeight <= cell.getHeight()), "the wrapped text fits its row");
        // Screen readers get the whole name too.
        assertEquals(name, Fx.call(cell::getAccessibleText));
    }

    @Test
    void emptyTrendsSayWhy() throws Exception {
        LabsTab labs = show(() -> new LabsTab(babette.labs()));
        // Only one CBC: the trend pane says why there is no chart.
        Set<String> hints = Fx.call(() -> labs.lookupAll(".empty-state").stream().filter(Node::isVisible)
                .map(n -> ((Labeled) n).getText()).collect(Collectors.toSet()));
        assertTrue(hints.stream().anyMatch(h -> h.contains("a trend needs two or more")), hints.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLabFlagIsSpokenInWords() throws Exception {
        // A flagged copy of one of Babette's results (Synthea sends no interpretation).
        LabResult r = babette.labs().get(0).results().get(0);
        LabResult high = new LabResult(r.test(), r.value(), r.numeric(), r.unit(), r.range(), "H", r.when(),
                r.status(), r.source());
        org.chartlens.domain.LabReport report = babette.labs().get(0);
        LabsTab labs = show(() -> new LabsTab(List.of(new org.chartlens.domain.LabReport(report.name(), report.when(),
                report.status(), report.performer(), List.of(high), report.source()))));
        TableView<LabResult> results = labs.results();
        Fx.run(() -> {
            TableView<?> reports = (TableView<?>) labs.lookup("#labs-reports");
            ((TableView<Object>) (TableView<?>) reports).getSelectionModel().select(0);
        });
        Fx.settle();
        TableCell<?, ?> flag = cells(results, "Flag").stream().filter(c -> "H".equals(c.getItem()))
                .findFirst().orElseThrow(() -> new AssertionError("no cell shows the flag"));
        assertEquals("High", Fx.call(flag::getAccessibleText));
    }

    @Test
    void coverageShowsNoInsuranceInPlainWordsAndKeepsTheRawValueInTheSource() throws Exception {
        Parent claims = show(() -> (Parent) TableTabs.claims(babette.coverage(), babette.claims()));
        @SuppressWarnings("unchecked")
        TableView<CoverageEntry> coverage = (TableView<CoverageEntry>) Fx.call(() -> claims.lookup("#coverage-table"));
        List<String> payers = cells(coverage, "Payer").stream().map(c -> (String) c.getItem()).toList();
        assertTrue(payers.contains("No insurance (self-pay)"), payers.toString());
        assertTrue(payers.stream().noneMatch(p -> p.contains("NO_INSURANCE")), payers.toString());
        CoverageEntry none = Fx.call(() -> coverage.getItems().stream()
                .filter(c -> c.payer().equals("No insurance (self-pay)")).findFirst().orElseThrow());
        String sent = SyntheaBundles.raw(SyntheaBundles.columbus("Babette571")).stream()
                .filter(r -> r.type().equals(none.source().type()) && r.id().equals(none.source().id()))
                .findFirst().orElseThrow().json();
        assertTrue(sent.contains("NO_INSURANCE"), "the raw JSON of the row's resource keeps the value as sent");
        // Claims-derived periods have no type or status: no empty columns for them.
        Set<String> columns = Fx.call(() -> coverage.getColumns().stream().map(c -> c.getText()).collect(Collectors.toSet()));
        assertFalse(columns.contains("Type"), columns.toString());
        assertFalse(columns.contains("Based on"), "said once, above the table, not on every row");
        String note = Fx.call(() -> ((Labeled) claims.lookup("#coverage-derived-note")).getText());
        assertTrue(note.startsWith("No Coverage records were sent"), note);
        // all four periods are on screen without scrolling
        assertEquals(4, payers.size(), payers.toString());
        TableView<?> claimRows = Fx.call(() -> (TableView<?>) claims.lookup("#claims-table"));
        List<String> claimPayers = cells(claimRows, "Payer").stream().map(c -> (String) c.getItem()).toList();
        assertTrue(claimPayers.stream().noneMatch(p -> p.contains("NO_INSURANCE")), claimPayers.toString());
    }

    @Test
    void medicationNamesWithTheirStrengthAreShownWhole() throws Exception {
        Parent meds = show(() -> (Parent) TableTabs.medications(babette.medications()));
        TableView<?> t = Fx.call(() -> (TableView<?>) meds.lookup("#medications-table"));
        // Issue 16: "Current only" is on by default; the long injectable is a past medication.
        javafx.scene.control.CheckBox current = Fx.call(() ->
                (javafx.scene.control.CheckBox) meds.lookup("#medications-current-only"));
        assertTrue(Fx.call(current::isSelected), "current medications only, by default");
        Fx.run(() -> current.setSelected(false));
        Fx.settle();
        List<TableCell<?, ?>> names = cells(t, "Medication");
        assertFalse(names.isEmpty());
        for (TableCell<?, ?> c : names) {
            assertEquals(c.getItem(), Fx.call(() -> shownText(c)), "shown whole");
        }
        assertTrue(names.stream().anyMatch(c -> ((String) c.getItem()).contains("medroxyPROGESTERone acetate 150 MG/ML")),
                "the long injectable's name (truncated before) is among them");
    }

    @Test
    void summarySetsApartVitalSignsYearsOlderThanTheNewest() throws Exception {
        // The large chart: an 87-year-old whose latest oxygen saturation is from 1968 and whose
        // latest head circumference is from infancy.
        ChartModel large = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.large()), UnitSystem.METRIC,
                LocalDate.of(2026, 11, 22));
        SummaryTab summary = show(() -> new SummaryTab(large));
        List<Labeled> lines = Fx.call(() -> summary.lookup("#summary-vitals").lookupAll(".card-line").stream()
                .map(n -> (Labeled) n).toList());
        Labeled head = lines.stream().filter(l -> l.getText().startsWith("Oxygen saturation")).findFirst().orElseThrow();
        assertTrue(head.getText().endsWith("(older reading)"), head.getText());
        assertTrue(head.getStyleClass().contains("card-line-old"));
        assertTrue(lines.stream().noneMatch(l -> l.getText().startsWith("Head circumference")),
                "an age-bound sign is left out past the age it applies to (36 months)");
        Labeled weight = lines.stream().filter(l -> l.getText().startsWith("Weight")).findFirst().orElseThrow();
        assertFalse(weight.getText().contains("older"), weight.getText());
        assertFalse(weight.getStyleClass().contains("card-line-old"));
        // current readings come first
        assertTrue(lines.indexOf(weight) < lines.indexOf(head));
    }

    @Test
    void vitalsListMarksLatestValuesYearsOlderThanTheNewest() throws Exception {
        ChartModel large = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.large()), UnitSystem.METRIC,
                LocalDate.of(2026, 11, 22));
        VitalsTab vitals = show(() -> new VitalsTab(large.vitals(), false));
        List<String> signs = Fx.call(() -> vitals.lookup("#vitals-kinds").lookupAll(".list-cell").stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList());
        String head = signs.stream().filter(t -> t.startsWith("Head circumference")).findFirst().orElseThrow();
        assertTrue(head.endsWith("(older)"), head);
        String weight = signs.stream().filter(t -> t.startsWith("Weight")).findFirst().orElseThrow();
        assertFalse(weight.contains("older"), weight);
    }

    @Test
    void labReportsListTheDayAndKeepThePerformerOneClickAway() throws Exception {
        LabsTab labs = show(() -> new LabsTab(babette.labs()));
        TableView<?> reports = Fx.call(() -> (TableView<?>) labs.lookup("#labs-reports"));
        List<String> days = cells(reports, "Date").stream().map(TableCell::getText).toList();
        assertTrue(days.contains("2022-01-25"), days.toString());
        TableCell<?, ?> cbc = cells(reports, "Date").stream().filter(c -> "2022-01-25".equals(c.getText()))
                .findFirst().orElseThrow();
        assertEquals("2022-01-25 05:46", Fx.call(cbc::getAccessibleText), "the time is still there for who needs it");
        assertTrue(Fx.call(reports::isTableMenuButtonVisible));
        assertTrue(Fx.call(() -> reports.getColumns().stream().anyMatch(c -> c.getText().equals("Performer") && !c.isVisible())));
    }

    @Test
    void noColumnHeaderIsClippedOnTheTableTabs() throws Exception {
        List<Supplier<Parent>> tabs = List.of(
                () -> new LabsTab(babette.labs()),
                () -> (Parent) TableTabs.problems(babette.problems()),
                () -> (Parent) TableTabs.medications(babette.medications()),
                () -> (Parent) TableTabs.allergies(babette.allergies()),
                () -> (Parent) TableTabs.immunizations(babette.immunizations()),
                () -> (Parent) TableTabs.encounters(babette.encounters()),
                () -> (Parent) TableTabs.claims(babette.coverage(), babette.claims()));
        for (Supplier<Parent> tab : tabs) {
            Parent v = show(tab);
            List<String> clipped = Fx.call(() -> v.lookupAll(".column-header .label").stream()
                    .map(n -> (Labeled) n).filter(l -> l.getText() != null && !l.getText().isEmpty())
                    .filter(l -> !l.getText().equals(shownText(l))).map(l -> l.getText() + " -> " + shownText(l))
                    .toList());
            assertTrue(clipped.isEmpty(), "clipped headers: " + clipped);
        }
    }
}
