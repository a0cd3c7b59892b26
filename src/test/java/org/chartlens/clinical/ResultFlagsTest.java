package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Coded;
import org.chartlens.domain.FlagSource;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.ResultFlag;
import org.junit.jupiter.api.Test;

/** Flags from small crafted Observations: the lab wins, then the lab's range, then ChartLens's. */
class ResultFlagsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ResultFlags.Who ADULT_MAN = new ResultFlags.Who(LocalDate.of(1980, 1, 1), "male");
    static final ResultFlags.Who ADULT_WOMAN = new ResultFlags.Who(LocalDate.of(1980, 1, 1), "female");
    static final ResultFlags.Who CHILD_OF_5 = new ResultFlags.Who(LocalDate.of(2015, 1, 1), "female");
    static final ChartDate WHEN = ChartDates.parse("2020-06-01");

    static JsonNode obs(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ResultFlag flag(String loinc, double v, String unit, ResultFlags.Who who) {
        return ResultFlags.assess(obs("{}"), loinc, v, unit, "", WHEN, who);
    }

    @Test
    void theLabsInterpretationWinsOverItsRangeAndOurs() {
        JsonNode n = obs("""
                {"interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"N"}]}],
                 "referenceRange":[{"low":{"value":70,"unit":"mg/dL"},"high":{"value":99,"unit":"mg/dL"}}]}""");
        ResultFlag f = ResultFlags.assess(n, "2345-7", 300, "mg/dL", "", WHEN, ADULT_MAN);
        assertEquals("N", f.code());
        assertEquals(FlagSource.LAB, f.source());
        assertEquals("70–99 mg/dL", f.range());
    }

    @Test
    void labCriticalCodesAreCritical() {
        JsonNode n = obs("{\"interpretation\":[{\"coding\":[{\"code\":\"HH\"}]}]}");
        ResultFlag f = ResultFlags.assess(n, "2823-3", 7.1, "mmol/L", "", WHEN, ADULT_MAN);
        assertTrue(f.critical());
        assertEquals("Critical high", f.words());
        assertEquals("▲!!", f.symbol());
    }

    @Test
    void theLabsRangeIsUsedBeforeOursAndInItsUnit() {
        // Our potassium interval says 3.7–5.2; the lab says 3.5–5.0: the lab's range decides.
        JsonNode n = obs("""
                {"referenceRange":[{"low":{"value":3.5,"code":"mmol/L"},"high":{"value":5.0,"code":"mmol/L"}}]}""");
        ResultFlag f = ResultFlags.assess(n, "2823-3", 5.1, "mmol/L", "", WHEN, ADULT_MAN);
        assertEquals("H", f.code());
        assertEquals(FlagSource.LAB_RANGE, f.source());
        assertEquals(new org.chartlens.domain.ReferenceBand(3.5, 5.0, "mmol/L", "lab"), f.band(), "the chart draws the lab's range");
        // mg/dL glucose against a lab range in mmol/L
        JsonNode g = obs("""
                {"referenceRange":[{"low":{"value":3.9,"code":"mmol/L"},"high":{"value":5.5,"code":"mmol/L"}}]}""");
        assertEquals("H", ResultFlags.assess(g, "2345-7", 126, "mg/dL", "", WHEN, ADULT_MAN).code());
        assertEquals("N", ResultFlags.assess(g, "2345-7", 90, "mg/dL", "", WHEN, ADULT_MAN).code());
    }

    @Test
    void theLabsRangeForTheOtherSexIsNotUsedAndWeDoNotGuess() {
        JsonNode n = obs("""
                {"referenceRange":[{"low":{"value":13.5},"high":{"value":17.5},
                  "appliesTo":[{"coding":[{"system":"http://snomed.info/sct","code":"248153007"}]}]}]}""");
        assertEquals("L", ResultFlags.assess(n, "718-7", 13.0, "g/dL", "", WHEN, ADULT_MAN).code());
        ResultFlag woman = ResultFlags.assess(n, "718-7", 13.0, "g/dL", "", WHEN, ADULT_WOMAN);
        assertEquals("", woman.code());
    }

    @Test
    void aShippedRangeAppliesByAgeAndSex() {
        // Hemoglobin 13.5 g/dL: low for a man (14–17), normal for a woman (12–16), MSD Manual.
        ResultFlag man = flag("718-7", 13.5, "g/dL", ADULT_MAN);
        assertEquals("L", man.code());
        assertEquals(FlagSource.CHARTLENS, man.source());
        assertEquals("14–17 g/dL", man.range());
        assertEquals(14, man.band().low());
        assertEquals(17, man.band().high());
        assertTrue(man.citation().contains("Complete Blood Count"));
        assertEquals("N", flag("718-7", 13.5, "g/dL", ADULT_WOMAN).code());
        // No shipped pediatric chemistry interval: a child's glucose gets no ChartLens flag.
        assertEquals("", flag("2345-7", 250, "mg/dL", CHILD_OF_5).code());
    }

    @Test
    void aChildsHeartRateOf120IsNotFlaggedAnAdultsIs() {
        ResultFlag child = flag("8867-4", 120, "/min", CHILD_OF_5);
        assertEquals("N", child.code());
        assertTrue(child.citation().contains("PALS"));
        assertEquals("60–140 /min", child.range());
        ResultFlag adult = flag("8867-4", 120, "/min", ADULT_MAN);
        assertEquals("H", adult.code());
        assertTrue(adult.citation().contains("MedlinePlus"));
    }

    @Test
    void mmolPerLitreAndMilligramsPerDecilitreCompare() {
        // Glucose 7.0 mmol/L = 126 mg/dL > 110: high; 5.0 mmol/L = 90 mg/dL: normal.
        assertEquals("H", flag("2345-7", 7.0, "mmol/L", ADULT_MAN).code());
        assertEquals("N", flag("2345-7", 5.0, "mmol/L", ADULT_MAN).code());
        // Creatinine 274 umol/L = 3.1 mg/dL: high; 80 umol/L = 0.9 mg/dL: normal.
        assertEquals("H", flag("2160-0", 274, "umol/L", ADULT_MAN).code());
        assertEquals("N", flag("2160-0", 80, "µmol/L", ADULT_MAN).code());
        // Sodium in mEq/L and mmol/L is the same number.
        assertEquals("L", flag("2951-2", 130, "mmol/L", ADULT_MAN).code());
        assertEquals("L", flag("2951-2", 130, "mEq/L", ADULT_MAN).code());
    }

    @Test
    void aValueWhoseUnitCannotBeConvertedIsNotFlagged() {
        // HbA1c in IFCC mmol/mol: ChartLens ships % only, so no flag (shown as sent).
        assertEquals(ResultFlag.NONE, flag("4548-4", 75, "mmol/mol", ADULT_MAN));
        assertEquals(ResultFlag.NONE, flag("2345-7", 300, "{score}", ADULT_MAN));
        assertEquals("H", flag("4548-4", 7.5, "%", ADULT_MAN).code());
    }

    @Test
    void bloodPressureCriticalAndLowAdultAndChild() {
        ResultFlag crisis = VitalRanges.bloodPressure(190, 100, 40, "male");
        assertEquals("HH", crisis.code());
        assertTrue(crisis.critical());
        assertEquals("L", VitalRanges.bloodPressure(50, 58, 40, "male").code());
        assertEquals("N", VitalRanges.bloodPressure(112, 70, 40, "male").code());
        // A 5-year-old: PALS hypotension is systolic < 70 + 2 x 5 = 80.
        assertEquals("L", VitalRanges.bloodPressure(76, 50, 5.5, "female").code());
        assertEquals("N", VitalRanges.bloodPressure(95, 55, 5.5, "female").code());
    }

    @Test
    void qualitativeUrineTests() {
        assertEquals("A", ResultFlags.shipped("2514-8", Double.NaN, "", "Urine ketone test = trace (finding)", 40, "female").code());
        assertEquals("N", ResultFlags.shipped("2514-8", Double.NaN, "", "Urine ketone test negative (finding)", 40, "female").code());
        assertEquals("", ResultFlags.shipped("5770-3", Double.NaN, "", "Finding of bilirubin in urine (finding)", 40, "female").code());
    }

    @Test
    void aSeriesWithMixedUnitsIsOneScaleAndDropsWhatCannotConvert() {
        List<RawResource> raw = List.of(
                glucose("a", "2020-01-01", 100, "mg/dL"),
                glucose("b", "2021-01-01", 7.0, "mmol/L"),
                glucose("c", "2022-01-01", 9, "{score}"),
                glucose("d", "2023-01-01", 5.5, "mmol/L"));
        ParsedChart chart = ParsedChart.of(raw);
        List<LabReport> reports = LabResults.of(chart);
        List<LabResult> trend = LabResults.trendInOneUnit(reports,
                new Coded("LOINC", "http://loinc.org", "2345-7", "Glucose"));
        assertEquals(3, trend.size());
        assertTrue(trend.stream().allMatch(r -> r.unit().equals("mmol/L")));
        assertEquals(100 * 0.0555, trend.get(0).numeric(), 1e-9);
        assertEquals(7.0, trend.get(1).numeric(), 1e-9);
        assertFalse(trend.stream().anyMatch(r -> r.source().id().equals("c")));
    }

    static RawResource glucose(String id, String date, double v, String unit) {
        String json = """
                {"resourceType":"Observation","id":"%s","status":"final",
                 "category":[{"coding":[{"code":"laboratory"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"2345-7","display":"Glucose"}]},
                 "effectiveDateTime":"%s","valueQuantity":{"value":%s,"unit":"%s","code":"%s"}}"""
                .formatted(id, date, v, unit, unit);
        return new RawResource("demo", "Observation", id, "p", date, "final", "2345-7", json);
    }
}
