package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.documents.DocumentViewer;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.RealCache;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documents list on the demo patient's real chart (real encrypted cache) at 1400x860: every
 * column readable at a glance, category/format/status above the open document, keyboard and
 * source kept.
 */
class DocumentsTabTest {
    static ChartStore store;
    static ChartData data;

    @BeforeAll
    static void setUp() throws Exception {
        Fx.stage();
        store = RealCache.of(Files.createTempDirectory("chartlens-docs"), Instant.now().minusSeconds(300),
                SyntheaBundles.columbus("Babette571"));
        var p = store.patients().get(0);
        data = ChartQuery.open(store, new PatientRef(p.org(), p.id()), UnitSystem.METRIC, java.time.LocalDate.now());
    }

    /** In a chart view, so the list has the width it has in the app. */
    static DocumentsTab show() throws Exception {
        var p = store.patients().get(0);
        ChartView v = Fx.call(() -> {
            ChartViewModel vm = new ChartViewModel(store, new SameThreadTaskExecutor(), p.org(), p.id());
            vm.dataProperty().set(data);
            return new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, false);
        });
        Fx.show(v);
        Fx.run(() -> v.select("documents"));
        Fx.settle();
        return (DocumentsTab) Fx.call(() -> v.tabContent("documents"));
    }

    @Test
    void everyCellOfTheListIsShownWholeAndNoColumnIsCut() throws Exception {
        DocumentsTab docs = show();
        TableView<DocumentEntry> t = docs.table();
        assertEquals(List.of("Date", "Document", "Author", "Source"),
                Fx.call(() -> t.getColumns().stream().map(TableColumn::getText).toList()));
        List<TableCell<?, ?>> cells = ChartReadabilityTest.cells(t, "Document");
        cells.addAll(ChartReadabilityTest.cells(t, "Author"));
        cells.addAll(ChartReadabilityTest.cells(t, "Source"));
        cells.addAll(ChartReadabilityTest.cells(t, "Date"));
        assertTrue(cells.size() > 20, "rendered rows: " + cells.size());
        for (TableCell<?, ?> c : cells) {
            String painted = Fx.call(() -> ChartReadabilityTest.shownText(c));
            assertEquals(Fx.call(c::getText), painted, "cut in column " + Fx.call(() -> c.getTableColumn().getText()));
            assertFalse(painted.endsWith("…"), painted);
        }
        // Headers whole: every column at least as wide as its header.
        for (TableColumn<DocumentEntry, ?> c : Fx.call(() -> List.copyOf(t.getColumns()))) {
            assertTrue(Fx.call(() -> c.getWidth() + 0.5 >= org.chartlens.ui.common.Tables.headerWidth(c.getText())),
                    c.getText());
        }
        // The list is not squeezed into a sliver by the viewer: no horizontal scrolling needed.
        double columns = Fx.call(() -> t.getColumns().stream().mapToDouble(TableColumn::getWidth).sum());
        assertTrue(Fx.call(() -> columns <= t.getWidth()), columns + " > " + Fx.call(t::getWidth));
    }

    @Test
    void categoryFormatStatusAndSourceAreAboveTheOpenDocument() throws Exception {
        DocumentsTab docs = show();
        DocumentEntry first = Fx.call(() -> docs.table().getItems().get(0));
        assertEquals(first, Fx.call(() -> docs.table().getSelectionModel().getSelectedItem()), "newest is open");
        // the header is laid out with the viewer; on a loaded machine that can take a few pulses
        for (int i = 0; i < 200 && Fx.call(() -> docs.lookup("#document-details")) == null; i++) {
            Thread.sleep(50);
        }
        assertEquals(first.type().label(), Fx.call(() -> ((Label) docs.lookup("#document-title")).getText()));
        String details = Fx.call(() -> ((Label) docs.lookup("#document-details")).getText());
        assertEquals(first.date().display() + "  ·  Clinical Note  ·  " + first.author() + "  ·  " + first.custodian()
                + "  ·  plain text  ·  current  ·  from demo", details);
        assertTrue(Fx.call(() -> docs.viewer().getCenter()) instanceof TextArea);
    }

    @Test
    void arrowKeysMoveThroughTheListAndTheHeaderFollows() throws Exception {
        DocumentsTab docs = show();
        // The key goes to the table as the keyboard would deliver it (not through a window
        // that may not have the focus when other tests have opened theirs).
        Fx.run(() -> {
            docs.table().requestFocus();
            javafx.event.Event.fireEvent(docs.table(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DOWN,
                    false, false, false, false));
        });
        Fx.settle();
        DocumentEntry second = Fx.call(() -> docs.table().getItems().get(1));
        assertEquals(second, Fx.call(() -> docs.table().getSelectionModel().getSelectedItem()));
        String details = Fx.call(() -> ((Label) docs.lookup("#document-details")).getText());
        assertTrue(details.startsWith(second.date().display()) && details.contains("superseded"), details);
        assertFalse(Fx.call(() -> docs.table().getContextMenu().getItems().isEmpty()), "raw JSON and source per row");
    }

    @Test
    void theOpenDocumentsContentIsReadFromTheCacheAndOneThatLeftItIsSaidInWords() throws Exception {
        List<org.chartlens.domain.Source> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        DocumentsTab cached = Fx.call(() -> new DocumentsTab(data.model().documents(), new SameThreadTaskExecutor(), one -> {
            asked.add(one);
            return ChartQuery.resourceJson(store, one, org.chartlens.domain.Disclosure.MASKED);
        }, f -> { }, false));
        Fx.show(cached);
        DocumentEntry first = Fx.call(() -> cached.table().getItems().get(0));
        assertEquals(List.of(first.source()), asked, "the selected document's resource, by name");
        assertTrue(Fx.call(() -> cached.viewer().getCenter()) instanceof TextArea, "its note, decoded from the cached JSON");

        DocumentsTab gone = Fx.call(() -> new DocumentsTab(data.model().documents(), new SameThreadTaskExecutor(),
                one -> java.util.Optional.empty(), f -> { }, false));
        Fx.show(gone);
        String said = Fx.call(() -> ((Label) gone.viewer().getCenter()).getText());
        assertTrue(said.startsWith("This document is no longer in the cache"), said);
    }

    @Test
    void formatsAreNamedInWords() {
        assertEquals("plain text", DocumentViewer.formatName("text/plain"));
        assertEquals("PDF", DocumentViewer.formatName("application/pdf"));
        assertEquals("C-CDA", DocumentViewer.formatName("application/hl7-v3+xml"));
        assertEquals("application/x-unknown", DocumentViewer.formatName("application/x-unknown"));
    }
}
