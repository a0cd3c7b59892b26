package org.chartlens.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import org.chartlens.domain.Source;

/**
 * Shows one resource's raw JSON and where it came from. Showing it fires a {@link Viewed} event
 * from the owner node, which bubbles up to the view that records it in the audit log (the main
 * window's chart tab). FX thread.
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

    public static Dialog<ButtonType> dialog(Source source) {
        return dialog(source, OrgLegend.current());
    }

    /** The dialog naming organizations with {@code legend}. */
    public static Dialog<ButtonType> dialog(Source source, OrgLegend legend) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Raw FHIR JSON");
        BorderPane p;
        if (!source.isMerged()) {
            d.setHeaderText("Source: " + legend.name(source.org()) + " · " + source.reference());
            p = new BorderPane(area(source));
            p.setTop(new Label("Exactly as the organization sent it (formatted)."));
        } else {
            // the same fact at several organizations (issue 14): each one's resource, as sent
            d.setHeaderText("Recorded at " + source.all().size() + " organizations: " + legend.names(source));
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            for (Source one : source.all()) {
                tabs.getTabs().add(new javafx.scene.control.Tab(legend.name(one.org()) + " · " + one.reference(), area(one)));
            }
            p = new BorderPane(tabs);
            String differs = legend.differences(source);
            p.setTop(new Label("Exactly as each organization sent it (formatted)."
                    + (differs.isEmpty() ? "" : "\nThey differ on " + differs)));
        }
        d.getDialogPane().setContent(p);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        return d;
    }

    private static TextArea area(Source source) {
        TextArea area = new TextArea(pretty(source.json()));
        area.setEditable(false);
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
        Dialog<ButtonType> d = dialog(source, legend);
        if (owner != null) {
            owner.fireEvent(new Viewed(source));
        }
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        d.show();
    }
}
