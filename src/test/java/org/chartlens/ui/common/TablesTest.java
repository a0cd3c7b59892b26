package org.chartlens.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared table cells: what happens to a value that does not fit. Headless. */
class TablesTest {
    static final String LONG = "OHIO ORTHOPEDIC SURGERY INSTITUTE LLC, DEPARTMENT OF HAND AND WRIST SURGERY";
    static final String SHORT = "demo";

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    static TableCell<?, ?> cell(TableView<String> t, String column, String value) throws Exception {
        return Fx.call(() -> t.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .filter(c -> c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible())
                .filter(c -> value.equals(c.getItem())).findFirst().orElseThrow());
    }

    @Test
    void aClippedValueHasItsWholeTextInATooltipAndAShortOneHasNone() throws Exception {
        TableView<String> t = Fx.call(() -> {
            TableView<String> table = Tables.table("Nothing here.");
            TableColumn<String, String> narrow = Tables.text("Provider", 120, s -> s);
            narrow.setMaxWidth(120);
            table.getColumns().add(narrow);
            table.getColumns().add(Tables.text("Rest", 300, s -> ""));
            table.getItems().setAll(List.of(LONG, SHORT));
            return table;
        });
        Fx.show(t);
        TableCell<?, ?> clipped = cell(t, "Provider", LONG);
        assertNotNull(Fx.call(clipped::getTooltip), "the clipped value has a tooltip");
        assertEquals(LONG, Fx.call(() -> clipped.getTooltip().getText()));
        assertEquals(LONG, Fx.call(clipped::getAccessibleText));
        TableCell<?, ?> fits = cell(t, "Provider", SHORT);
        assertNull(Fx.call(fits::getTooltip), "a value that fits needs no tooltip");
        assertEquals(SHORT, Fx.call(fits::getAccessibleText));
    }

    @Test
    void aWrappedValueGrowsItsRowInsteadOfBeingClipped() throws Exception {
        TableView<String> t = Fx.call(() -> {
            TableView<String> table = Tables.table("Nothing here.");
            TableColumn<String, String> narrow = Tables.wrapped("Provider", 160, s -> s);
            narrow.setMaxWidth(160);
            table.getColumns().add(narrow);
            table.getColumns().add(Tables.text("Rest", 300, s -> ""));
            table.getItems().setAll(List.of(LONG, SHORT));
            return table;
        });
        Fx.show(t);
        TableCell<?, ?> tall = cell(t, "Provider", LONG);
        TableCell<?, ?> small = cell(t, "Provider", SHORT);
        assertTrue(Fx.call(() -> tall.getHeight() > 1.8 * small.getHeight() - 1 || tall.getHeight() > 60),
                "the long value's row grew: " + Fx.call(tall::getHeight) + " vs " + Fx.call(small::getHeight));
        assertEquals(LONG, Fx.call(() -> ((javafx.scene.text.Text) tall.lookup(".text")).getText()), "shown whole");
        assertNull(Fx.call(tall::getTooltip), "nothing hidden, so no tooltip");
    }

    @Test
    void aColumnIsNeverNarrowerThanItsHeader() throws Exception {
        TableColumn<String, String> c = Fx.call(() -> Tables.text("Reference range", 40, s -> s));
        assertTrue(c.getMinWidth() >= Tables.headerWidth("Reference range"));
        assertTrue(Tables.headerWidth("Reference range") > Tables.headerWidth("Flag"));
    }
}
