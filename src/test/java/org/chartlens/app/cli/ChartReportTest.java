package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.chartlens.clinical.ChartModels;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code show --labs/--vitals/--meds} on the large demo chart: flags in words, who flagged, one row per medication. */
class ChartReportTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static ChartModel large;

    @BeforeAll
    static void read() {
        large = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.large()), UnitSystem.METRIC, TODAY);
    }

    @Test
    void labsPrintFlagsAsTextWithTheirSourceAndRange() {
        String text = ChartReport.text(large, "demo", ChartReport.Part.LABS);
        assertTrue(text.contains("▲ H High (ChartLens: 0.6–1.2 mg/dL, MSD Manual Consumer Version, table 'Blood Tests')"),
                "a high creatinine says high, ChartLens and the range used");
        assertTrue(text.matches("(?s).*Lab reports \\(\\d+, 2085 results, \\d+ flagged abnormal\\).*"), text.substring(0, 200));
    }

    @Test
    void labsJsonCarriesFlagSourceAndRange() throws Exception {
        JsonNode j = new ObjectMapper().readTree(ChartReport.json(large, "demo", ChartReport.Part.LABS));
        JsonNode high = null;
        for (JsonNode report : j.path("labs")) {
            for (JsonNode r : report.path("results")) {
                if ("2160-0".equals(r.path("code").asText()) && r.path("numeric").asDouble() > 1.2) {
                    high = r;
                }
            }
        }
        assertTrue(high != null, "a high creatinine is listed");
        assertEquals("H", high.path("flag").asText());
        assertEquals("ChartLens", high.path("flagSource").asText());
        assertEquals("0.6–1.2 mg/dL", high.path("range").asText());
        assertFalse(high.path("critical").asBoolean());
    }

    @Test
    void vitalsPrintAndCarryTheirFlags() throws Exception {
        String text = ChartReport.text(large, "demo", ChartReport.Part.VITALS);
        assertTrue(text.contains("(ChartLens: "), "vital signs are judged against a cited interval");
        assertTrue(text.contains("▲ H High") || text.contains("▼ L Low"), "an abnormal vital sign shows a symbol and words");
        JsonNode j = new ObjectMapper().readTree(ChartReport.json(large, "demo", ChartReport.Part.VITALS));
        JsonNode hr = j.path("vitals").path("heart_rate").path(0);
        assertEquals("ChartLens", hr.path("flagSource").asText());
        assertFalse(hr.path("range").asText().isEmpty());
    }

    @Test
    void medsAreOneRowPerMedicationCurrentFirst() throws Exception {
        String text = ChartReport.text(large, "demo", ChartReport.Part.MEDS);
        assertTrue(text.startsWith(large.patient().name()));
        assertTrue(text.contains("Medications (17 medications, "), text.substring(0, 300));
        int lisinopril = text.indexOf("lisinopril");
        int stopped = text.indexOf("Stopped and completed:");
        assertTrue(lisinopril > 0 && (stopped < 0 || lisinopril < stopped), "the current lisinopril is listed first");
        assertTrue(text.contains("[active]  1 dose once a day\n      first 1961-04-25, latest 2026-03-29, 100 orders"),
                text.substring(lisinopril, lisinopril + 200));
        JsonNode j = new ObjectMapper().readTree(ChartReport.json(large, "demo", ChartReport.Part.MEDS));
        assertEquals(17, j.path("medications").size());
        JsonNode first = j.path("medications").path(0);
        assertTrue(first.path("current").asBoolean());
        assertEquals(first.path("orders").asInt(), first.path("entries").size());
    }

    @Test
    void showTakesLabsAndOnlyOnePart() {
        ShowCommand c = new ShowCommand();
        new picocli.CommandLine(c).parseArgs("demo:p1", "--labs", "--json");
        assertTrue(c.which.labs && c.json);
        assertThrowsParse(() -> new picocli.CommandLine(new ShowCommand()).parseArgs("p1", "--labs", "--meds"));
    }

    static void assertThrowsParse(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(picocli.CommandLine.ParameterException.class, r::run,
                "--labs and --meds together are refused");
    }
}
