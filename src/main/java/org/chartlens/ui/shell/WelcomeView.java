package org.chartlens.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.chartlens.connect.Organization;

/**
 * First run: "Open the demo organization" (one click to a chart) and "Add your organization"
 * (the presets, or any FHIR base URL), each with what it requires. Shows a
 * {@link WelcomeViewModel} and forwards the user's actions to it. FX thread.
 */
public final class WelcomeView extends VBox {
    private final Button demo = new Button("Open the demo organization");

    public WelcomeView(WelcomeViewModel vm) {
        setId("welcome");
        // paints its own background: readable in the dark theme whatever it is placed in
        getStyleClass().add("welcome-screen");
        setSpacing(18);
        setPadding(new Insets(40, 60, 40, 60));
        setAlignment(Pos.TOP_LEFT);
        Label title = new Label("Welcome to ChartLens");
        title.getStyleClass().add("welcome-title");
        Label intro = new Label("ChartLens signs in to your organizations' FHIR servers, keeps an encrypted copy of the"
                + " charts you open on this computer, and shows them side by side.");
        intro.setWrapText(true);

        demo.setId("welcome-demo");
        demo.setDefaultButton(true);
        demo.getStyleClass().add("accent");
        demo.disableProperty().bind(vm.demoRunningProperty());
        demo.setOnAction(e -> vm.openDemo());
        Label message = new Label();
        message.textProperty().bind(vm.demoMessageProperty());
        Label demoText = new Label("A built-in demo EHR with synthetic patients (no real people). Needs no account"
                + " and no network: it runs on this computer.");
        demoText.setWrapText(true);
        VBox demoCard = new VBox(10, heading("Try it now"), demoText, demo, message);
        demoCard.getStyleClass().add("welcome-card");

        ListView<Organization> list = new ListView<>();
        list.setId("welcome-presets");
        list.getStyleClass().add("preset-list");
        list.setItems(vm.presets());
        list.setPrefHeight(260);
        list.setAccessibleText("Organization presets");
        list.setCellFactory(lv -> new PresetCell(lv));
        Button addPreset = new Button("Add selected organization");
        addPreset.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        addPreset.setId("welcome-add-preset");
        addPreset.setOnAction(e -> vm.add(list.getSelectionModel().getSelectedItem()));
        // Keyboard: arrows select, Enter adds the selected preset (as the button does).
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                vm.add(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        TextField url = new TextField();
        url.setPromptText("https://fhir.example.org/r4 (any FHIR R4 base URL)");
        url.setPrefColumnCount(36);
        url.setId("welcome-url");
        TextField clientId = new TextField();
        clientId.setPromptText("client id (from your app registration)");
        clientId.setPrefColumnCount(24);
        Button addUrl = new Button("Add");
        addUrl.setOnAction(e -> vm.addAddress(url.getText(), clientId.getText()));
        Label addText = new Label("Each organization requires ChartLens to be registered with it (a client id; some"
                + " also need a secret or a key). The descriptions say what each preset needs.");
        addText.setWrapText(true);
        /* Says what is wrong with the typed address, next to it. */
        Label urlMessage = new Label();
        urlMessage.textProperty().bind(vm.addressMessageProperty());
        VBox addCard = new VBox(10, heading("Add your organization"), addText, list, addPreset,
                new HBox(8, url, clientId, addUrl), urlMessage);
        urlMessage.setId("welcome-url-message");
        urlMessage.getStyleClass().add("status-error");
        urlMessage.setWrapText(true);
        urlMessage.managedProperty().bind(urlMessage.textProperty().isNotEmpty());
        url.textProperty().addListener((o, a, b) -> vm.addressEdited());
        addCard.getStyleClass().add("welcome-card");
        message.setWrapText(true);
        // no empty line under the demo button until there is something to say
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        getChildren().addAll(title, intro, demoCard, addCard);
    }

    /**
     * A preset: its name in bold over its description, which wraps within the list's width so
     * the list never scrolls sideways. The cell reports no preferred width of its own (the
     * list then sizes cells to its viewport) and its height is what the wrapped text needs.
     */
    static final class PresetCell extends ListCell<Organization> {
        private final Label name = new Label();
        private final Label description = new Label();
        private final VBox box = new VBox(2, name, description);

        PresetCell(ListView<Organization> list) {
            name.getStyleClass().add("preset-name");
            description.getStyleClass().add("preset-description");
            description.setWrapText(true);
            name.setWrapText(true);
            box.setPadding(new Insets(6, 0, 6, 0));
            name.setMinWidth(0);
            description.setMinWidth(0);
            box.setMinWidth(0);
            // The text wraps at the list's width less its border, padding and vertical scroll
            // bar; the cell itself asks for no width, so the list never scrolls sideways.
            box.prefWidthProperty().bind(list.widthProperty().subtract(36));
            setPrefWidth(0);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Organization o, boolean empty) {
            super.updateItem(o, empty);
            if (empty || o == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            String d = o.description() == null ? "" : o.description();
            name.setText(o.name());
            description.setText(d);
            description.setVisible(!d.isEmpty());
            description.setManaged(!d.isEmpty());
            setText(o.name());
            setAccessibleText(d.isEmpty() ? o.name() : o.name() + ". " + d);
            setGraphic(box);
        }

        /** The height of the name and the wrapped description at the width they wrap at. */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null || box.getPrefWidth() <= 0) {
                return super.computePrefHeight(width);
            }
            return snappedTopInset() + box.prefHeight(box.getPrefWidth()) + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        Label description() {
            return description;
        }
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    public Button demoButton() {
        return demo;
    }
}
