package org.chartlens.ui.chart;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.ui.common.BeforeAfterDialog;
import org.chartlens.ui.common.OrgLegend;

/**
 * The Summary's "What's new" card (issue 17): what arrived or changed since the reviewer's last
 * review, grouped by organization; each line says New or Changed in words and opens the item
 * (a changed one as before/after). At most {@link #PER_ORGANIZATION} lines per organization; the
 * rest are marked in the tabs. FX thread.
 */
final class WhatsNewSection {
    static final int PER_ORGANIZATION = 12;

    private WhatsNewSection() {
    }

    static VBox of(ReviewDiff diff, OrgLegend legend) {
        String title = diff.describe(ZoneId.systemDefault(), LocalDate.now());
        Label h = new Label("What's new: " + title.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + title.substring(1));
        h.getStyleClass().add("card-title");
        Label sub = new Label("Since " + diff.reviewer() + "'s last review. New and changed items are marked in every tab"
                + " (column \"Since review\").");
        sub.getStyleClass().add("muted");
        sub.setWrapText(true);
        VBox box = new VBox(4, h, sub);
        box.setId("summary-whats-new");
        box.getStyleClass().addAll("card", "whats-new");
        box.setPadding(new Insets(10, 14, 12, 14));
        for (Map.Entry<String, List<ReviewDiff.Item>> e : diff.byOrganization().entrySet()) {
            Label org = new Label(legend.name(e.getKey()) + " (" + e.getValue().size() + ")");
            org.getStyleClass().add("section-heading");
            box.getChildren().add(org);
            for (ReviewDiff.Item i : e.getValue().stream().limit(PER_ORGANIZATION).toList()) {
                box.getChildren().add(line(i, legend));
            }
            if (e.getValue().size() > PER_ORGANIZATION) {
                Label more = new Label("… and " + (e.getValue().size() - PER_ORGANIZATION) + " more, marked in the tabs");
                more.getStyleClass().add("muted");
                box.getChildren().add(more);
            }
        }
        if (diff.removed() > 0) {
            Label gone = new Label(diff.removed() + " item(s) you reviewed are no longer held (removed at the organization)");
            gone.getStyleClass().add("muted");
            box.getChildren().add(gone);
        }
        return box;
    }

    private static HBox line(ReviewDiff.Item i, OrgLegend legend) {
        Label badge = new Label(i.kind() == ReviewDiff.Kind.NEW ? "New" : "Changed");
        badge.getStyleClass().addAll("review-badge", i.kind() == ReviewDiff.Kind.NEW ? "review-badge-new" : "review-badge-changed");
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        String date = i.effective().length() >= 10 ? i.effective().substring(0, 10) : i.effective();
        Label text = new Label(i.label() + " · " + kindOf(i.type()) + (date.isEmpty() ? "" : " · " + date));
        text.getStyleClass().add("card-line");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button open = new Button(i.kind() == ReviewDiff.Kind.CHANGED ? "Before / after" : "Show");
        open.getStyleClass().add("small");
        open.setAccessibleText((i.kind() == ReviewDiff.Kind.CHANGED ? "Before and after of " : "Show ") + i.label());
        open.setOnAction(e -> BeforeAfterDialog.show(open, i, legend));
        HBox row = new HBox(8, badge, text, open);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("whats-new-line");
        return row;
    }

    /** "Problem" for Condition, "Observation" ... in words a clinician uses. */
    static String kindOf(String type) {
        return switch (type) {
            case "Condition" -> "Problem";
            case "MedicationRequest", "MedicationStatement" -> "Medication";
            case "AllergyIntolerance" -> "Allergy";
            case "DiagnosticReport" -> "Report";
            case "DocumentReference" -> "Document";
            case "Patient" -> "Demographics";
            default -> type;
        };
    }
}
