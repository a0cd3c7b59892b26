package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Problem;
import org.chartlens.domain.ProblemKind;
import org.chartlens.domain.ProblemList;

/**
 * Conditions -> problem list, each Condition tagged clinical problem, social/situational finding
 * or encounter diagnosis ({@link #kind}). Stateless, thread safe; linear in the number of Conditions.
 */
public final class ProblemLists {
    private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");

    private ProblemLists() {
    }

    public static ProblemList of(ParsedChart chart) {
        List<Problem> active = new ArrayList<>();
        List<Problem> inactive = new ArrayList<>();
        boolean hasProblemList = false;
        for (ResourceTree r : chart.all("Condition")) {
            hasProblemList |= hasCategory(r.node(), "problem-list-item");
        }
        for (ResourceTree r : chart.all("Condition")) {
            Problem p = problem(r, hasProblemList);
            if ("entered-in-error".equals(p.verificationStatus())) {
                continue;
            }
            (p.active() ? active : inactive).add(p);
        }
        Comparator<Problem> newestFirst = Comparator.comparingLong(
                (Problem p) -> p.onset().millisOr(Long.MIN_VALUE)).reversed();
        active.sort(newestFirst);
        inactive.sort(newestFirst);
        return new ProblemList(active, inactive);
    }

    static Problem problem(ResourceTree r) {
        return problem(r, false);
    }

    static Problem problem(ResourceTree r, boolean chartHasProblemList) {
        JsonNode n = r.node();
        String clinical = FhirNodes.code(n.get("clinicalStatus"));
        String verification = FhirNodes.code(n.get("verificationStatus"));
        ChartDate abatement = onsetLike(n, "abatement");
        // No clinical status but an abatement date: resolved in practice (FHIR con-3/con-4).
        boolean active = ACTIVE.contains(clinical) || (clinical.isEmpty() && !abatement.isPresent());
        return new Problem(FhirNodes.coded(n.get("code")), clinical, verification, category(n),
                onsetLike(n, "onset"), abatement, FhirNodes.date(n, "recordedDate"),
                first(FhirNodes.ref(n.get("recorder")), FhirNodes.ref(n.get("asserter"))), active, r.source(),
                kind(n, chartHasProblemList));
    }

    /** SNOMED CT semantic tags of social and situational findings, not disorders. */
    static final Set<String> FINDING_TAGS = Set.of("(finding)", "(situation)", "(social concept)",
            "(event)", "(observable entity)", "(life style)", "(person)", "(environment)",
            "(qualifier value)", "(record artifact)", "(regime/therapy)");

    /**
     * FINDING for SNOMED findings, situations and social concepts and US Core health-concern/SDOH
     * categories; ENCOUNTER_DIAGNOSIS for category encounter-diagnosis where the chart also has
     * problem-list items (where a server sends only encounter diagnoses, as Synthea does, they
     * are the problem list); else PROBLEM (disorders, problem-list items, untagged codes).
     */
    static ProblemKind kind(JsonNode n, boolean chartHasProblemList) {
        if (hasCategory(n, "health-concern") || hasCategory(n, "sdoh")) {
            return ProblemKind.FINDING;
        }
        List<String> displays = new ArrayList<>();
        displays.add(n.path("code").path("text").asText(""));
        for (JsonNode c : n.path("code").path("coding")) {
            displays.add(c.path("display").asText(""));
        }
        for (String d : displays) {
            String t = d.trim().toLowerCase(java.util.Locale.ROOT);
            if (t.endsWith("(disorder)") || t.endsWith("(morphologic abnormality)")) {
                break;
            }
            for (String tag : FINDING_TAGS) {
                if (t.endsWith(tag)) {
                    return ProblemKind.FINDING;
                }
            }
        }
        if (chartHasProblemList && hasCategory(n, "encounter-diagnosis") && !hasCategory(n, "problem-list-item")) {
            return ProblemKind.ENCOUNTER_DIAGNOSIS;
        }
        return ProblemKind.PROBLEM;
    }

    static boolean hasCategory(JsonNode n, String code) {
        for (JsonNode c : n.path("category")) {
            for (JsonNode coding : c.path("coding")) {
                if (code.equals(coding.path("code").asText(""))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Clinical weight for the timeline's label priority: active clinical problems 3, active
     * encounter diagnoses 2, resolved clinical problems 1, findings 0. Higher wins a label.
     */
    public static int clinicalWeight(Problem p) {
        return switch (p.kind()) {
            case PROBLEM -> p.active() ? 3 : 1;
            case ENCOUNTER_DIAGNOSIS -> p.active() ? 2 : 1;
            case FINDING -> 0;
        };
    }

    static String category(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : n.path("category")) {
            String code = FhirNodes.code(c);
            switch (code) {
                case "problem-list-item" -> out.add("Problem list item");
                case "encounter-diagnosis" -> out.add("Encounter diagnosis");
                case "health-concern" -> out.add("Health concern");
                default -> out.add(FhirNodes.coded(c).label());
            }
        }
        return String.join(", ", out);
    }

    /** onset[x] / abatement[x]: dateTime, Period, Age, Range or string, kept as given. */
    static ChartDate onsetLike(JsonNode n, String prefix) {
        if (n.hasNonNull(prefix + "DateTime")) {
            return ChartDates.parse(n.get(prefix + "DateTime").asText());
        }
        JsonNode period = n.get(prefix + "Period");
        if (period != null) {
            return ChartDates.parse(period.path("start").asText(period.path("end").asText("")));
        }
        JsonNode age = n.get(prefix + "Age");
        if (age != null) {
            return new ChartDate("age " + age.path("value").asText() + " "
                    + age.path("unit").asText(""), null, ChartDate.Precision.UNREADABLE);
        }
        if (n.hasNonNull(prefix + "String")) {
            return new ChartDate(n.get(prefix + "String").asText(), null,
                    ChartDate.Precision.UNREADABLE);
        }
        if (n.path(prefix + "Boolean").asBoolean(false)) {
            return new ChartDate("yes (no date)", null, ChartDate.Precision.UNREADABLE);
        }
        return ChartDate.NONE;
    }

    static String first(String... s) {
        for (String x : s) {
            if (x != null && !x.isEmpty()) {
                return x;
            }
        }
        return "";
    }
}
