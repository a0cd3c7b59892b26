package org.chartlens.ui.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.PatientSummary;

/** Name, date of birth and age, sex, identifiers per organization, allergies, source freshness. */
public final class PatientBanner extends HBox {
    /** Older than this, the banner warns that the chart may be out of date. */
    public static final Duration STALE = Duration.ofHours(24);

    public PatientBanner(ChartData d) {
        getStyleClass().add("patient-banner");
        setPadding(new Insets(10, 16, 10, 16));
        setSpacing(24);
        setAlignment(Pos.CENTER_LEFT);
        PatientSummary p = d.model().patient();

        Label name = new Label(p.name());
        name.getStyleClass().add("banner-name");
        name.setId("banner-name");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        String dob = p.birthDate().isPresent() ? p.birthDate().dateOnly() : "unknown";
        Label demo = new Label("DOB " + dob + (p.age().isEmpty() ? "" : "  (" + p.age() + ")") + "  ·  "
                + p.sex() + (p.deceased() != null ? "  ·  deceased " + p.deceased() : ""));
        demo.getStyleClass().add("banner-demographics");
        VBox who = new VBox(2, name, demo);

        Label ids = new Label(identifiers(p.identifiers()));
        ids.getStyleClass().add("banner-ids");
        ids.setTooltip(new Tooltip(p.identifiers().stream()
                .map(i -> i.label() + ": " + i.value() + " (" + i.org() + ")").collect(Collectors.joining("\n"))));
        ids.setMaxWidth(360);
        ids.setMinWidth(120);

        Label allergies = new Label(allergies(d.model().allergies()));
        allergies.setId("banner-allergies");
        allergies.getStyleClass().add(hasActive(d.model().allergies()) ? "banner-allergies" : "banner-nka");
        allergies.setWrapText(true);
        allergies.setMaxWidth(380);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label fresh = new Label(freshness(d, Instant.now()));
        fresh.setId("banner-freshness");
        fresh.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        fresh.getStyleClass().add(isStale(d.lastSynced(), Instant.now()) ? "banner-stale" : "banner-fresh");
        getChildren().addAll(who, ids, allergies, grow, fresh);
    }

    static boolean hasActive(List<AllergyEntry> a) {
        return a.stream().anyMatch(x -> !"inactive".equals(x.clinicalStatus()) && !"resolved".equals(x.clinicalStatus()));
    }

    static String identifiers(List<Identifier> ids) {
        return ids.stream().filter(i -> !i.label().startsWith("http") || ids.size() == 1)
                .filter(i -> !i.label().contains("Social Security"))
                .map(i -> shortLabel(i.label()) + " " + i.value() + " @" + i.org())
                .collect(Collectors.joining("\n"));
    }

    static String shortLabel(String l) {
        return switch (l) {
            case "Medical Record Number" -> "MRN";
            case "Driver's license number" -> "DL";
            case "Passport Number" -> "Passport";
            default -> l;
        };
    }

    static String allergies(List<AllergyEntry> list) {
        List<String> active = list.stream()
                .filter(x -> !"inactive".equals(x.clinicalStatus()) && !"resolved".equals(x.clinicalStatus()))
                .map(a -> a.substance().label().replace(" (substance)", "").replace(" (organism)", "")
                        .replace(" (finding)", ""))
                .toList();
        if (active.isEmpty()) {
            return list.isEmpty() ? "Allergies: none recorded" : "Allergies: none active";
        }
        String shown = String.join(", ", active.subList(0, Math.min(4, active.size())));
        return "⚠ Allergies: " + shown + (active.size() > 4 ? " +" + (active.size() - 4) + " more" : "");
    }

    static boolean isStale(Instant lastSynced, Instant now) {
        return lastSynced == null || Duration.between(lastSynced, now).compareTo(STALE) > 0;
    }

    static String freshness(ChartData d, Instant now) {
        String when = d.lastSynced() == null ? "never synced" : "synced " + ago(d.lastSynced(), now);
        String failed = d.freshness().stream().filter(f -> "failed".equals(f.state()))
                .map(f -> f.type()).collect(Collectors.joining(", "));
        return "Source: " + d.org() + " · " + when
                + (isStale(d.lastSynced(), now) ? " ⚠ may be out of date" : "")
                + (failed.isEmpty() ? "" : "\nLast sync failed for: " + failed);
    }

    public static String ago(Instant t, Instant now) {
        long min = Duration.between(t, now).toMinutes();
        if (min < 1) {
            return "just now";
        }
        if (min < 60) {
            return min + " min ago";
        }
        if (min < 48 * 60) {
            return (min / 60) + " h ago";
        }
        return (min / 1440) + " days ago";
    }
}
