package org.chartlens.ui.common;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import java.util.function.Function;
import org.chartlens.domain.Source;

/**
 * Organization chips: a coloured square and the organization's name (never the colour alone),
 * for a person's chart (issue 14). FX thread.
 */
public final class OrgChips {
    private OrgChips() {
    }

    /** One chip: swatch + name. */
    public static Label chip(OrgLegend legend, String org) {
        Region swatch = new Region();
        swatch.setMinSize(10, 10);
        swatch.setPrefSize(10, 10);
        swatch.setMaxSize(10, 10);
        swatch.setStyle("-fx-background-color: " + legend.colour(org) + "; -fx-background-radius: 2;");
        Label l = new Label(legend.name(org), swatch);
        l.getStyleClass().add("org-chip");
        l.setAccessibleText("recorded at " + legend.name(org));
        return l;
    }

    /** Chips for each organization, wrapping. */
    public static Node chips(OrgLegend legend, List<String> orgs) {
        FlowPane p = new FlowPane(6, 2);
        p.getStyleClass().add("org-chips");
        for (String o : orgs) {
            p.getChildren().add(chip(legend, o));
        }
        return p;
    }

    /** "Recorded at" from a row's organization ids (rows that stand for several items, such as a medication). */
    public static <T> TableColumn<T, List<String>> orgsColumn(OrgLegend legend, Function<T, List<String>> orgs) {
        TableColumn<T, List<String>> c = new TableColumn<>("Recorded at");
        c.setPrefWidth(210);
        c.setMinWidth(Tables.headerWidth("Recorded at"));
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(orgs.apply(cd.getValue())));
        c.setComparator((a, b) -> String.join(",", a).compareTo(String.join(",", b)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(List<String> os, boolean empty) {
                super.updateItem(os, empty);
                setText(null);
                setGraphic(empty || os == null ? null : chips(legend, os));
                setAccessibleText(empty || os == null ? null
                        : "Recorded at " + String.join(", ", os.stream().map(legend::name).toList()));
            }
        });
        return c;
    }

    /**
     * "Recorded at": each row's organizations as chips; the tooltip adds where they disagree and
     * which of the chart's organizations did not record it. Sorts by the names.
     */
    public static <T> TableColumn<T, Source> column(OrgLegend legend, Function<T, Source> source) {
        TableColumn<T, Source> c = new TableColumn<>("Recorded at");
        c.setPrefWidth(210);
        c.setMinWidth(Tables.headerWidth("Recorded at"));
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(source.apply(cd.getValue())));
        c.setComparator((a, b) -> legend.names(a).compareTo(legend.names(b)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Source s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(null);
                setGraphic(chips(legend, s.orgs()));
                String missing = legend.missing(s);
                String diff = legend.differences(s);
                String tip = "Recorded at " + legend.names(s) + (missing.isEmpty() ? "" : "\nNot recorded at " + missing)
                        + (diff.isEmpty() ? "" : "\nThey differ on " + diff);
                setTooltip(new Tooltip(tip));
                setAccessibleText(tip);
            }
        });
        return c;
    }
}
