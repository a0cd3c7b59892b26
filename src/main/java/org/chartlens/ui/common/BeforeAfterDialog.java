package org.chartlens.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.domain.Source;

/**
 * A resource as the reviewer saw it beside what the cache holds now (issue 17), with the elements
 * that changed named above; a new resource is shown alone. Showing it fires
 * {@link RawJsonDialog.Viewed} (audited as a raw-JSON view). FX thread.
 */
public final class BeforeAfterDialog {
    private BeforeAfterDialog() {
    }

    /** The dialog for one new or changed item. */
    public static Dialog<ButtonType> dialog(ReviewDiff.Item item, OrgLegend legend) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(item.kind() == ReviewDiff.Kind.NEW ? "New since your review" : "Changed since your review");
        d.setHeaderText(item.label() + " · " + legend.name(item.org()) + " · " + item.reference());
        BorderPane p = new BorderPane();
        if (item.kind() == ReviewDiff.Kind.NEW) {
            p.setTop(new Label("Arrived after your last review (as the organization sent it, formatted)."));
            p.setCenter(area(item.json(), "after-json"));
        } else {
            List<String> fields = ReviewDiff.changedFields(item.beforeJson(), item.json());
            Label what = new Label(item.beforeJson() == null
                    ? "The version you reviewed was not kept; what the cache holds now is on the right."
                    : "Changed: " + (fields.isEmpty() ? "(formatting only)" : String.join(", ", fields)));
            what.setId("before-after-fields");
            what.setWrapText(true);
            p.setTop(what);
            GridPane g = new GridPane();
            g.setHgap(10);
            g.addRow(0, new Label("When you reviewed"), new Label("Now"));
            TextArea before = area(item.beforeJson() == null ? "" : item.beforeJson(), "before-json");
            TextArea after = area(item.json(), "after-json");
            g.addRow(1, before, after);
            GridPane.setHgrow(before, Priority.ALWAYS);
            GridPane.setHgrow(after, Priority.ALWAYS);
            GridPane.setVgrow(before, Priority.ALWAYS);
            p.setCenter(g);
        }
        d.getDialogPane().setContent(p);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        return d;
    }

    private static TextArea area(String json, String id) {
        TextArea a = new TextArea(json.isEmpty() ? "" : RawJsonDialog.pretty(json));
        a.setEditable(false);
        a.setId(id);
        a.getStyleClass().add("raw-json");
        a.setPrefSize(520, 520);
        return a;
    }

    /** Shows the items of a row's source (each organization's resource that is new or changed). */
    public static void show(Node owner, ReviewDiff diff, Source source, OrgLegend legend) {
        if (source == null) {
            return;
        }
        List<ReviewDiff.Item> items = new ArrayList<>();
        for (Source one : source.all()) {
            ReviewDiff.Item i = diff.item(one.org(), one.type(), one.id());
            if (i != null) {
                items.add(i);
            }
        }
        if (items.isEmpty()) {
            RawJsonDialog.show(owner, source, legend);
            return;
        }
        for (ReviewDiff.Item i : items) {
            show(owner, i, legend);
        }
    }

    /** Shows one item, recording the view. */
    public static void show(Node owner, ReviewDiff.Item item, OrgLegend legend) {
        Dialog<ButtonType> d = dialog(item, legend);
        if (owner != null) {
            owner.fireEvent(new RawJsonDialog.Viewed(new Source(item.org(), item.type(), item.id())));
            if (owner.getScene() != null) {
                d.initOwner(owner.getScene().getWindow());
            }
        }
        d.show();
    }

}
