package org.chartlens.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import org.chartlens.domain.Source;

/** Shows one resource's raw JSON and where it came from. FX thread. */
public final class RawJsonDialog {
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
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Raw FHIR JSON");
        d.setHeaderText("Source: " + source.org() + " · " + source.reference());
        TextArea area = new TextArea(pretty(source.json()));
        area.setEditable(false);
        area.getStyleClass().add("raw-json");
        area.setPrefSize(760, 520);
        BorderPane p = new BorderPane(area);
        p.setTop(new Label("Exactly as the organization sent it (formatted)."));
        d.getDialogPane().setContent(p);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        return d;
    }

    public static void show(Node owner, Source source) {
        if (source == null) {
            return;
        }
        Dialog<ButtonType> d = dialog(source);
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        d.show();
    }
}
