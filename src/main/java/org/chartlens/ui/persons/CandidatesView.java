package org.chartlens.ui.persons;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chartlens.ui.common.OrgChips;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.port.PersonsPort.Demographics;
import org.chartlens.ui.port.PersonsPort.Proposal;
import org.chartlens.ui.port.PersonsPort.Record;

/**
 * The candidate dialog's content (issue 14): one proposed link at a time, the two records side by
 * side (organization chip and name, names, birth date, sex, identifiers, postal codes, phones),
 * the score and whether it is strong (pre-selected), why they may be one person and where they
 * differ, in words; Link, Not the same person, Later. Linking records that disagree on something
 * asks first ({@link #confirm}). FX thread.
 */
public final class CandidatesView extends BorderPane {
    private final CandidatesViewModel vm;
    private final Supplier<OrgLegend> legend;
    private final VBox body = new VBox(10);
    /** Asks the user to confirm linking records in conflict (tests replace the dialog). */
    private Function<Proposal, Boolean> confirm = CandidatesView::askToLinkAnyway;

    /** @param legend the worklist's organizations (names and colours), read when a proposal shows */
    public CandidatesView(CandidatesViewModel vm, Supplier<OrgLegend> legend, Runnable close) {
        this.vm = vm;
        this.legend = legend;
        setId("candidates");
        getStyleClass().add("candidates");
        setPrefSize(920, 760);
        Label position = new Label();
        position.setId("candidates-position");
        position.getStyleClass().add("card-title");
        position.textProperty().bind(vm.positionProperty());
        Label intro = new Label("ChartLens found records at different organizations that may be the same person. "
                + "Nothing is linked until you choose; every choice is in the audit log, and a link can be undone.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        VBox top = new VBox(4, position, intro);
        top.setPadding(new Insets(14, 16, 8, 16));
        setTop(top);

        body.setPadding(new Insets(4, 16, 8, 16));
        body.setId("candidates-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        Button link = new Button("Link: same person");
        link.setId("candidates-link");
        link.setOnAction(e -> link());
        Button reject = new Button("Not the same person");
        reject.setId("candidates-reject");
        reject.setOnAction(e -> vm.reject());
        Button later = new Button("Later");
        later.setId("candidates-later");
        later.setOnAction(e -> vm.later());
        Button done = new Button("Close");
        done.setId("candidates-close");
        done.setOnAction(e -> close.run());
        done.setCancelButton(true);
        for (Button b : List.of(link, reject, later)) {
            b.disableProperty().bind(vm.currentProperty().isNull().or(vm.busyProperty()));
        }
        Label message = new Label();
        message.setId("candidates-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(8, message, link, reject, later, done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 16, 14, 16));
        for (Button b : List.of(link, reject, later, done)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        setBottom(buttons);
        vm.currentProperty().addListener((o, was, p) -> {
            show(p);
            link.setDefaultButton(p != null && p.preselected());
        });
        show(vm.currentProperty().get());
    }

    private void link() {
        Proposal p = vm.currentProperty().get();
        if (p != null && (!p.needsConfirmation() || confirm.apply(p))) {
            vm.link();
        }
    }

    public CandidatesViewModel viewModel() {
        return vm;
    }

    /** TEST: answers the "link anyway?" question instead of the dialog. */
    public void setConfirm(Function<Proposal, Boolean> answer) {
        confirm = answer;
    }

    /** "These records disagree: ... Link them anyway?" (the difference is kept as a warning on the person). */
    static boolean askToLinkAnyway(Proposal p) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, confirmText(p),
                new ButtonType("Link anyway", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        a.setTitle("Link records that disagree?");
        a.setHeaderText("These records disagree on something important.");
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        return a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    static String confirmText(Proposal p) {
        return String.join("\n", p.conflicts()) + "\n\nLink them anyway? ChartLens keeps this as a warning on the "
                + "person, shown in the worklist and the chart, and the link can be undone.";
    }

    private void show(Proposal p) {
        body.getChildren().clear();
        if (p == null) {
            Label none = new Label(vm.queue().isEmpty() ? "There are no possible matches to review."
                    : "Nothing else to review now. The ones left for later stay in the worklist's count.");
            none.getStyleClass().add("empty-state");
            none.setWrapText(true);
            body.getChildren().add(none);
            return;
        }
        OrgLegend orgs = legend.get();
        Label score = new Label(String.format(java.util.Locale.ROOT, "Match score %.1f", p.score())
                + (p.preselected() ? "  ·  Strong match (pre-selected): a shared identifier and the same birth date"
                : p.needsConfirmation() ? "  ·  Not strong: the records disagree" : "  ·  Not strong: check the details"));
        score.setId("candidates-score");
        score.getStyleClass().add(p.preselected() ? "candidate-strong" : "candidate-weak");
        score.setWrapText(true);
        body.getChildren().addAll(score, sideBySide(p, orgs));
        // what they disagree on first: it is what the user must weigh
        if (!p.conflicts().isEmpty()) {
            body.getChildren().add(list("Where they differ", p.conflicts(), "candidates-conflicts", "⚠ ", "candidate-conflict"));
        }
        body.getChildren().add(list("Why they may be the same person", p.evidence(), "candidates-evidence", "✓ ", null));
    }

    private static Node sideBySide(Proposal p, OrgLegend orgs) {
        GridPane g = new GridPane();
        g.setId("candidates-records");
        g.getStyleClass().add("card");
        g.setHgap(18);
        g.setVgap(6);
        g.setPadding(new Insets(10, 12, 10, 12));
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(42);
        g.getColumnConstraints().addAll(label, half, half);
        g.add(heading(OrgChips.chip(orgs, p.a().ref().org())), 1, 0);
        g.add(heading(OrgChips.chip(orgs, p.b().ref().org())), 2, 0);
        Demographics a = p.demographicsA();
        Demographics b = p.demographicsB();
        row(g, 1, "Name", names(p.a(), a), names(p.b(), b));
        row(g, 2, "Birth date", or(a.birthDate(), p.a().birthDate()), or(b.birthDate(), p.b().birthDate()));
        row(g, 3, "Sex", or(a.sex(), null), or(b.sex(), null));
        marked(g, 2);
        marked(g, 3);
        row(g, 4, "Identifiers", lines(a.identifiers()), lines(b.identifiers()));
        row(g, 5, "Postal code", lines(a.postalCodes()), lines(b.postalCodes()));
        row(g, 6, "Phone", lines(a.phones()), lines(b.phones()));
        row(g, 7, "Record", p.a().ref().id(), p.b().ref().id());
        return g;
    }

    /** Where the two values of a row differ (birth date, sex): both marked "⚠" on the warning colours. */
    private static void marked(GridPane g, int row) {
        List<Label> values = g.getChildren().stream().filter(n -> GridPane.getRowIndex(n) == row
                && GridPane.getColumnIndex(n) > 0).map(Label.class::cast).toList();
        if (values.size() == 2 && !values.get(0).getText().equals(values.get(1).getText())) {
            for (Label v : values) {
                v.setText("⚠ " + v.getText());
                v.getStyleClass().add("candidate-conflict");
            }
        }
    }

    private static Node heading(Label chip) {
        chip.getStyleClass().add("card-title");
        chip.setWrapText(true);
        chip.setMinHeight(Region.USE_PREF_SIZE);
        return chip;
    }

    private static void row(GridPane g, int row, String what, String a, String b) {
        Label l = new Label(what);
        l.getStyleClass().add("muted");
        g.add(l, 0, row);
        g.add(value(a), 1, row);
        g.add(value(b), 2, row);
    }

    private static Label value(String text) {
        Label v = new Label(text);
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        return v;
    }

    private static String names(Record r, Demographics d) {
        return d.names().isEmpty() ? r.name() : String.join("\n", d.names());
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback != null ? fallback : "not recorded";
    }

    private static String lines(List<String> values) {
        return values.isEmpty() ? "not recorded" : String.join("\n", values);
    }

    private static Node list(String title, List<String> items, String id, String mark, String style) {
        VBox box = new VBox(3);
        box.setId(id);
        Label t = new Label(title);
        t.getStyleClass().add("section-heading");
        box.getChildren().add(t);
        for (String item : items) {
            Label l = new Label(mark + item);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            if (style != null) {
                l.getStyleClass().add(style);
            }
            box.getChildren().add(l);
        }
        if (items.isEmpty()) {
            box.getChildren().add(new Label("—"));
        }
        return box;
    }
}
