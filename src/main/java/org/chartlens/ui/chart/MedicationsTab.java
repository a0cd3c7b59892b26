package org.chartlens.ui.chart;

import static org.chartlens.ui.common.Tables.date;
import static org.chartlens.ui.common.Tables.table;
import static org.chartlens.ui.common.Tables.text;
import static org.chartlens.ui.common.Tables.withSource;
import static org.chartlens.ui.common.Tables.wrapped;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.Source;
import org.chartlens.ui.common.OrgChips;
import org.chartlens.ui.common.OrgLegend;

/**
 * Medications: one row per medication (issue 16), current first and "Current only" on by default;
 * selecting a row expands its orders, statements, dispenses and administrations below.
 */
final class MedicationsTab {
    private MedicationsTab() {
    }

    static Node of(List<MedicationGroup> groups) {
        TextField filter = TableTabs.filterField("Filter medications");
        CheckBox currentOnly = new CheckBox("Current only");
        currentOnly.setId("medications-current-only");
        currentOnly.setSelected(groups.stream().anyMatch(MedicationGroup::current));
        TableView<MedicationGroup> t = table("No medications are recorded for this patient in the cache.");
        t.setId("medications-table");
        t.getColumns().add(wrapped("Medication", 320, g -> g.medication().label()));
        OrgLegend legend = OrgLegend.current();
        if (legend.isPerson()) {
            // a person's chart (issue 14): each organization's own status when they disagree
            t.getColumns().add(wrapped("Status", 170, g -> g.statusesDiffer()
                    ? new Source.Difference("status", g.statusByOrg()).describe(legend::name)
                    : g.current() ? g.status() + " (current)" : g.status()));
        } else {
            t.getColumns().add(text("Status", 80, g -> g.current() ? g.status() + " (current)" : g.status()));
        }
        t.getColumns().add(text("Dosage", 170, MedicationGroup::dosage));
        t.getColumns().add(date("First", 110, MedicationGroup::first));
        t.getColumns().add(date("Latest", 110, MedicationGroup::latest));
        t.getColumns().add(text("Orders", 70, g -> Integer.toString(g.count())));
        t.getColumns().add(text("Prescriber", 170, MedicationGroup::prescriber));
        if (legend.isPerson()) {
            t.getColumns().add(OrgChips.orgsColumn(legend, MedicationGroup::orgs));
        }
        TableTabs.filtered(t, groups, filter, g -> g.medication().label() + " " + g.status() + " " + g.dosage(),
                g -> !currentOnly.isSelected() || g.current());
        currentOnly.selectedProperty().addListener((o, a, b) -> TableTabs.refilter(filter));

        TableView<MedicationEntry> orders = table("Select a medication to see its orders.");
        orders.setId("medication-orders");
        orders.getColumns().add(text("Record", 110, e -> kind(e)));
        orders.getColumns().add(text("Status", 80, MedicationEntry::status));
        orders.getColumns().add(date("Date", 130, MedicationEntry::authored));
        orders.getColumns().add(date("Ends", 110, MedicationEntry::end));
        orders.getColumns().add(text("Dosage", 160, MedicationEntry::dosage));
        orders.getColumns().add(text("Prescriber", 170, MedicationEntry::prescriber));
        orders.getColumns().add(wrapped("Reason", 160, MedicationEntry::reason));
        withSource(orders, MedicationEntry::source);
        Label ordersHeading = TableTabs.heading("Orders");
        t.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            orders.getItems().setAll(g == null ? List.of() : g.entries());
            ordersHeading.setText(g == null ? "Orders" : "Orders of " + g.medication().label() + " (" + g.count() + ")");
        });
        Label note = new Label(groups.stream().mapToInt(MedicationGroup::count).sum() + " orders and records, "
                + groups.size() + (groups.size() == 1 ? " medication" : " medications")
                + "; current first, then stopped and completed.");
        note.getStyleClass().add("empty-state");
        VBox v = TableTabs.page(new HBox(12, filter, currentOnly), note, t, ordersHeading, orders);
        VBox.setVgrow(t, Priority.ALWAYS);
        VBox.setVgrow(orders, Priority.SOMETIMES);
        orders.setPrefHeight(200);
        return v;
    }

    static String kind(MedicationEntry e) {
        String type = e.source() == null ? "" : e.source().type();
        return switch (type) {
            case "MedicationRequest" -> "Order";
            case "MedicationStatement" -> "Statement";
            case "MedicationDispense" -> "Dispense";
            case "MedicationAdministration" -> "Administration";
            default -> type;
        };
    }
}
