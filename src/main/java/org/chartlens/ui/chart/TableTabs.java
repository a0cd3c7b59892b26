package org.chartlens.ui.chart;

import static org.chartlens.ui.common.Tables.date;
import static org.chartlens.ui.common.Tables.table;
import static org.chartlens.ui.common.Tables.text;
import static org.chartlens.ui.common.Tables.withSource;
import static org.chartlens.ui.common.Tables.wrapped;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ClaimEntry;
import org.chartlens.domain.CoverageEntry;
import org.chartlens.domain.EncounterEntry;
import org.chartlens.domain.ImmunizationEntry;
import org.chartlens.clinical.MedicationGroups;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.Problem;
import org.chartlens.domain.ProblemList;
import org.chartlens.domain.Source;
import org.chartlens.ui.common.OrgLegend;

/** The table-shaped tabs. Every table: sortable, filterable, raw JSON + source per row. FX thread. */
public final class TableTabs {
    private TableTabs() {
    }

    /** A filter field above one or more tables; the predicate matches any of the row texts. */
    static <T> TableView<T> filtered(TableView<T> t, List<T> rows, TextField filter,
                                     Function<T, String> haystack, Predicate<T> extra) {
        FilteredList<T> fl = new FilteredList<>(FXCollections.observableArrayList(rows));
        Runnable apply = () -> {
            String q = filter.getText() == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
            fl.setPredicate(r -> extra.test(r)
                    && (q.isEmpty() || haystack.apply(r).toLowerCase(Locale.ROOT).contains(q)));
        };
        filter.textProperty().addListener((o, a, b) -> apply.run());
        apply.run();
        SortedList<T> sl = new SortedList<>(fl);
        sl.comparatorProperty().bind(t.comparatorProperty());
        t.setItems(sl);
        return t;
    }

    static TextField filterField(String prompt) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.getStyleClass().add("filter-field");
        f.setPrefColumnCount(28);
        return f;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    static VBox page(Node... children) {
        VBox v = new VBox(8, children);
        v.setPadding(new Insets(12));
        for (Node c : children) {
            if (c instanceof TableView) {
                VBox.setVgrow(c, Priority.ALWAYS);
            }
        }
        return v;
    }

    // ---- Problems --------------------------------------------------------------------------

    /**
     * Problems (issue 16): active clinical problems get the room; social and situational
     * findings, encounter diagnoses (where the chart also has a problem list) and resolved
     * problems are one click away, collapsed, never gone.
     */
    public static Node problems(ProblemList list) {
        TextField filter = filterField("Filter problems (name, code, status, organization)");
        List<Problem> problems = list.activeProblems();
        // A column empty for the whole chart (Synthea never says who recorded a Condition) is left
        // out of every problem table: it only takes room from the problem's name.
        boolean recorder = java.util.stream.Stream.concat(list.active().stream(), list.inactive().stream())
                .anyMatch(p -> !p.recorder().isBlank());
        // an active problem normally has no abatement: the column only when one does (odd data is shown)
        TableView<Problem> active = problemTable("No active clinical problems recorded.",
                problems.stream().anyMatch(p -> p.abatement().isPresent()), recorder);
        active.setId("problems-active");
        TableView<Problem> findings = problemTable("No social or situational findings recorded.", false, recorder);
        findings.setId("problems-findings");
        TableView<Problem> encounterDx = problemTable("No separate encounter diagnoses.", false, recorder);
        encounterDx.setId("problems-encounter-diagnoses");
        TableView<Problem> inactive = problemTable("No resolved or inactive problems recorded.", true, recorder);
        inactive.setId("problems-inactive");
        Function<Problem, String> hay = p -> p.code().label() + " " + p.code().codeLabel() + " "
                + p.clinicalStatus() + " " + p.category() + " " + OrgLegend.current().names(p.source());
        filtered(active, problems, filter, hay, p -> true);
        filtered(findings, list.activeFindings(), filter, hay, p -> true);
        filtered(encounterDx, list.activeEncounterDiagnoses(), filter, hay, p -> true);
        filtered(inactive, list.inactive(), filter, hay, p -> true);
        if (list.isEmpty()) {
            Label empty = new Label("No problems are recorded for this patient in the cache.");
            empty.getStyleClass().add("empty-state");
            return page(empty);
        }
        javafx.scene.control.Accordion more = new javafx.scene.control.Accordion();
        more.getPanes().add(section("Social and situational findings (" + list.activeFindings().size() + ")", findings));
        if (!list.activeEncounterDiagnoses().isEmpty()) {
            more.getPanes().add(section("Encounter diagnoses (" + list.activeEncounterDiagnoses().size() + ")", encounterDx));
        }
        more.getPanes().add(section("Resolved and inactive (" + list.inactive().size() + ")", inactive));
        VBox v = page(filter, heading("Active problems (" + problems.size() + ")"), active, more);
        VBox.setVgrow(active, Priority.ALWAYS);
        VBox.setVgrow(more, Priority.SOMETIMES);
        return v;
    }

    private static javafx.scene.control.TitledPane section(String title, TableView<Problem> t) {
        javafx.scene.control.TitledPane p = new javafx.scene.control.TitledPane(title, t);
        p.setId(t.getId() + "-section");
        t.setPrefHeight(240);
        p.setExpanded(false);
        return p;
    }

    /** {@code abatement}, {@code recorder}: whether the Abatement and "Recorded by" columns are shown. */
    static TableView<Problem> problemTable(String empty, boolean abatement, boolean recorder) {
        TableView<Problem> t = table(empty);
        t.getColumns().add(wrapped("Problem", 300, p -> p.code().label()));
        t.getColumns().add(text("Code", 200, p -> p.code().codeLabel()));
        t.getColumns().add(text("Status", 80, Problem::clinicalStatus));
        t.getColumns().add(text("Verification", 95, Problem::verificationStatus));
        t.getColumns().add(text("Category", 140, Problem::category));
        t.getColumns().add(date("Onset", 130, Problem::onset));
        if (abatement) {
            t.getColumns().add(date("Abatement", 130, Problem::abatement));
        }
        if (recorder) {
            t.getColumns().add(text("Recorded by", 110, Problem::recorder));
        }
        withSource(t, Problem::source);
        return t;
    }

    // ---- Medications -----------------------------------------------------------------------

    /** One row per medication, current first, orders expandable ({@link MedicationsTab}). */
    public static Node medications(List<MedicationEntry> meds) {
        return MedicationsTab.of(MedicationGroups.of(meds));
    }

    public static Node medicationGroups(List<MedicationGroup> groups) {
        return MedicationsTab.of(groups);
    }

    static void refilter(TextField filter) {
        String t = filter.getText();
        filter.setText(t + " ");
        filter.setText(t);
    }

    // ---- Allergies -------------------------------------------------------------------------

    public static Node allergies(List<AllergyEntry> list) {
        TableView<AllergyEntry> t = table("No allergies or intolerances are recorded for this patient"
                + " (this does not mean the patient has none).");
        t.setId("allergies-table");
        t.getColumns().add(wrapped("Substance", 240, a -> a.substance().label()));
        t.getColumns().add(text("Status", 80, AllergyEntry::clinicalStatus));
        t.getColumns().add(text("Verification", 95, AllergyEntry::verificationStatus));
        t.getColumns().add(text("Type", 90, AllergyEntry::type));
        t.getColumns().add(text("Category", 110, AllergyEntry::category));
        t.getColumns().add(text("Criticality", 90, AllergyEntry::criticality));
        t.getColumns().add(wrapped("Reactions", 220, AllergyEntry::reactions));
        t.getColumns().add(date("Recorded", 130, AllergyEntry::recorded));
        withSource(t, AllergyEntry::source);
        t.getItems().setAll(list);
        return page(t);
    }

    // ---- Immunizations ---------------------------------------------------------------------

    public static Node immunizations(List<ImmunizationEntry> list) {
        TableView<ImmunizationEntry> t = table("No immunizations are recorded for this patient in the cache.");
        t.setId("immunizations-table");
        t.getColumns().add(wrapped("Vaccine", 320, i -> i.vaccine().label()));
        t.getColumns().add(text("Code", 90, i -> i.vaccine().codeLabel()));
        t.getColumns().add(text("Status", 90, ImmunizationEntry::status));
        t.getColumns().add(date("Date", 130, ImmunizationEntry::date));
        t.getColumns().add(wrapped("Given at / by", 320, ImmunizationEntry::performer));
        withSource(t, ImmunizationEntry::source);
        t.getItems().setAll(list);
        return page(t);
    }

    // ---- Encounters ------------------------------------------------------------------------

    public static Node encounters(List<EncounterEntry> list) {
        TextField filter = filterField("Filter encounters (type, provider, reason)");
        TableView<EncounterEntry> t = table("No encounters are recorded for this patient in the cache.");
        t.setId("encounters-table");
        t.getColumns().add(wrapped("Encounter", 240, e -> e.type().label()));
        t.getColumns().add(text("Class", 90, EncounterEntry::encounterClass));
        t.getColumns().add(text("Status", 80, EncounterEntry::status));
        t.getColumns().add(date("Start", 130, EncounterEntry::start));
        t.getColumns().add(date("End", 130, EncounterEntry::end));
        t.getColumns().add(text("Practitioner", 190, EncounterEntry::practitioner));
        t.getColumns().add(wrapped("Provider", 250, EncounterEntry::provider));
        t.getColumns().add(wrapped("Reason", 160, EncounterEntry::reason));
        withSource(t, EncounterEntry::source);
        filtered(t, list, filter, e -> e.type().label() + " " + e.provider() + " " + e.practitioner()
                + " " + e.reason(), e -> true);
        return page(filter, t);
    }

    // ---- Coverage & claims -----------------------------------------------------------------

    public static Node claims(List<CoverageEntry> coverage, List<ClaimEntry> claims) {
        TableView<CoverageEntry> c = table("No coverage is recorded for this patient, and no claim names a payer.");
        c.setId("coverage-table");
        boolean allDerived = !coverage.isEmpty() && coverage.stream().allMatch(CoverageEntry::derived);
        c.getColumns().add(text("Payer", 260, CoverageEntry::payer));
        if (!allDerived) {
            // periods derived from claims have no type or status: no empty columns for them
            c.getColumns().add(text("Type", 140, CoverageEntry::type));
            c.getColumns().add(text("Status", 90, CoverageEntry::status));
        }
        c.getColumns().add(date("From", 130, CoverageEntry::start));
        c.getColumns().add(date("To", 130, CoverageEntry::end));
        if (!allDerived) {
            c.getColumns().add(text("Based on", 260, x -> x.derived()
                    ? "Claims citing this payer (no Coverage record)" : "Coverage record"));
        }
        withSource(c, CoverageEntry::source);
        c.getItems().setAll(coverage);
        // every period on screen without scrolling, up to five; then the table scrolls
        c.setPrefHeight(48 + 40 * Math.max(1, Math.min(coverage.size(), 5)));
        c.setMinHeight(Region.USE_PREF_SIZE);
        Label derivedNote = new Label("No Coverage records were sent: each period runs from the first to the last"
                + " claim that names the payer.");
        derivedNote.getStyleClass().add("muted");
        derivedNote.setWrapText(true);
        derivedNote.setId("coverage-derived-note");

        TextField filter = filterField("Filter claims (provider, payer, type)");
        CheckBox eobOnly = new CheckBox("Explanations of benefit only");
        eobOnly.setSelected(true);
        TableView<ClaimEntry> t = table("No claims or explanations of benefit are recorded.");
        t.setId("claims-table");
        t.getColumns().add(text("Kind", 60, ClaimEntry::kind));
        t.getColumns().add(date("Created", 130, ClaimEntry::created));
        t.getColumns().add(date("Service from", 130, ClaimEntry::start));
        t.getColumns().add(text("Type", 100, ClaimEntry::type));
        t.getColumns().add(wrapped("Provider", 330, ClaimEntry::provider));
        t.getColumns().add(wrapped("Payer", 190, ClaimEntry::payer));
        t.getColumns().add(money("Billed", ClaimEntry::billed, ClaimEntry::currency));
        t.getColumns().add(money("Paid", ClaimEntry::paid, ClaimEntry::currency));
        t.getColumns().add(text("Status", 70, ClaimEntry::status));
        withSource(t, ClaimEntry::source);
        filtered(t, claims, filter, x -> x.provider() + " " + x.payer() + " " + x.type(),
                x -> !eobOnly.isSelected() || x.kind().equals("EOB"));
        eobOnly.selectedProperty().addListener((o, a, b) -> refilter(filter));
        VBox v = page(heading("Coverage (" + coverage.size() + ")"), c,
                heading("Claims and explanations of benefit"), new HBox(12, filter, eobOnly), t);
        if (allDerived) {
            v.getChildren().add(1, derivedNote);
        }
        VBox.setVgrow(c, Priority.NEVER);
        return v;
    }

    static javafx.scene.control.TableColumn<ClaimEntry, String> money(String title,
            java.util.function.ToDoubleFunction<ClaimEntry> v, Function<ClaimEntry, String> cur) {
        var col = text(title, 120, (ClaimEntry x) -> {
            double d = v.applyAsDouble(x);
            return Double.isNaN(d) ? "" : String.format(Locale.US, "%,.2f %s", d, cur.apply(x)).trim();
        });
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        col.setMinWidth(115); // "11,588.08 USD" whole
        col.setComparator((a, b) -> Double.compare(parse(a), parse(b)));
        return col;
    }

    static double parse(String s) {
        try {
            return Double.parseDouble(s.replace(",", "").split(" ")[0]);
        } catch (RuntimeException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    static Source none() {
        return null;
    }
}
