package org.chartlens.ui.chart;

import java.time.LocalDate;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.chartlens.clinical.ReviewDiff;

/**
 * The banner's review line (issue 17): "3 new, 2 changed since 14 Nov" for this reviewer (or "Not
 * reviewed yet"), who the reviewer is, and "Mark reviewed". FX thread.
 */
final class ReviewStrip extends HBox {
    ReviewStrip(ChartViewModel vm) {
        super(12);
        setId("review-strip");
        getStyleClass().add("review-strip");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 16, 4, 16));
        Label counts = new Label();
        counts.setId("review-counts");
        Label who = new Label();
        who.getStyleClass().add("muted");
        Label message = new Label();
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.reviewMessageProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button mark = new Button("Mark reviewed");
        mark.setId("review-mark");
        mark.setTooltip(new Tooltip("Remember what this chart holds now: next time, what arrives or changes is marked"
                + " new or changed for you"));
        mark.setOnAction(e -> vm.markReviewed());
        getChildren().addAll(counts, who, gap, message, mark);
        Runnable update = () -> {
            ReviewDiff d = vm.reviewProperty().get();
            counts.setText(d.describe(ZoneId.systemDefault(), LocalDate.now()));
            counts.getStyleClass().removeAll("review-news", "muted");
            counts.getStyleClass().add(!d.items().isEmpty() ? "review-news" : "muted");
            who.setText("Reviewer: " + vm.reviewer());
        };
        vm.reviewProperty().addListener((o, a, b) -> update.run());
        update.run();
    }
}
