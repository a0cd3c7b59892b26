package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.PersonRecords;
import org.chartlens.domain.UnitSystem;
import org.junit.jupiter.api.Test;

/**
 * {@code show ORG:ID ORG:ID ...} (issue 14): the merged chart prints organizations by name with
 * each item's organizations and disagreements; {@code --json} gives every item a {@code sources}
 * array of organization ids.
 */
class ChartReportPersonTest {
    static final Function<String, String> NAMES = Map.of("clinic", "Riverside Clinic", "hospital", "St. Mary's Hospital",
            "pharmacy", "Corner Pharmacy")::get;

    static ChartData person() {
        PersonRecords s = PersonRecords.threeOrganizations();
        return ChartQuery.openPerson(s, List.of(ChartQuery.resolve(s, "clinic:c-7"), ChartQuery.resolve(s, "hospital:h-42"),
                ChartQuery.resolve(s, "900")), UnitSystem.METRIC, LocalDate.of(2026, 12, 1));
    }

    @Test
    void textNamesEachItemsOrganizationsAndPrintsDisagreementsSideBySide() {
        String out = ChartReport.text(person(), NAMES, ChartReport.Part.SUMMARY);
        assertTrue(out.contains("Records: Riverside Clinic (clinic:c-7), St. Mary's Hospital (hospital:h-42), "
                + "Corner Pharmacy (pharmacy:900)"), out);
        assertTrue(out.contains("Records differ on name: Ana Rivera (Riverside Clinic) · Ana Rivera-Lopez (St. Mary's Hospital)"
                + " · Ana Rivera (Corner Pharmacy)"), out);
        assertTrue(out.contains("Diabetes mellitus type 2  [Riverside Clinic, St. Mary's Hospital]"), out);
        assertTrue(out.contains("differ on onset: 2010-05-01 (Riverside Clinic) · 2012-02-11 (St. Mary's Hospital)"), out);
        assertTrue(out.contains("Metformin 500 MG  [Riverside Clinic, Corner Pharmacy]\n"
                + "      status differs: active (Riverside Clinic) · stopped (Corner Pharmacy)"), out);
        assertTrue(out.contains("Penicillin allergy  [St. Mary's Hospital]"), out);
        assertFalse(out.contains("clinic)") || out.contains(" hospital "), "names, not internal ids: " + out);
    }

    @Test
    void jsonGivesEveryItemItsSourcesAsOrganizationIds() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ChartReport.json(person(), NAMES, ChartReport.Part.ALL));
        int items = 0;
        for (String tab : List.of("problems", "medications", "allergies", "immunizations", "encounters", "documents",
                "coverage", "claims", "labs")) {
            for (JsonNode item : root.path(tab)) {
                assertTrue(item.path("sources").isArray(), tab + " item without sources: " + item);
                items++;
            }
        }
        for (JsonNode series : root.path("vitals")) {
            for (JsonNode r : series) {
                assertTrue(r.path("sources").size() >= 1, r.toString());
                items++;
            }
        }
        assertTrue(items >= 12, "items seen: " + items);
        JsonNode peanut = root.path("allergies").get(0).path("substance").asText().equals("Peanut allergy")
                ? root.path("allergies").get(0) : root.path("allergies").get(1);
        assertEquals("[\"clinic\",\"hospital\",\"pharmacy\"]", peanut.path("sources").toString());
        assertEquals("low", peanut.path("differences").path("criticality").get(2).path("value").asText());
        assertEquals("St. Mary's Hospital", root.path("records").get(1).path("organization").asText());
        assertEquals(3, root.path("patient").path("sources").size());
    }
}
