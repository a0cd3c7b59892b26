package org.chartlens.ui.chart;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chartlens.clinical.ChartData;
import org.chartlens.domain.HiddenRecord;
import org.chartlens.domain.Restrictions;

/**
 * What a chart says about its restricted records (issue 18, decision 0701), never their content:
 * the strip under the banner (hidden: one line per organization and reason and "Break the
 * glass…"; shown: who may see what, until when, the 42 CFR 2.32 notice and "Hide again"), the
 * banner's badge, and each tab's masked rows. FX thread.
 */
final class RestrictedStrip {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    /** The resource types each tab shows (the summary has the strip right above it). */
    static final java.util.Map<String, Set<String>> TAB_TYPES = java.util.Map.ofEntries(
            java.util.Map.entry("problems", Set.of("Condition")),
            java.util.Map.entry("vitals", Set.of("Observation")),
            java.util.Map.entry("labs", Set.of("Observation", "DiagnosticReport")),
            java.util.Map.entry("medications", Set.of("MedicationRequest", "MedicationStatement", "MedicationDispense",
                    "MedicationAdministration")),
            java.util.Map.entry("allergies", Set.of("AllergyIntolerance")),
            java.util.Map.entry("immunizations", Set.of("Immunization")),
            java.util.Map.entry("encounters", Set.of("Encounter")),
            java.util.Map.entry("documents", Set.of("DocumentReference")),
            java.util.Map.entry("claims", Set.of("Claim", "ExplanationOfBenefit", "Coverage")));

    private RestrictedStrip() {
    }

    /** The strip under the banner, or null when the chart has no restricted record. */
    static Node strip(ChartData d, ChartViewModel.BrokenGlass glass, Function<String, String> names,
                      Runnable onBreak, Runnable onEnd) {
        Restrictions r = d.restrictions();
        if (!r.any()) {
            return null;
        }
        VBox lines = new VBox(2);
        Button action;
        BorderPane strip = new BorderPane();
        strip.setId("restricted-strip");
        if (r.masked()) {
            strip.getStyleClass().add("restricted-strip");
            for (String line : r.summary(r.records(), names)) {
                lines.getChildren().add(line(line, "restricted-line"));
            }
            action = new Button("Break the glass…");
            action.setId("break-glass");
            action.setOnAction(e -> onBreak.run());
        } else {
            strip.getStyleClass().add("restricted-strip-shown");
            String until = glass == null || glass.until() == null ? "until this chart is closed or ChartLens locks"
                    : "until " + TIME.format(glass.until());
            lines.getChildren().add(line("⚠ Restricted records shown" + (glass == null ? "" : " · glass broken: "
                    + glass.reason().describe()) + " · " + until + " · recorded in the audit log", "restricted-shown-title"));
            for (String line : r.summary(r.records(), names)) {
                lines.getChildren().add(line(line, "restricted-line"));
            }
            if (r.part2()) {
                Label notice = line("42 CFR 2.32: " + Restrictions.PART2_NOTICE, "restricted-notice");
                notice.setId("part2-notice");
                lines.getChildren().add(notice);
            }
            action = new Button("Hide again");
            action.setId("end-glass");
            action.setOnAction(e -> onEnd.run());
        }
        strip.setCenter(lines);
        BorderPane.setAlignment(action, Pos.CENTER_RIGHT);
        BorderPane.setMargin(action, new Insets(0, 0, 0, 12));
        strip.setRight(action);
        return strip;
    }

    /** The banner's badge: that this person has restricted records, without content; null when none. */
    static Label badge(ChartData d) {
        Restrictions r = d.restrictions();
        if (!r.any()) {
            return null;
        }
        Label l = new Label(r.masked() ? Restrictions.line(r.count(), false) : "⚠ " + Restrictions.line(r.count(), true));
        l.setId("banner-restricted");
        l.getStyleClass().add(r.masked() ? "banner-restricted" : "banner-restricted-shown");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * A tab's content with its masked rows on top (one per hidden record of the tab's types: date,
     * organization, reason) or, once shown, a line saying which of its rows are restricted.
     */
    static Node tab(String name, Node content, ChartData d, Function<String, String> names) {
        Restrictions r = d.restrictions();
        Set<String> types = TAB_TYPES.get(name);
        if (!r.any() || types == null) {
            return content;
        }
        List<HiddenRecord> mine = r.ofTypes(types);
        if (mine.isEmpty()) {
            return content;
        }
        VBox rows = new VBox();
        rows.setId("masked-rows-" + name);
        if (r.masked()) {
            int shown = 0;
            for (HiddenRecord h : mine) {
                if (shown++ == 6) {
                    rows.getChildren().add(line("… and " + (mine.size() - 6) + " more restricted records hidden",
                            "masked-row"));
                    break;
                }
                rows.getChildren().add(line(Restrictions.line(1, false) + (h.when().isPresent()
                        ? " · " + h.when().dateOnly() : "") + " · from " + names.apply(h.org()) + " · reason: "
                        + h.why().reason(), "masked-row"));
            }
        } else {
            rows.getChildren().add(line("⚠ " + Restrictions.line(mine.size(), true) + " in this tab (glass broken)"
                    + (mine.stream().anyMatch(h -> h.why().part2()) ? " · " + Restrictions.PART2_NOTICE : ""),
                    "restricted-strip-shown"));
        }
        for (Node n : rows.getChildren()) {
            ((Label) n).setMaxWidth(Double.MAX_VALUE);
        }
        VBox box = new VBox(rows, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static Label line(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }
}
