package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.Problem;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/** Every tab's model, built from the real Synthea bundles. */
class ChartModelsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static ChartModel babette(UnitSystem units) {
        return ChartModels.build(SyntheaBundles.raw(SyntheaBundles.columbus("Babette571")), units, TODAY);
    }

    @Test
    void patientSummaryHasNameBirthAgeSexAndIdentifiers() {
        ChartModel m = babette(UnitSystem.METRIC);
        assertEquals("Babette571 Bernetta267 Bechtelar572", m.patient().name());
        assertEquals("1999-11-23", m.patient().birthDate().display());
        assertEquals("26 y", m.patient().age());
        assertEquals("female", m.patient().sex());
        assertTrue(m.patient().identifiers().stream()
                .anyMatch(i -> i.label().equals("Medical Record Number") && i.org().equals("demo")));
    }

    @Test
    void problemsSplitActiveAndResolvedWithSystemAndDisplay() {
        ChartModel m = babette(UnitSystem.METRIC);
        Problem derm = m.problems().active().stream()
                .filter(p -> "24079001".equals(p.code().code())).findFirst().orElseThrow();
        assertEquals("Atopic dermatitis", derm.code().label());
        assertEquals("SNOMED CT", derm.code().systemName());
        assertEquals("SNOMED CT 24079001", derm.code().codeLabel());
        assertEquals("2008-03-30 05:46", derm.onset().display());
        assertEquals("confirmed", derm.verificationStatus());
        assertEquals("Encounter diagnosis", derm.category());
        assertEquals("demo", derm.source().org());
        Problem asthma = m.problems().inactive().stream()
                .filter(p -> p.code().label().equals("Childhood asthma")).findFirst().orElseThrow();
        assertEquals("resolved", asthma.clinicalStatus());
        assertEquals("2019-04-23", asthma.abatement().dateOnly());
        assertTrue(m.problems().inactive().stream().noneMatch(Problem::active));
    }

    @Test
    void vitalsRecogniseLoincPairBloodPressureAndConvertUnits() {
        ChartModel metric = babette(UnitSystem.METRIC);
        VitalSeries weight = metric.vitals().get(VitalKind.WEIGHT);
        assertEquals("kg", weight.unit());
        assertEquals(65.9, weight.latest().value(), 1e-9);
        assertEquals("2025-01-28 05:46", weight.latest().when().display());

        VitalSeries bp = metric.vitals().get(VitalKind.BLOOD_PRESSURE);
        VitalReading last = bp.latest();
        assertEquals("136/77 mmHg", last.valueText());
        assertEquals(90.0, bp.normalLow());

        ChartModel us = babette(UnitSystem.US);
        assertEquals("lb", us.vitals().get(VitalKind.WEIGHT).unit());
        assertEquals(145.3, us.vitals().get(VitalKind.WEIGHT).latest().value(), 0.05);
        assertEquals("65.9 kg", us.vitals().get(VitalKind.WEIGHT).latest().original());
        VitalSeries temp = us.vitals().get(VitalKind.TEMPERATURE);
        if (temp != null) {
            assertEquals("°F", temp.unit());
            assertTrue(temp.latest().value() > 90);
        }
    }

    @Test
    void timelineHasEncountersAndConditionSpans() {
        ChartModel m = babette(UnitSystem.METRIC);
        List<TimelineItem> enc = m.timeline().lane(TimelineLane.ENCOUNTERS);
        assertTrue(enc.stream().anyMatch(i -> i.label().equals("Prenatal initial visit")
                && i.when().startsWith("2024-11-26")));
        TimelineItem derm = m.timeline().lane(TimelineLane.CONDITIONS).stream()
                .filter(i -> i.label().equals("Atopic dermatitis")).findFirst().orElseThrow();
        assertTrue(derm.ongoing());
        TimelineItem asthma = m.timeline().lane(TimelineLane.CONDITIONS).stream()
                .filter(i -> i.label().equals("Childhood asthma")).findFirst().orElseThrow();
        assertTrue(asthma.end() > asthma.start() + 365L * 24 * 3600 * 1000 * 10);
        for (List<TimelineItem> lane : m.timeline().lanes().values()) {
            for (int i = 1; i < lane.size(); i++) {
                assertTrue(lane.get(i - 1).start() <= lane.get(i).start(), "lanes sorted by start");
            }
        }
    }

    @Test
    void otherTabsCarryRealValues() {
        ChartModel m = babette(UnitSystem.METRIC);
        assertEquals(8, m.allergies().size());
        assertTrue(m.allergies().stream().anyMatch(a -> a.substance().label().equals("Bee venom (substance)")
                && a.clinicalStatus().equals("active") && a.criticality().equals("low")));
        assertFalse(m.medications().isEmpty());
        assertTrue(m.medications().stream().allMatch(x -> x.medication().display() != null));
        assertEquals(8, m.immunizations().size());
        assertEquals(47, m.encounters().size());
        assertTrue(m.encounters().stream().anyMatch(e -> e.type().label().equals("Prenatal initial visit")));
        assertFalse(m.labs().isEmpty());
        assertTrue(m.labs().stream().anyMatch(r -> !r.results().isEmpty()));
        assertEquals(47, m.documents().size());
        assertEquals("text/plain", m.documents().get(0).attachments().get(0).mimeType());
        assertEquals(152, m.claims().size());
        assertTrue(m.claims().stream().anyMatch(c -> c.kind().equals("EOB") && !Double.isNaN(c.billed())));
        assertFalse(m.coverage().isEmpty());
        assertTrue(m.coverage().get(0).derived());
    }

    @Test
    void largeChartBuildsEveryTabCompletely() {
        // Speed is the benchmark's job (docs/performance.md, figure 5); this checks completeness.
        List<RawResource> raw = SyntheaBundles.raw(SyntheaBundles.large());
        ChartModel m = ChartModels.build(raw, UnitSystem.METRIC, TODAY);
        assertTrue(m.vitals().get(VitalKind.WEIGHT).readings().size() > 10);
        assertTrue(m.timeline().size() > 3000);
        assertEquals(302, m.encounters().size());
    }

    @Test
    void brokenAndOddDataNeverThrowAndIsShownAsGiven() {
        List<RawResource> rows = new ArrayList<>();
        rows.add(raw("Patient", "p1", "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"8/27/1930 12:00:00 AM\"}"));
        rows.add(raw("Observation", "o1", "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},"
                + "\"valueQuantity\":{\"value\":70,\"unit\":\"kg\",\"code\":\"kg\"}}"));
        rows.add(raw("Condition", "c1", "{\"resourceType\":\"Condition\",\"id\":\"c1\","
                + "\"code\":{\"coding\":[{\"system\":\"urn:example:local\",\"code\":\"X1\"}]},"
                + "\"onsetDateTime\":\"8/27/1930 12:00:00 AM\"}"));
        rows.add(raw("Condition", "c2", "{\"resourceType\":\"Condition\",\"id\":\"c2\","
                + "\"code\":{\"text\":\"Back pain\"},\"onsetString\":\"childhood\",\"abatementDateTime\":\"2019-04\"}"));
        rows.add(raw("Encounter", "e1", "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"period\":{\"start\":\"not a date\"}}"));
        rows.add(raw("Immunization", "i1", "{\"resourceType\":\"Immunization\",\"id\":\"i1\",\"vaccineCode\":42}"));
        rows.add(raw("Observation", "bad", "{not json"));
        rows.add(raw("Claim", "cl", "[]"));
        ChartModel m = ChartModels.build(rows, UnitSystem.US, TODAY);

        assertEquals("8/27/1930 12:00:00 AM", m.patient().birthDate().display());
        assertEquals("96 y", m.patient().age());
        VitalReading w = m.vitals().get(VitalKind.WEIGHT).readings().get(0);
        assertEquals("", w.when().display());
        assertEquals(154.3, w.value(), 0.05);
        Problem local = m.problems().active().stream().filter(p -> p.source().id().equals("c1"))
                .findFirst().orElseThrow();
        assertEquals("urn:example:local X1", local.code().label());
        assertEquals("8/27/1930 12:00:00 AM", local.onset().display());
        Problem back = m.problems().inactive().get(0);
        assertEquals("Back pain", back.code().label());
        assertEquals("childhood", back.onset().display());
        assertEquals("2019-04", back.abatement().display());
        assertEquals("not a date", m.encounters().get(0).start().display());
        assertEquals("(not coded)", m.immunizations().get(0).vaccine().label());
        assertEquals(2, m.warnings().isEmpty() ? 0 : 2);
        assertTrue(m.timeline().undated() >= 2);
        assertTrue(m.labs().isEmpty());
        assertTrue(m.documents().isEmpty());
    }

    @Test
    void emptyChartGivesEmptyModels() {
        ChartModel m = ChartModels.build(List.of(), UnitSystem.METRIC, TODAY);
        assertEquals("(patient not in cache)", m.patient().name());
        assertTrue(m.problems().isEmpty());
        assertTrue(m.vitals().isEmpty());
        assertTrue(m.timeline().isEmpty());
    }

    static RawResource raw(String type, String id, String json) {
        return new RawResource("demo", type, id, "p1", null, null, null, json);
    }
}
