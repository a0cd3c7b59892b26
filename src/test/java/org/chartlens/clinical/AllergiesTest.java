package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.clinical.Allergies.Allergen;
import org.chartlens.clinical.Allergies.Status;
import org.chartlens.clinical.Allergies.Summary;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/** What the banner says about allergies, from real Synthea charts and hand-written FHIR. */
class AllergiesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static List<AllergyEntry> allergies(String... allergyJson) {
        List<RawResource> rows = new ArrayList<>();
        rows.add(new RawResource("clinic", "Patient", "p1", "p1", null, null, null,
                "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Doe\",\"given\":[\"Sam\"]}]}"));
        for (int i = 0; i < allergyJson.length; i++) {
            rows.add(new RawResource("clinic", "AllergyIntolerance", "a" + i, "p1", null, null, null,
                    "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"a" + i + "\"," + allergyJson[i] + "}"));
        }
        return ChartModels.build(rows, UnitSystem.METRIC, TODAY).allergies();
    }

    static String snomed(String code, String display) {
        return "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + code + "\",\"display\":\""
                + display + "\"}],\"text\":\"" + display + "\"}";
    }

    static String status(String clinical) {
        return "\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical\","
                + "\"code\":\"" + clinical + "\"}]}";
    }

    @Test
    void theDemoPatientsAllergensAreNamedAndTheGenericFindingIsLeftOut() {
        List<AllergyEntry> all = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.columbus("Babette571")),
                UnitSystem.METRIC, TODAY).allergies();
        assertTrue(all.stream().anyMatch(a -> a.substance().label().startsWith("Allergy to substance")),
                "the fixture really has Synthea's generic finding");
        Summary s = Allergies.summarize(all);
        assertEquals(Status.ALLERGIES, s.status());
        List<String> names = s.allergens().stream().map(Allergen::name).toList();
        assertEquals(7, names.size(), names.toString());
        assertTrue(names.containsAll(List.of("Bee venom", "Mold", "House dust mite", "Animal dander", "Grass pollen",
                "Tree pollen", "Soy bean")), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains("Allergy to substance") || n.contains("(")), names.toString());
    }

    @Test
    void aChartWithoutAllergyRecordsIsNotRecordedNotNoKnownAllergies() {
        List<AllergyEntry> none = ChartModels.build(SyntheaBundles.raw(SyntheaBundles.large()), UnitSystem.METRIC, TODAY)
                .allergies();
        assertTrue(none.isEmpty());
        assertEquals(Status.NOT_RECORDED, Allergies.summarize(none).status());
    }

    @Test
    void aNoKnownAllergyStatementIsNoKnownAllergies() {
        Summary s = Allergies.summarize(allergies(status("active") + "," + snomed("716186003", "No known allergy (situation)")));
        assertEquals(Status.NO_KNOWN_ALLERGIES, s.status());
        assertEquals("No known allergies", s.statement());
        Summary drugs = Allergies.summarize(allergies(snomed("409137002", "No known drug allergy (situation)")));
        assertEquals(Status.NO_KNOWN_ALLERGIES, drugs.status());
        assertEquals("No known drug allergy", drugs.statement(), "only drugs were stated: not all allergies");
    }

    @Test
    void aRecordedAllergyWinsOverAnOlderNoKnownAllergyStatement() {
        Summary s = Allergies.summarize(allergies(snomed("716186003", "No known allergy (situation)"),
                status("active") + "," + snomed("91936005", "Allergy to penicillin (finding)")));
        assertEquals(Status.ALLERGIES, s.status());
        assertEquals(List.of("Allergy to penicillin"), s.allergens().stream().map(Allergen::name).toList());
    }

    @Test
    void highCriticalityComesFirstAndSaysSo() {
        Summary s = Allergies.summarize(allergies(
                status("active") + ",\"criticality\":\"low\"," + snomed("256277009", "Grass pollen (substance)"),
                status("active") + ",\"criticality\":\"high\"," + snomed("762952008", "Peanut (substance)")));
        assertEquals(List.of("Peanut (high criticality)", "Grass pollen"),
                s.allergens().stream().map(Allergen::label).toList());
    }

    @Test
    void onlyAGenericFindingStillSaysAnAllergyIsOnRecord() {
        Summary s = Allergies.summarize(allergies(status("active") + "," + snomed("419199007", "Allergy to substance (finding)")));
        assertEquals(Status.ALLERGIES, s.status());
        assertEquals(List.of(Allergies.UNNAMED), s.allergens().stream().map(Allergen::name).toList());
    }

    @Test
    void theReactionSubstanceNamesTheAllergenWhenTheCodeIsGeneric() {
        List<AllergyEntry> a = allergies(status("active") + "," + snomed("419199007", "Allergy to substance (finding)")
                + ",\"reaction\":[{\"substance\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"227493005\","
                + "\"display\":\"Cashew nut (substance)\"}]}}]");
        assertEquals("Cashew nut (substance)", a.get(0).substance().label(), "the Allergies tab names it too");
        assertEquals(List.of("Cashew nut"), Allergies.summarize(a).allergens().stream().map(Allergen::name).toList());
    }

    @Test
    void resolvedRefutedAndEnteredInErrorAreNotCurrent() {
        Summary s = Allergies.summarize(allergies(
                status("resolved") + "," + snomed("762952008", "Peanut (substance)"),
                "\"verificationStatus\":{\"coding\":[{\"code\":\"refuted\"}]}," + snomed("91936005", "Allergy to penicillin (finding)"),
                "\"verificationStatus\":{\"coding\":[{\"code\":\"entered-in-error\"}]}," + snomed("300916003", "Latex allergy (finding)")));
        assertEquals(Status.NONE_CURRENT, s.status());
        assertEquals(3, s.inactive());
    }
}
