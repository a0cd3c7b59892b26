package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Problem;
import org.chartlens.domain.ProblemList;

/** Conditions -> problem list. Stateless, thread safe; linear in the number of Conditions. */
public final class ProblemLists {
    private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");

    private ProblemLists() {
    }

    public static ProblemList of(ParsedChart chart) {
        List<Problem> active = new ArrayList<>();
        List<Problem> inactive = new ArrayList<>();
        for (ResourceTree r : chart.all("Condition")) {
            Problem p = problem(r);
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
        JsonNode n = r.node();
        String clinical = FhirNodes.code(n.get("clinicalStatus"));
        String verification = FhirNodes.code(n.get("verificationStatus"));
        ChartDate abatement = onsetLike(n, "abatement");
        // No clinical status but an abatement date: resolved in practice (FHIR con-3/con-4).
        boolean active = ACTIVE.contains(clinical) || (clinical.isEmpty() && !abatement.isPresent());
        return new Problem(FhirNodes.coded(n.get("code")), clinical, verification, category(n),
                onsetLike(n, "onset"), abatement, FhirNodes.date(n, "recordedDate"),
                first(FhirNodes.ref(n.get("recorder")), FhirNodes.ref(n.get("asserter"))), active, r.source());
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
