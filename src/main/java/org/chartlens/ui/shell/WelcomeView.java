package org.chartlens.ui.shell;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.chartlens.connect.Organization;

/**
 * First run: "Open the demo organization" (one click to a chart) and "Add your organization"
 * (the presets, or any FHIR base URL), each with what it requires. FX thread.
 */
public final class WelcomeView extends VBox {
    private final Button demo = new Button("Open the demo organization");
    private final Label message = new Label();

    public WelcomeView(List<Organization> presets, Runnable openDemo, Consumer<Organization> add) {
        setId("welcome");
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
        demo.setOnAction(e -> {
            demo.setDisable(true);
            message.setText("Starting the demo organization, signing in and syncing…");
            openDemo.run();
        });
        Label demoText = new Label("A built-in demo EHR with synthetic patients (no real people). Needs no account"
                + " and no network: it runs on this computer.");
        demoText.setWrapText(true);
        VBox demoCard = new VBox(10, new Label("Try it now"), demoText, demo, message);
        demoCard.getStyleClass().add("welcome-card");

        ListView<Organization> list = new ListView<>();
        list.setId("welcome-presets");
        list.getItems().setAll(presets.stream().filter(o -> o.sandboxProfile() == null || !o.id().equals("demo")).toList());
        list.setPrefHeight(200);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Organization o, boolean empty) {
                super.updateItem(o, empty);
                if (empty || o == null) {
                    setText(null);
                    return;
                }
                setText(o.name() + "\n" + (o.description() == null ? "" : o.description()));
                setWrapText(true);
            }
        });
        Button addPreset = new Button("Add selected organization");
        addPreset.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        addPreset.setOnAction(e -> add.accept(list.getSelectionModel().getSelectedItem()));
        TextField url = new TextField();
        url.setPromptText("https://fhir.example.org/r4 (any FHIR R4 base URL)");
        url.setPrefColumnCount(36);
        url.setId("welcome-url");
        TextField clientId = new TextField();
        clientId.setPromptText("client id (from the organization's app registration)");
        clientId.setPrefColumnCount(22);
        Button addUrl = new Button("Add");
        addUrl.setOnAction(e -> {
            try {
                URI u = URI.create(url.getText().trim().replaceAll("/+$", ""));
                if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getHost().equals("127.0.0.1")
                        || u.getHost().equals("localhost"))) {
                    message.setText("Use an https:// address (http only for this computer).");
                    return;
                }
                String id = u.getHost().replaceAll("[^a-zA-Z0-9]+", "-").toLowerCase();
                add.accept(new Organization(id, u.getHost(), u, Organization.Flow.PKCE,
                        clientId.getText().isBlank() ? null : clientId.getText().trim(),
                        List.of("openid", "fhirUser", "offline_access", "user/*.read"), Set.of(Organization.Quirk.DISCOVERY_REQUIRED),
                        null, false, "Added by you. Needs a client id registered with " + u.getHost() + "."));
            } catch (RuntimeException ex) {
                message.setText("That is not a valid address.");
            }
        });
        Label addText = new Label("Each organization requires ChartLens to be registered with it (a client id; some"
                + " also need a secret or a key). The descriptions say what each preset needs.");
        addText.setWrapText(true);
        VBox addCard = new VBox(10, new Label("Add your organization"), addText, list, addPreset,
                new HBox(8, url, clientId, addUrl));
        addCard.getStyleClass().add("welcome-card");
        message.setWrapText(true);
        getChildren().addAll(title, intro, demoCard, addCard);
    }

    public void failed(String text) {
        message.setText(text);
        demo.setDisable(false);
    }

    public Button demoButton() {
        return demo;
    }
}
