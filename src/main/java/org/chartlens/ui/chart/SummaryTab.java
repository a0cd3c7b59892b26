package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.chartlens.clinical.Allergies;
import org.chartlens.clinical.RecentResults;
import org.chartlens.clinical.VitalSigns;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.EncounterEntry;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.Problem;
import org.chartlens.domain.ProblemList;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;
import org.chartlens.domain.Source;
import org.chartlens.ui.common.OrgChips;
import org.chartlens.ui.common.OrgLegend;

/**
 * Summary: active clinical problems, current medications, latest vitals still current (with
 * flags), allergies, abnormal recent results (critical first), recent encounters.
 */
public final class SummaryTab extends ScrollPane {
    static final int MAX_LINES = 10;

    public SummaryTab(ChartModel m) {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(14);
        g.setPadding(new Insets(14));
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(c);
        }
        g.add(card("summary-problems", "Active problems", problems(m.problems()),
                "No active problems recorded."), 0, 0);
        g.add(card("summary-medications", "Current medications", currentMeds(m.medicationGroups()),
                "No current medications recorded."), 1, 0);
        VBox vitals = card("summary-vitals", "Latest vital signs", vitals(m), "No vital signs recorded.");
        for (String old : olderVitals(m)) {
            // a reading from years ago is not the patient's current state: said, and set apart
            Label l = new Label(old);
            l.setWrapText(true);
            l.getStyleClass().addAll("card-line", "card-line-old");
            vitals.getChildren().add(l);
        }
        g.add(vitals, 0, 1);
        g.add(card("summary-allergies", "Allergies and intolerances", allergies(m.allergies()),
                "No allergies recorded (this does not mean there are none)."), 1, 1);
        VBox results = results(m);
        g.add(results, 0, 2, 2, 1);
        VBox encounters = card("summary-encounters", "Recent encounters", encounters(m.encounters()),
                "No encounters recorded.");
        g.add(encounters, 0, 3, 2, 1);
        markRestricted(g, m, encounters, vitals);
        OrgLegend legend = OrgLegend.current();
        if (legend.isPerson()) {
            // a person's chart (issue 14): each line names its organizations and their disagreements
            List<Problem> shown = new ArrayList<>(m.problems().activeProblems());
            shown.addAll(m.problems().activeEncounterDiagnoses());
            decorate((VBox) g.getChildren().get(0), shown.stream().map(Problem::source).toList(), legend);
            List<MedicationGroup> current = m.medicationGroups().stream().filter(MedicationGroup::current).toList();
            decorate((VBox) g.getChildren().get(1), current.stream().map(x -> x.orgs()).toList(),
                    current.stream().map(x -> x.statusesDiffer()
                            ? "status: " + new Source.Difference("status", x.statusByOrg()).describe(legend::name) : "").toList(),
                    legend);
            Allergies.Summary as = Allergies.summarize(m.allergies());
            if (as.status() == Allergies.Status.ALLERGIES) {
                decorate((VBox) g.getChildren().get(3), as.allergens().stream().map(a -> a.entry().source()).toList(), legend);
            }
            decorate(encounters, m.encounters().stream().limit(5).map(EncounterEntry::source).toList(), legend);
            decorate(vitals, latestVitals(m, false).stream().map(VitalReading::source).toList(), legend);
            decorate(results, RecentResults.abnormal(m.labs()).stream().limit(MAX_LINES).map(LabResult::source).toList(),
                    legend);
        }
        org.chartlens.clinical.ReviewDiff review = org.chartlens.ui.common.ReviewBadges.current();
        if (org.chartlens.ui.common.ReviewBadges.marks(review)) {
            // issue 17: what arrived or changed since the reviewer's last review, first
            VBox whatsNew = WhatsNewSection.of(review, legend);
            VBox.setMargin(whatsNew, new Insets(14, 14, 0, 14));
            setContent(new VBox(whatsNew, g));
        } else {
            setContent(g);
        }
        setFitToWidth(true);
        getStyleClass().add("summary-tab");
    }

    /**
     * Issue 18: once the glass is broken, each card line from a restricted record ends with its
     * tag ("⚠ 42 CFR Part 2", "⚠ mental health"), as the tables' "Restricted" column does.
     */
    private static void markRestricted(GridPane g, ChartModel m, VBox encounters, VBox vitals) {
        List<Problem> shown = new ArrayList<>(m.problems().activeProblems());
        shown.addAll(m.problems().activeEncounterDiagnoses());
        tag((VBox) g.getChildren().get(0), shown.stream().map(p -> List.of(p.source())).toList());
        tag((VBox) g.getChildren().get(1), m.medicationGroups().stream().filter(MedicationGroup::current)
                .map(x -> x.entries().stream().map(org.chartlens.domain.MedicationEntry::source).toList()).toList());
        Allergies.Summary as = Allergies.summarize(m.allergies());
        if (as.status() == Allergies.Status.ALLERGIES) {
            tag((VBox) g.getChildren().get(3), as.allergens().stream().map(a -> List.of(a.entry().source())).toList());
        }
        tag(encounters, m.encounters().stream().limit(5).map(e -> List.of(e.source())).toList());
        tag(vitals, latestVitals(m, false).stream().map(v -> List.of(v.source())).toList());
    }

    private static void tag(VBox card, List<List<Source>> sources) {
        for (int i = 0; i < sources.size() && i + 1 < card.getChildren().size(); i++) {
            String tag = org.chartlens.ui.common.RestrictedRows.tag(sources.get(i).stream()
                    .filter(java.util.Objects::nonNull).toList());
            if (!tag.isEmpty() && card.getChildren().get(i + 1) instanceof Label line) {
                Label t = new Label(tag);
                t.getStyleClass().add("card-line-restricted");
                line.setGraphic(t);
                line.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                line.setGraphicTextGap(10);
            }
        }
    }

    private static void decorate(VBox card, List<Source> sources, OrgLegend legend) {
        decorate(card, sources.stream().map(x -> x == null ? List.<String>of() : x.orgs()).toList(),
                sources.stream().map(legend::differences).toList(), legend);
    }

    /**
     * Under line i of a card: its organizations as chips and, where they disagree, each one's
     * value (lines past the sources, such as "+ 3 more", are left alone).
     */
    private static void decorate(VBox card, List<List<String>> orgs, List<String> differs, OrgLegend legend) {
        for (int i = 0; i < orgs.size() && i + 1 < card.getChildren().size(); i++) {
            if (!(card.getChildren().get(i + 1) instanceof Label line) || orgs.get(i).isEmpty()) {
                continue;
            }
            javafx.scene.layout.FlowPane under = new javafx.scene.layout.FlowPane(6, 2);
            under.getStyleClass().add("card-line-orgs");
            under.getChildren().add(OrgChips.chips(legend, orgs.get(i)));
            if (!differs.get(i).isEmpty()) {
                Label d = new Label("differ on " + differs.get(i));
                d.setWrapText(true);
                d.getStyleClass().add("card-line-differs");
                under.getChildren().add(d);
            }
            VBox both = new VBox(1, line, under);
            card.getChildren().add(i + 1, both);
        }
    }

    static VBox card(String id, String title, List<String> lines, String empty) {
        Label h = new Label(title);
        h.getStyleClass().add("card-title");
        VBox box = new VBox(4, h);
        box.setId(id);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(10, 14, 12, 14));
        if (lines.isEmpty()) {
            Label l = new Label(empty);
            l.getStyleClass().add("empty-state");
            box.getChildren().add(l);
        }
        for (String s : lines) {
            Label l = new Label(s);
            l.setWrapText(true);
            l.getStyleClass().add("card-line");
            box.getChildren().add(l);
        }
        return box;
    }

    /**
     * Abnormal recent results (latest per test, critical first), each with its flag's symbol and
     * who flagged it; critical lines stand out in the theme's danger colours.
     */
    static VBox results(ChartModel m) {
        List<LabResult> abnormal = RecentResults.abnormal(m.labs());
        List<String> lines = new ArrayList<>();
        for (LabResult r : abnormal) {
            if (lines.size() == MAX_LINES) {
                lines.add("+ " + (abnormal.size() - MAX_LINES) + " more on the Labs tab");
                break;
            }
            lines.add(RecentResults.line(r));
        }
        VBox box = card("summary-results", "Abnormal recent results", lines,
                "No abnormal recent results (flags are the lab's, or ChartLens's where the lab sent none).");
        for (int i = 0; i < lines.size() && i < abnormal.size(); i++) {
            box.getChildren().get(i + 1).getStyleClass().add(abnormal.get(i).isCritical()
                    ? "card-line-critical" : "card-line-abnormal");
        }
        return box;
    }

    /**
     * Active clinical problems (disorders, problem-list items); social and situational findings
     * are counted in a last line, one click away on the Problems tab (issue 16).
     */
    static List<String> problems(ProblemList list) {
        List<Problem> shown = new ArrayList<>(list.activeProblems());
        shown.addAll(list.activeEncounterDiagnoses());
        List<String> out = new ArrayList<>();
        for (Problem p : shown) {
            if (out.size() == MAX_LINES) {
                out.add("+ " + (shown.size() - MAX_LINES) + " more on the Problems tab");
                break;
            }
            out.add(p.code().label() + (p.onset().isPresent() ? "   · since " + p.onset().dateOnly() : ""));
        }
        int findings = list.activeFindings().size();
        if (findings > 0) {
            out.add(findings + (findings == 1 ? " social or situational finding" : " social and situational findings")
                    + " on the Problems tab");
        }
        return out;
    }

    /** Current medications, one line per medication (not per refill), with the dosage in words. */
    static List<String> currentMeds(List<MedicationGroup> groups) {
        List<MedicationGroup> current = groups.stream().filter(MedicationGroup::current).toList();
        List<String> out = new ArrayList<>();
        for (MedicationGroup g : current) {
            if (out.size() == MAX_LINES) {
                out.add("+ " + (current.size() - MAX_LINES) + " more on the Medications tab");
                break;
            }
            out.add(g.medication().label() + (g.dosage().isEmpty() ? "" : "   · " + g.dosage()));
        }
        return out;
    }

    /**
     * Active problems, disorders first: Synthea (and many EHRs) record social and situational
     * findings ("Full-time employment (finding)") as active conditions, and listed in onset order
     * they pushed the patient's diseases below the card's cut. Otherwise the order is kept.
     */
    static List<String> problems(List<Problem> all) {
        List<Problem> active = new ArrayList<>(all.stream().filter(p -> !findingOrSituation(p)).toList());
        active.addAll(all.stream().filter(SummaryTab::findingOrSituation).toList());
        List<String> out = new ArrayList<>();
        for (Problem p : active) {
            if (out.size() == MAX_LINES) {
                out.add("+ " + (active.size() - MAX_LINES) + " more on the Problems tab");
                break;
            }
            out.add(p.code().label() + (p.onset().isPresent() ? "   · since " + p.onset().dateOnly() : ""));
        }
        return out;
    }

    private static boolean findingOrSituation(Problem p) {
        String label = p.code().label();
        return label.endsWith("(finding)") || label.endsWith("(situation)");
    }

    static List<String> meds(List<MedicationEntry> all) {
        List<MedicationEntry> active = all.stream().filter(MedicationEntry::active).toList();
        List<String> out = new ArrayList<>();
        for (MedicationEntry m : active) {
            if (out.size() == MAX_LINES) {
                out.add("+ " + (active.size() - MAX_LINES) + " more on the Medications tab");
                break;
            }
            out.add(m.medication().label() + (m.dosage().isEmpty() ? "" : "   · " + m.dosage()));
        }
        return out;
    }

    /**
     * The allergies as the banner reads them ({@link Allergies#summarize}): current allergens by
     * name, high criticality first, with their reactions; a "no known allergies" statement as
     * stated; entries none of which is current said so. Empty when nothing is recorded (the
     * card's empty text says that is not "none").
     */
    static List<String> allergies(List<AllergyEntry> all) {
        Allergies.Summary s = Allergies.summarize(all);
        return switch (s.status()) {
            case ALLERGIES -> s.allergens().stream().map(a -> a.label()
                    + (a.entry().reactions().isEmpty() ? "" : "   · " + a.entry().reactions())).toList();
            case NO_KNOWN_ALLERGIES -> List.of(s.statement());
            case NONE_CURRENT -> List.of("No current allergies (" + s.inactive() + " inactive or resolved)");
            case NOT_RECORDED -> List.of();
        };
    }

    /** The latest reading of each vital sign, unless it is a year or more older than the newest. */
    static List<String> vitals(ChartModel m) {
        return vitalLines(m, false);
    }

    /** Latest readings a year or more older than the newest vital sign: "(older reading)". */
    static List<String> olderVitals(ChartModel m) {
        return vitalLines(m, true);
    }

    private static List<String> vitalLines(ChartModel m, boolean old) {
        List<String> out = new ArrayList<>();
        for (VitalReading r : latestVitals(m, old)) {
            boolean isOld = old;
            String flag = r.assessment().isAbnormal() ? "   " + r.assessment().display() : "";
            out.add(r.kind().label() + ":  " + r.valueText() + flag + "   · " + r.when().dateOnly()
                    + (isOld ? "   (older reading)" : ""));
        }
        return out;
    }

    /** The latest reading of each vital sign, current ones or (old) those a year or more older than the newest. */
    private static List<VitalReading> latestVitals(ChartModel m, boolean old) {
        List<VitalSeries> all = new ArrayList<>();
        for (VitalKind k : VitalKind.values()) {
            VitalSeries s = m.vitals().get(k);
            if (s != null && s.latest() != null) {
                all.add(s);
            }
        }
        long newest = VitalSigns.newestReading(all);
        java.time.LocalDate birth = m.patient().birthDate().instant() == null ? null
                : m.patient().birthDate().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        // age-bound signs (head circumference) are left out past the age they apply to (issue 16)
        double ageNow = birth == null || newest == Long.MIN_VALUE ? Double.NaN
                : java.time.temporal.ChronoUnit.DAYS.between(birth,
                        java.time.Instant.ofEpochMilli(newest).atZone(java.time.ZoneOffset.UTC).toLocalDate()) / 365.25;
        List<VitalReading> out = new ArrayList<>();
        for (VitalSeries s : all) {
            VitalReading r = s.latest();
            if (!org.chartlens.clinical.VitalRanges.appliesAtAge(s.kind(), ageNow)) {
                continue;
            }
            if (VitalSigns.olderReading(r, newest, birth) == old) {
                out.add(r);
            }
        }
        return out;
    }

    static List<String> encounters(List<EncounterEntry> all) {
        return all.stream().limit(5).map(e -> e.start().dateOnly() + "   " + e.type().label()
                + (e.provider().isEmpty() ? "" : "   · " + e.provider())
                + (e.practitioner().isEmpty() ? "" : "   · " + e.practitioner())).toList();
    }
}
