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
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.chartlens.clinical.Allergies;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.RecentResults;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.PatientSummary;
import org.chartlens.ui.common.OrgChips;
import org.chartlens.ui.common.OrgLegend;

/** Name, date of birth and age, sex, identifiers per organization, allergies, source freshness. */
public final class PatientBanner extends HBox {
    /** Older than this, the banner warns that the chart may be out of date. */
    public static final Duration STALE = Duration.ofHours(24);
    private static final double FRESHNESS_MIN_WIDTH = 200;
    private static final double FRESHNESS_MAX_WIDTH = 320;

    public PatientBanner(ChartData d) {
        getStyleClass().add("patient-banner");
        setPadding(new Insets(10, 16, 10, 16));
        setSpacing(20);
        setAlignment(Pos.CENTER_LEFT);
        PatientSummary p = d.model().patient();
        OrgLegend legend = OrgLegend.current();

        Label name = new Label(p.name());
        name.getStyleClass().add("banner-name");
        name.setId("banner-name");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        String dob = p.birthDate().isPresent() ? p.birthDate().dateOnly() : "unknown";
        Label demo = new Label("DOB " + dob + (p.age().isEmpty() ? "" : "  (" + p.age() + ")") + "  ·  "
                + p.sex() + (p.deceased() != null ? "  ·  deceased " + p.deceased() : ""));
        demo.getStyleClass().add("banner-demographics");
        VBox who = new VBox(2, name, demo);
        // A person (issue 14): what the organizations record differently about who this is
        Label differs = demographicDifferences(p, legend);
        if (differs != null) {
            who.getChildren().add(differs);
        }

        // Identifiers are what a clinician checks against a wristband: never cut, never wrapped.
        Label ids = new Label(identifiers(p.identifiers(), legend));
        ids.setId("banner-ids");
        ids.getStyleClass().add("banner-ids");
        ids.setTooltip(new Tooltip(p.identifiers().stream()
                .map(i -> i.label() + ": " + i.value() + " (" + legend.name(i.org()) + ")").collect(Collectors.joining("\n"))));
        ids.setMinWidth(Region.USE_PREF_SIZE);

        // The allergy badge takes the room that is left and wraps; its tooltip has every entry.
        Allergies.Summary summary = Allergies.summarize(d.model().allergies());
        Label allergies = new Label(allergies(summary, unavailable(d)));
        allergies.setId("banner-allergies");
        allergies.getStyleClass().add(allergyStyle(summary, unavailable(d)));
        allergies.setAccessibleText(allergies.getText());
        allergies.setWrapText(true);
        // Allergen lists may wrap; the short statements ("Allergies not recorded") never do.
        allergies.setMinWidth(allergies.getText().length() > 30 ? 180 : Region.USE_PREF_SIZE);
        allergies.setMaxWidth(460);
        HBox.setHgrow(allergies, Priority.SOMETIMES);
        if (!summary.allergens().isEmpty()) {
            allergies.setTooltip(new Tooltip(allergyDetails(summary, legend)));
        }

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label fresh = new Label(freshness(d, Instant.now(), legend));
        fresh.setId("banner-freshness");
        fresh.getStyleClass().add(isStale(d.lastSynced(), Instant.now()) ? "banner-stale" : "banner-fresh");
        fresh.setWrapText(true);
        fresh.setTextAlignment(TextAlignment.RIGHT);
        fresh.setAlignment(Pos.CENTER_RIGHT);
        // Its first line ("Source: demo · synced 3 days ago") stays on one line where it can.
        fresh.setMinWidth(Math.max(FRESHNESS_MIN_WIDTH, Math.min(FRESHNESS_MAX_WIDTH,
                firstLineWidth(fresh.getText()))));
        fresh.setMaxWidth(FRESHNESS_MAX_WIDTH);
        getChildren().addAll(who, ids, allergies);
        Label critical = critical(d.model());
        if (critical != null) {
            getChildren().add(critical);
        }
        Label restricted = RestrictedStrip.badge(d); // issue 18: that there are some, never what
        if (restricted != null) {
            getChildren().add(restricted);
        }
        getChildren().add(grow);
        if (d.isPerson()) {
            getChildren().add(records(d, legend, Instant.now()));
        } else {
            getChildren().add(fresh);
        }
        // In a window narrower than the banner's parts, the banner overflows on its own rather
        // than making the whole chart (tabs, documents) wider than the window.
        setMinWidth(0);
    }

    /**
     * Critical values (issue 16): the latest results and vital signs flagged critical (HH, LL,
     * AA, or beyond a critical limit), in words with symbol and colour; null when there are none.
     */
    static Label critical(org.chartlens.domain.ChartModel m) {
        List<String> items = new java.util.ArrayList<>();
        for (org.chartlens.domain.LabResult r : RecentResults.critical(m.labs())) {
            items.add(r.test().label() + " " + r.value() + (r.unit().isEmpty() ? "" : " " + r.unit())
                    + " (" + r.flag() + ")");
        }
        for (org.chartlens.domain.VitalReading r : RecentResults.criticalVitals(m.vitals())) {
            items.add(r.kind().label() + " " + r.valueText() + " (" + r.assessment().code() + ")");
        }
        if (items.isEmpty()) {
            return null;
        }
        Label l = new Label("‼ Critical: " + String.join("; ", items.subList(0, Math.min(3, items.size())))
                + (items.size() > 3 ? "; +" + (items.size() - 3) + " more" : ""));
        l.setId("banner-critical");
        l.getStyleClass().add("banner-critical");
        l.setWrapText(true);
        l.setMaxWidth(360);
        l.setMinWidth(160);
        l.setAccessibleText(l.getText());
        l.setTooltip(new Tooltip(String.join("\n", items)));
        return l;
    }

    /**
     * One identifier a line, SSN left out; the organization is named only when the identifiers
     * come from more than one (the chart's source is on the right of the banner).
     */
    static String identifiers(List<Identifier> ids) {
        return identifiers(ids, OrgLegend.NONE);
    }

    static String identifiers(List<Identifier> ids, OrgLegend legend) {
        boolean severalOrgs = ids.stream().map(Identifier::org).distinct().count() > 1;
        // the same identifier at several organizations is one line naming them all
        java.util.Map<String, List<String>> orgsOf = new java.util.LinkedHashMap<>();
        for (Identifier i : ids) {
            if (i.label().startsWith("http") && ids.size() != 1 || i.label().contains("Social Security")) {
                continue;
            }
            List<String> orgs = orgsOf.computeIfAbsent(shortLabel(i.label()) + " " + i.value(), k -> new java.util.ArrayList<>());
            if (!orgs.contains(legend.name(i.org()))) {
                orgs.add(legend.name(i.org()));
            }
        }
        return orgsOf.entrySet().stream().map(e -> e.getKey() + (severalOrgs ? "  (" + (legend.isPerson()
                        && e.getValue().size() == legend.orgs().size() ? "all" : String.join(", ", e.getValue())) + ")" : ""))
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

    /** How many allergens the banner names before "+N more". */
    static final int SHOWN_ALLERGENS = 4;

    /**
     * The allergy badge: the allergens (high criticality first), "No known allergies" only when
     * someone recorded that, "Allergies not recorded" when the cache has none (unknown, not none).
     *
     * @param unavailable why the cache cannot have allergies (sync failed, not shared), or null
     */
    static String allergies(Allergies.Summary s, String unavailable) {
        return switch (s.status()) {
            case ALLERGIES -> {
                List<String> names = s.allergens().stream().map(Allergies.Allergen::label).toList();
                String shown = String.join(", ", names.subList(0, Math.min(SHOWN_ALLERGENS, names.size())));
                yield "⚠ Allergies: " + shown
                        + (names.size() > SHOWN_ALLERGENS ? "  +" + (names.size() - SHOWN_ALLERGENS) + " more" : "");
            }
            case NO_KNOWN_ALLERGIES -> s.statement();
            case NONE_CURRENT -> "No current allergies (" + s.inactive() + " inactive or resolved)";
            case NOT_RECORDED -> unavailable == null ? "Allergies not recorded"
                    : "Allergies unknown: " + unavailable;
        };
    }

    static String allergyStyle(Allergies.Summary s, String unavailable) {
        return switch (s.status()) {
            case ALLERGIES -> "banner-allergies";
            case NO_KNOWN_ALLERGIES, NONE_CURRENT -> "banner-nka";
            case NOT_RECORDED -> "banner-allergies-unknown";
        };
    }

    /** One line per current allergen: criticality and reactions. */
    static String allergyDetails(Allergies.Summary s) {
        return allergyDetails(s, OrgLegend.NONE);
    }

    /** One line per current allergen, with the organizations that recorded it in a person's chart. */
    static String allergyDetails(Allergies.Summary s, OrgLegend legend) {
        return s.allergens().stream().map(a -> {
            AllergyEntry e = a.entry();
            String name = a.name().equals(Allergies.UNNAMED) ? e.substance().label() + " (" + Allergies.UNNAMED + ")"
                    : a.name();
            return name + (e.criticality().isEmpty() ? "" : "  ·  criticality " + e.criticality())
                    + (e.reactions().isEmpty() ? "" : "  ·  " + e.reactions())
                    + (legend.isPerson() ? "  ·  recorded at " + legend.names(e.source())
                    + (legend.missing(e.source()).isEmpty() ? "" : " (not at " + legend.missing(e.source()) + ")") : "");
        }).collect(Collectors.joining("\n")) + "\nEvery entry is on the Allergies tab.";
    }

    /** Why the cache holds no allergies for this organization, in words; null when it could. */
    static String unavailable(ChartData d) {
        return d.freshness().stream().filter(f -> "AllergyIntolerance".equals(f.type())).findFirst()
                .map(f -> switch (f.state()) {
                    case "failed" -> "the last sync of allergies failed";
                    case "unsupported" -> OrgLegend.current().name(f.org()) + " does not share allergies";
                    case "not-granted" -> "sign-in did not grant access to allergies";
                    default -> null;
                }).orElse(null);
    }

    /** The first line's width in the banner's bold 13px font (the stale style), plus slack. */
    static double firstLineWidth(String text) {
        Text t = new Text(text.lines().findFirst().orElse(""));
        t.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13));
        return Math.ceil(t.getLayoutBounds().getWidth()) + 4;
    }

    static boolean isStale(Instant lastSynced, Instant now) {
        return lastSynced == null || Duration.between(lastSynced, now).compareTo(STALE) > 0;
    }

    static String freshness(ChartData d, Instant now) {
        return freshness(d, now, OrgLegend.NONE);
    }

    static String freshness(ChartData d, Instant now, OrgLegend legend) {
        String when = d.lastSynced() == null ? "never synced" : "synced " + ago(d.lastSynced(), now);
        String failed = d.freshness().stream().filter(f -> "failed".equals(f.state()))
                .map(f -> f.type()).collect(Collectors.joining(", "));
        return "Source: " + legend.name(d.org()) + " · " + when
                + (isStale(d.lastSynced(), now) ? "\n⚠ may be out of date" : "")
                + (failed.isEmpty() ? "" : "\nLast sync failed for: " + failed);
    }

    /**
     * A person's records (issue 14): one line per record with its organization's chip and when it
     * was last synced, stale ones flagged in words.
     */
    static VBox records(ChartData d, OrgLegend legend, Instant now) {
        VBox box = new VBox(2);
        box.setId("banner-records");
        box.setAlignment(Pos.CENTER_RIGHT);
        for (PatientRef r : d.records()) {
            Instant synced = d.syncedByRecord().get(r);
            Label l = OrgChips.chip(legend, r.org());
            l.setText(legend.name(r.org()) + " · " + (synced == null ? "never synced" : ago(synced, now))
                    + (isStale(synced, now) ? " ⚠ may be out of date" : ""));
            l.getStyleClass().add(isStale(synced, now) ? "banner-stale" : "banner-fresh");
            l.setAccessibleText(l.getText());
            box.getChildren().add(l);
        }
        // undoing a link from the chart itself (the worklist row's menu does the same)
        javafx.scene.control.MenuButton unlink = new javafx.scene.control.MenuButton("Unlink a record…");
        unlink.setId("banner-unlink");
        unlink.getStyleClass().add("flat");
        for (PatientRef r : d.records()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Unlink the record at "
                    + legend.name(r.org()) + " (" + r.id() + ")");
            item.setOnAction(e -> unlink.fireEvent(new UnlinkRequested(r)));
            unlink.getItems().add(item);
        }
        box.getChildren().add(unlink);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** "Recorded as: Ana Rivera (A) · Ana Rivera-Lopez (B)"-style lines, or null when the records agree. */
    static Label demographicDifferences(PatientSummary p, OrgLegend legend) {
        if (p.source() == null || p.source().differences().isEmpty()) {
            return null;
        }
        List<String> lines = new java.util.ArrayList<>();
        boolean serious = false;
        for (org.chartlens.domain.Source.Difference diff : p.source().differences()) {
            boolean identity = diff.field().equals("birth date") || diff.field().equals("sex");
            serious |= identity;
            // the first record's value is the one shown above: name the others and where they come from
            String first = diff.values().get(0).value();
            java.util.Map<String, List<String>> others = new java.util.LinkedHashMap<>();
            for (org.chartlens.domain.Source.OrgValue v : diff.values()) {
                if (!v.value().equals(first)) {
                    others.computeIfAbsent(v.value().isEmpty() ? "(none)" : v.value(), k -> new java.util.ArrayList<>())
                            .add(legend.name(v.org()));
                }
            }
            lines.add((identity ? "⚠ " : "") + (diff.field().equals("name") ? "Also named" : capital(diff.field())
                    + " also recorded as") + ": " + others.entrySet().stream()
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").collect(Collectors.joining("; ")));
        }
        Label l = new Label(String.join("\n", lines));
        l.setTooltip(new Tooltip(p.source().differences().stream().map(d -> d.field() + ": " + d.describe(legend::name))
                .collect(Collectors.joining("\n"))));
        l.setWrapText(true);
        l.setMaxWidth(420);
        l.setId("banner-differences");
        l.getStyleClass().add(serious ? "banner-stale" : "banner-demographics");
        l.setAccessibleText(l.getText());
        return l;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
