package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Problem;
import org.chartlens.domain.Source;
import org.chartlens.domain.TimelineLane;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalKind;
import org.chartlens.domain.VitalReading;
import org.junit.jupiter.api.Test;

/**
 * A person's chart from crafted records at three organizations (issue 14): the same fact is one
 * item with several sources, disagreements keep every organization's value, series are merged
 * with each point's source, and a single record is exactly its own chart.
 */
class PersonChartsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final PatientRef CLINIC = new PatientRef("clinic", "c-7");
    static final PatientRef HOSPITAL = new PatientRef("hospital", "h-42");
    static final PatientRef PHARMACY = new PatientRef("pharmacy", "900");

    static PersonRecords records() {
        return PersonRecords.threeOrganizations();
    }

    static ChartModel person(PersonRecords s, PatientRef... refs) {
        return ChartQuery.openPerson(s, List.of(refs), UnitSystem.METRIC, TODAY).model();
    }

    static <T> T only(List<T> items, Function<T, String> label, String text) {
        List<T> found = items.stream().filter(i -> label.apply(i).equals(text)).toList();
        assertEquals(1, found.size(), text + " in " + items.stream().map(label).toList());
        return found.get(0);
    }

    @Test
    void theSameConditionAtTwoOrganizationsIsOneProblemWithBothSourcesAndBothOnsets() {
        ChartModel m = person(records(), CLINIC, HOSPITAL, PHARMACY);
        assertEquals(2, m.problems().active().size());
        Problem dm = only(m.problems().active(), p -> p.code().code(), "44054006");
        assertEquals(List.of("clinic", "hospital"), dm.source().orgs());
        Source.Difference onset = dm.source().difference("onset");
        assertNotNull(onset, "different onsets are kept, not picked");
        assertEquals(List.of(new Source.OrgValue("clinic", "2010-05-01"), new Source.OrgValue("hospital", "2012-02-11")),
                onset.values());
        assertNull(dm.source().difference("status"));
        Problem htn = only(m.problems().active(), p -> p.code().code(), "38341003");
        assertEquals(List.of("hospital"), htn.source().orgs());
        assertFalse(htn.source().isMerged());
    }

    @Test
    void aMedicationActiveAtOneOrganizationAndStoppedAtAnotherShowsBothStatuses() {
        ChartModel m = person(records(), CLINIC, HOSPITAL, PHARMACY);
        assertEquals(2, m.medications().size());
        var metformin = only(m.medications(), x -> x.medication().code(), "860975");
        assertEquals(List.of("clinic", "pharmacy"), metformin.source().orgs());
        assertEquals(List.of(new Source.OrgValue("clinic", "active"), new Source.OrgValue("pharmacy", "stopped")),
                metformin.source().difference("status").values());
        MedicationGroup g = only(m.medicationGroups(), x -> x.medication().code(), "860975");
        assertTrue(g.statusesDiffer());
        assertEquals(List.of("clinic", "pharmacy"), g.orgs());
        assertEquals(List.of(new Source.OrgValue("clinic", "active"), new Source.OrgValue("pharmacy", "stopped")),
                g.statusByOrg());
        MedicationGroup lis = only(m.medicationGroups(), x -> x.medication().code(), "314076");
        assertFalse(lis.statusesDiffer());
        assertEquals(List.of("hospital"), lis.orgs());
    }

    @Test
    void allergiesAcrossAllOrganizationsOneItemPerSubstanceWithDifferingCriticality() {
        ChartModel m = person(records(), CLINIC, HOSPITAL, PHARMACY);
        assertEquals(2, m.allergies().size());
        AllergyEntry peanut = only(m.allergies(), a -> a.substance().code(), "91935009");
        assertEquals(List.of("clinic", "hospital", "pharmacy"), peanut.source().orgs());
        assertEquals(List.of(new Source.OrgValue("clinic", "high"), new Source.OrgValue("hospital", "high"),
                new Source.OrgValue("pharmacy", "low")), peanut.source().difference("criticality").values());
        AllergyEntry penicillin = only(m.allergies(), a -> a.substance().code(), "91936005");
        assertEquals(List.of("hospital"), penicillin.source().orgs(), "recorded at one organization only");
    }

    @Test
    void vitalAndLabSeriesAreOneSeriesWithEachPointsSources() {
        ChartModel m = person(records(), CLINIC, HOSPITAL, PHARMACY);
        List<VitalReading> w = m.vitals().get(VitalKind.WEIGHT).readings();
        assertEquals(4, w.size(), "six readings, two taken at the same minute at both");
        assertEquals(List.of("clinic", "hospital"), w.get(0).source().orgs());
        assertTrue(w.get(0).source().differences().isEmpty());
        assertEquals(List.of("clinic", "hospital"), w.get(1).source().orgs());
        assertEquals("value", w.get(1).source().differences().get(0).field());
        assertEquals("71 kg (clinic) · 72.5 kg (hospital)", w.get(1).source().differences().get(0).describe(o -> o));
        assertEquals(List.of("clinic"), w.get(2).source().orgs());
        assertEquals(List.of("hospital"), w.get(3).source().orgs());
        List<LabResult> a1c = LabResults.trend(m.labs(), m.labs().stream().flatMap(r -> r.results().stream())
                .filter(r -> "4548-4".equals(r.test().code())).findFirst().orElseThrow().test());
        assertEquals(2, a1c.size());
        assertEquals(List.of("clinic", "hospital"), a1c.get(0).source().orgs());
        assertEquals(List.of("clinic"), a1c.get(1).source().orgs());
    }

    @Test
    void theSameBusinessIdentifierJoinsItemsCodedDifferently() {
        ChartModel m = person(records(), CLINIC, HOSPITAL, PHARMACY);
        assertEquals(1, m.immunizations().size());
        var flu = m.immunizations().get(0);
        assertEquals(List.of("clinic", "hospital"), flu.source().orgs());
        assertEquals(List.of(new Source.OrgValue("clinic", "2023-10-01"), new Source.OrgValue("hospital", "2023-10-02")),
                flu.source().difference("date").values());
        assertEquals(1, m.timeline().lane(TimelineLane.IMMUNIZATIONS).size());
        assertEquals(List.of("clinic", "hospital"), m.timeline().lane(TimelineLane.IMMUNIZATIONS).get(0).source().orgs());
    }

    @Test
    void theBannerHasEveryOrganizationsNameAndIdentifiers() {
        ChartModel m = person(records(), CLINIC, HOSPITAL, PHARMACY);
        Source.Difference names = m.patient().source().difference("name");
        assertNotNull(names);
        assertEquals(List.of("Ana Rivera", "Ana Rivera-Lopez", "Ana Rivera"),
                names.values().stream().map(Source.OrgValue::value).toList());
        assertNull(m.patient().source().difference("birth date"));
        assertEquals(List.of("clinic", "hospital"), m.patient().identifiers().stream().map(Identifier::org).distinct().toList());
        assertEquals(List.of("clinic", "hospital", "pharmacy"), m.patient().source().orgs());
    }

    @Test
    void oneRecordIsExactlyItsOwnChart() {
        PersonRecords s = records();
        ChartModel single = ChartQuery.open(s, HOSPITAL, UnitSystem.METRIC, TODAY).model();
        ChartModel person = person(s, HOSPITAL);
        assertEquals(single.problems(), person.problems());
        assertEquals(single.medications(), person.medications());
        assertEquals(single.vitals(), person.vitals());
        assertEquals(single.timeline().lanes(), person.timeline().lanes(), "the same lanes (the end is 'now')");
        assertEquals(single.labs(), person.labs());
        assertTrue(person.medications().stream().noneMatch(x -> x.source().isMerged()));
    }

    @Test
    void theOrderOfRecordsDecidesWhichValueLeadsButNeverDropsOne() {
        ChartModel m = person(records(), PHARMACY, CLINIC);
        var metformin = only(m.medications(), x -> x.medication().code(), "860975");
        assertEquals("active", metformin.status(), "the active order leads, so it stays among the current ones");
        assertEquals(List.of("clinic", "pharmacy"), metformin.source().orgs());
        assertEquals(2, metformin.source().difference("status").values().size());
    }

    @Test
    void aPersonsRecordsLeaveTheirTimelinesToTheMergeWithTheSameResult() {
        PersonRecords s = records();
        List<ChartModel> whole = new java.util.ArrayList<>();
        for (PatientRef r : List.of(CLINIC, HOSPITAL, PHARMACY)) {
            List<org.chartlens.domain.RawResource> rows = s.chartResources(r.org(), r.id());
            ChartModel full = ChartModels.build(rows, UnitSystem.METRIC, TODAY);
            ChartModel forMerge = ChartModels.buildForMerge(rows, UnitSystem.METRIC, TODAY);
            assertEquals(full.timeline().lane(org.chartlens.domain.TimelineLane.PROCEDURES),
                    forMerge.timeline().lane(org.chartlens.domain.TimelineLane.PROCEDURES));
            assertEquals(full.timeline().undated(), forMerge.timeline().undated(), "the same undated count");
            whole.add(full);
        }
        ChartModel expected = PersonCharts.merge(whole);
        ChartModel person = person(s, CLINIC, HOSPITAL, PHARMACY);
        assertEquals(expected.timeline().lanes(), person.timeline().lanes(), "every lane as from whole models");
        assertEquals(expected.timeline().undated(), person.timeline().undated());
    }
}
