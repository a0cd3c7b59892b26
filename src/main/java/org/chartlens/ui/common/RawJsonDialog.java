package org.chartlens.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.Source;

/**
 * Shows one resource's raw JSON and where it came from. A row's {@link Source} names its resource
 * only, so the dialog reads the JSON from the cache when it opens, on the task executor of the
 * nearest node above the owner that {@link #readFrom} registered (the chart view), and says so
 * plainly when the resource is no longer in the cache. Showing it fires a {@link Viewed} event from
 * the owner node, which bubbles up to the view that records it in the audit log (the main window's
 * chart tab). FX thread.
 */
public final class RawJsonDialog {
    /** Fired (bubbling) from the owner whenever the raw JSON of a resource is shown. */
    public static final class Viewed extends Event {
        public static final EventType<Viewed> TYPE = new EventType<>(Event.ANY, "RAW_JSON_VIEWED");
        private final transient Source source;

        public Viewed(Source source) {
            super(TYPE);
            this.source = source;
        }

        /** The resource shown (organization, type, id). */
        public Source source() {
            return source;
        }
    }

    /** Where the dialog reads resources' JSON: {@code json} called on {@code tasks}. */
    public record Reader(TaskExecutor tasks, ResourceJson json) {
    }

    /** Shown in place of the JSON of a resource the cache no longer holds. */
    static final String GONE = "This resource is no longer in the cache: it was removed at the organization or"
            + " purged after the chart was opened. Sync the chart to see what the organization holds now.";
    static final String FAILED = "The raw JSON could not be read from the cache. Try again once the chart is open.";
    /** Shown in place of the JSON of a resource restricted since the chart was read (issue 18). */
    public static final String RESTRICTED = "This record is restricted now: its organization labelled it (or it was"
            + " found sensitive) after the chart was opened. Open the chart again to see it masked; break the glass"
            + " to see it.";
    static final String UNAVAILABLE = "The raw JSON can be read only from an open chart.";
    static final String READING = "Reading the raw JSON from the cache…";

    private static final String KEY = RawJsonDialog.class.getName() + ".reader";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RawJsonDialog() {
    }

    public static String pretty(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }

    /** Dialogs opened from {@code scope} or any node inside it read the JSON with {@code reader}. */
    public static void readFrom(Node scope, Reader reader) {
        scope.getProperties().put(KEY, reader);
    }

    /** The reader registered on {@code node} or the nearest node above it, or null. */
    static Reader readerFor(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getProperties().get(KEY) instanceof Reader r) {
                return r;
            }
        }
        return null;
    }

    /**
     * The dialog naming organizations with {@code legend}; its JSON is read with {@code reader}
     * (null: none can be read here), one task for every organization's resource.
     */
    public static Dialog<ButtonType> dialog(Source source, OrgLegend legend, Reader reader) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Raw FHIR JSON");
        BorderPane p;
        List<Source> all = source.all();
        List<TextArea> areas = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            areas.add(area());
        }
        if (!source.isMerged()) {
            d.setHeaderText("Source: " + legend.name(source.org()) + " · " + source.reference());
            p = new BorderPane(areas.get(0));
            p.setTop(new Label("Exactly as the organization sent it (formatted), as the cache holds it now."));
        } else {
            // the same fact at several organizations (issue 14): each one's resource, as sent
            d.setHeaderText("Recorded at " + all.size() + " organizations: " + legend.names(source));
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            for (int i = 0; i < all.size(); i++) {
                Source one = all.get(i);
                tabs.getTabs().add(new javafx.scene.control.Tab(legend.name(one.org()) + " · " + one.reference(), areas.get(i)));
            }
            p = new BorderPane(tabs);
            String differs = legend.differences(source);
            p.setTop(new Label("Exactly as each organization sent it (formatted), as the cache holds it now."
                    + (differs.isEmpty() ? "" : "\nThey differ on " + differs)));
        }
        d.getDialogPane().setContent(p);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        read(all, areas, reader);
        return d;
    }

    /** The dialog for a row of {@code owner}: its JSON read with the reader above the owner, if any. */
    public static Dialog<ButtonType> dialog(Node owner, Source source, OrgLegend legend) {
        return dialog(source, legend, owner == null ? null : readerFor(owner));
    }

    private static void read(List<Source> all, List<TextArea> areas, Reader reader) {
        if (reader == null) {
            areas.forEach(a -> say(a, UNAVAILABLE));
            return;
        }
        areas.forEach(a -> say(a, READING));
        reader.tasks().submit(() -> {
            List<Runnable> out = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) {
                TextArea area = areas.get(i);
                try {
                    Optional<String> json = reader.json().read(all.get(i));
                    out.add(json.isPresent() ? json(area, pretty(json.get())) : () -> say(area, GONE));
                } catch (ChartQuery.RestrictedSinceOpened restricted) {
                    out.add(() -> say(area, RESTRICTED));
                }
            }
            return out;
        }, shows -> shows.forEach(Runnable::run), e -> areas.forEach(a -> say(a, FAILED)));
    }

    /** A sentence in place of the JSON, wrapped to the dialog's width. */
    private static void say(TextArea area, String sentence) {
        area.setWrapText(true);
        area.setText(sentence);
    }

    /** The JSON as it is: no wrap, its indentation is its structure (run on the FX thread). */
    private static Runnable json(TextArea area, String pretty) {
        return () -> {
            area.setWrapText(false);
            area.setText(pretty);
        };
    }

    private static TextArea area() {
        TextArea area = new TextArea();
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("raw-json");
        area.setPrefSize(760, 520);
        return area;
    }

    public static void show(Node owner, Source source) {
        show(owner, source, OrgLegend.current());
    }

    public static void show(Node owner, Source source, OrgLegend legend) {
        if (source == null || org.chartlens.domain.Restrictions.isMasked(source)) {
            // a masked placeholder has no resource behind it (issue 18)
            return;
        }
        Dialog<ButtonType> d = dialog(owner, source, legend);
        if (owner != null) {
            owner.fireEvent(new Viewed(source));
        }
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        d.show();
    }
}
