package org.chartlens.ui.chart;

import static org.chartlens.ui.common.Tables.date;
import static org.chartlens.ui.common.Tables.wrapped;
import static org.chartlens.ui.common.Tables.withSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import org.chartlens.clinical.Attachments;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.Attachment;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.ui.common.RawJsonDialog;
import org.chartlens.ui.common.ResourceJson;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.documents.DocumentViewer;
import org.chartlens.ui.documents.WebViewSession;

/**
 * Documents: the list, and the selected document's content: plain text as text, HTML and
 * C-CDA sanitised in a locked-down WebView, allow-listed other types (PDF, images) opened with
 * the system viewer only after the user confirms; anything else is not opened. FX thread.
 */
public final class DocumentsTab extends BorderPane {
    /**
     * Fired (bubbling) from the tab when a document was written to the session folder and handed
     * to the system viewer: PHI leaves ChartLens, so the main window records it as an export.
     */
    public static final class OpenedOutside extends javafx.event.Event {
        public static final javafx.event.EventType<OpenedOutside> TYPE =
                new javafx.event.EventType<>(javafx.event.Event.ANY, "DOCUMENT_OPENED_OUTSIDE");
        private final transient org.chartlens.domain.Source source;
        private final String contentType;

        public OpenedOutside(org.chartlens.domain.Source source, String contentType) {
            super(TYPE);
            this.source = source;
            this.contentType = contentType;
        }

        /** The DocumentReference (or other resource) whose attachment was opened. */
        public org.chartlens.domain.Source source() {
            return source;
        }

        /** The attachment's content type ("application/pdf"). */
        public String contentType() {
            return contentType;
        }
    }

    private final TaskExecutor tasks;
    private final ResourceJson json;
    private final Consumer<Path> openOutside;
    private final BorderPane viewer = new BorderPane();
    private final TableView<DocumentEntry> table;
    private final boolean dark;
    private WebView web;

    /** @param json reads a document's JSON (its inline content) from the cache; on {@code tasks} */
    public DocumentsTab(List<DocumentEntry> docs, TaskExecutor tasks, ResourceJson json, Consumer<Path> openOutside,
                        boolean dark) {
        this.tasks = tasks;
        this.json = json;
        this.openOutside = openOutside;
        this.dark = dark;
        table = org.chartlens.ui.common.Tables.table("No documents are recorded for this patient in the cache.");
        table.setId("documents-table");
        // Four columns fit the list's half of the window: the document and author wrap rather
        // than clip; category, format and status are in the header above the open document.
        table.getColumns().add(date("Date", 150, DocumentEntry::date));
        table.getColumns().add(wrapped("Document", 200, DocumentsTab::title));
        table.getColumns().add(wrapped("Author", 200, DocumentEntry::author));
        withSource(table, DocumentEntry::source);
        table.getItems().setAll(docs);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> show(d));
        Label hint = new Label("Select a document to read it here.");
        hint.getStyleClass().add("empty-state");
        viewer.setCenter(hint);
        viewer.setPadding(new Insets(0, 0, 0, 8));
        if (docs.isEmpty()) {
            setCenter(TableTabs.page(table));
            return;
        }
        SplitPane split = new SplitPane(table, viewer);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.48);
        setCenter(split);
        setPadding(new Insets(12));
        table.getSelectionModel().select(0);
    }

    public TableView<DocumentEntry> table() {
        return table;
    }

    public BorderPane viewer() {
        return viewer;
    }

    /** The document column: its type, and a warning when the organization withdrew it. */
    static String title(DocumentEntry d) {
        return d.type().label() + ("entered-in-error".equals(d.status()) ? "  (entered in error)" : "");
    }

    /**
     * The line under the open document's title: date, category, author, organization, format
     * in words, status and where it came from. Parts the document does not have are left out.
     */
    static String details(DocumentEntry d) {
        List<String> parts = new ArrayList<>();
        if (d.date().isPresent()) {
            parts.add(d.date().display());
        }
        for (String s : List.of(d.category(), d.author(), d.custodian())) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        if (!d.attachments().isEmpty()) {
            int more = d.attachments().size() - 1;
            parts.add(DocumentViewer.formatName(d.attachments().get(0).mimeType())
                    + (more > 0 ? " (first of " + (more + 1) + " attachments shown)" : ""));
        }
        if (!d.status().isBlank()) {
            parts.add(d.status().replace('-', ' '));
        }
        parts.add("from " + d.source().org());
        return String.join("  ·  ", parts);
    }

    private void header(DocumentEntry d) {
        Label title = new Label(title(d));
        title.setId("document-title");
        title.getStyleClass().add("section-heading");
        title.setWrapText(true);
        Label details = new Label(details(d));
        details.setId("document-details");
        details.getStyleClass().addAll("muted", "document-details");
        details.setWrapText(true);
        VBox head = new VBox(2, title, details);
        head.setPadding(new Insets(0, 0, 6, 0));
        viewer.setTop(head);
    }

    private void show(DocumentEntry d) {
        if (d == null) {
            return;
        }
        header(d);
        if (d.attachments().isEmpty()) {
            message("This document has no content.");
            return;
        }
        Attachment a = d.attachments().get(0);
        String type = a.mimeType();
        if (!a.inline()) {
            message(a.url() != null ? "The content is stored at the organization (" + type
                    + ") and is not downloaded by ChartLens." : "This document has no content.");
            return;
        }
        tasks.submit(() -> json.read(d.source()).map(j -> Attachments.inlineData(j, a.index())), bytes -> render(d, a, bytes),
                e -> message(e instanceof ChartQuery.RestrictedSinceOpened ? RawJsonDialog.RESTRICTED
                        : "The document content could not be read."));
    }

    /** {@code read} empty: the document is no longer in the cache; inside it empty: no readable content. */
    private void render(DocumentEntry d, Attachment a, Optional<Optional<byte[]>> read) {
        if (read.isEmpty()) {
            message("This document is no longer in the cache: it was removed at the organization or purged after the"
                    + " chart was opened. Sync the chart to see what the organization holds now.");
            return;
        }
        Optional<byte[]> bytes = read.get();
        if (bytes.isEmpty()) {
            message("The document content could not be read.");
            return;
        }
        String type = a.mimeType();
        if (type.equals("text/plain") || type.isEmpty()) {
            // Leading blank lines (Synthea notes start with one) only push the text down.
            TextArea t = new TextArea(DocumentViewer.decode(bytes.get(), a.contentType()).replaceFirst("^(\\s*\\R)+", ""));
            t.setEditable(false);
            t.setWrapText(true);
            t.setId("document-text");
            t.getStyleClass().add("document-text");
            viewer.setCenter(t);
        } else if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            DocumentViewer.showHtml(webView(), DocumentViewer.decode(bytes.get(), a.contentType()), dark);
            viewer.setCenter(web);
        } else if (type.endsWith("xml")) {
            DocumentViewer.showCcda(webView(), DocumentViewer.decode(bytes.get(), a.contentType()), dark);
            viewer.setCenter(web);
        } else if (DocumentViewer.OPEN_OUTSIDE.contains(type)) {
            Button open = new Button("Open with the system viewer…");
            open.setOnAction(e -> confirmAndOpen(d.source(), type, bytes.get()));
            VBox box = new VBox(10, new Label("This " + DocumentViewer.formatName(type)
                    + " document opens outside ChartLens."), open);
            box.setPadding(new Insets(16));
            viewer.setCenter(box);
        } else {
            message("ChartLens does not open " + type + " documents (not on the allow-list). "
                    + "The raw JSON is available from the table's context menu.");
        }
    }

    private WebView webView() {
        if (web == null) {
            web = DocumentViewer.create();
            web.setId("document-web");
        }
        return web;
    }

    private void confirmAndOpen(org.chartlens.domain.Source source, String type, byte[] data) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "Open this " + DocumentViewer.formatName(type) + " document with your computer's viewer? A temporary copy is written"
                        + " to ChartLens' session folder and removed when ChartLens closes.", ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Open outside ChartLens");
        a.initOwner(getScene() == null ? null : getScene().getWindow());
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            try {
                String suffix = switch (type) {
                    case "application/pdf" -> ".pdf";
                    case "image/png" -> ".png";
                    case "image/jpeg" -> ".jpg";
                    case "image/gif" -> ".gif";
                    default -> ".rtf";
                };
                Path f = WebViewSession.get().newFile(suffix);
                Files.write(f, data);
                openOutside.accept(f);
                fireEvent(new OpenedOutside(source, type));
            } catch (Exception e) {
                message("The document could not be written to the session folder.");
            }
        });
    }

    private void message(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("empty-state");
        l.setWrapText(true);
        viewer.setCenter(l);
    }
}
