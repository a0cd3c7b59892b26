package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chartlens.domain.Disclosure;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.Freshness;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;

/** The one way a chart is read: which patient a typed name means, and what opening it gives. */
class ChartQueryTest {
    static final Instant SYNCED = Instant.parse("2026-11-30T10:15:00Z");

    /** Two organizations that both hold a patient "p1"; "p2" only at the clinic. */
    static final class TwoOrgs implements ChartStore {
        final List<StoredResource> rows = new java.util.ArrayList<>(List.of(
                new StoredResource("clinic", "Patient", "p1", "p1", null, null, null,
                        "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Doe\",\"given\":[\"Sam\"]}]}"),
                new StoredResource("clinic", "Condition", "c1", "p1", "2020-01-02", "active", "http://snomed.info/sct|44054006",
                        "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},"
                                + "\"code\":{\"text\":\"Diabetes\"},\"onsetDateTime\":\"2020-01-02\"}"),
                new StoredResource("hospital", "Patient", "p1", "p1", null, null, null,
                        "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Roe\",\"given\":[\"Ann\"]}]}"),
                new StoredResource("clinic", "Patient", "p2", "p2", null, null, null,
                        "{\"resourceType\":\"Patient\",\"id\":\"p2\"}")));

        @Override
        public List<CachedPatient> patients() {
            return rows.stream().filter(r -> r.type().equals("Patient"))
                    .map(r -> new CachedPatient(r.org(), r.id(), r.json(), r.org().equals("clinic") && r.id().equals("p1") ? SYNCED : null))
                    .toList();
        }

        @Override
        public List<StoredResource> chart(String org, String patientId) {
            return rows.stream().filter(r -> r.org().equals(org) && patientId.equals(r.patientId())).toList();
        }

        @Override
        public Optional<StoredResource> resource(String org, String type, String id) {
            return rows.stream().filter(r -> r.org().equals(org) && r.type().equals(type) && r.id().equals(id)).findFirst();
        }

        @Override
        public List<Freshness> freshness(String org) {
            return List.of(new Freshness(org, "Condition", SYNCED, null, null, "ok"));
        }

        @Override
        public void close() {
        }
    }

    final TwoOrgs store = new TwoOrgs();

    @Test
    void aRowsResourceJsonIsReadFromTheCacheByTheNameItsSourceGives() {
        ChartData d = ChartQuery.open(store, new PatientRef("clinic", "p1"), UnitSystem.METRIC, LocalDate.of(2026, 12, 1));
        org.chartlens.domain.Source diabetes = d.model().problems().active().get(0).source();
        assertEquals("Condition/c1", diabetes.reference());
        assertEquals(Optional.of(store.rows.get(1).json()), ChartQuery.resourceJson(store, diabetes, Disclosure.MASKED));
        // the same name at another organization, a resource that left the cache, a masked placeholder
        assertEquals(Optional.empty(), ChartQuery.resourceJson(store, new org.chartlens.domain.Source("hospital", "Condition", "c1"), Disclosure.MASKED));
        assertEquals(Optional.empty(), ChartQuery.resourceJson(store, new org.chartlens.domain.Source("clinic", "Condition", "c9"), Disclosure.MASKED));
        assertEquals(Optional.empty(), ChartQuery.resourceJson(store,
                new org.chartlens.domain.Source("clinic", org.chartlens.domain.Restrictions.MASKED_TYPE, ""), Disclosure.MASKED));
    }

    @Test
    void aRowWhoseResourceWasRestrictedAfterTheChartWasReadGivesNoJsonUntilTheGlassIsBroken() {
        ChartData d = ChartQuery.open(store, new PatientRef("clinic", "p1"), UnitSystem.METRIC, LocalDate.of(2026, 12, 1));
        org.chartlens.domain.Source diabetes = d.model().problems().active().get(0).source();
        // a sync after the chart was read: the organization labelled the condition restricted
        String labelled = "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"meta\":{\"security\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"R\"}]},"
                + "\"code\":{\"text\":\"Diabetes\"},\"note\":[{\"text\":\"what the label protects\"}]}";
        store.rows.set(1, new StoredResource("clinic", "Condition", "c1", "p1", "2020-01-02", "active", null, labelled));
        assertThrows(ChartQuery.RestrictedSinceOpened.class, () -> ChartQuery.resourceJson(store, diabetes, Disclosure.MASKED));
        assertThrows(ChartQuery.RestrictedSinceOpened.class,
                () -> ChartQuery.resourceJson(store, diabetes, new Disclosure(false, true)));
        assertEquals(Optional.of(labelled), ChartQuery.resourceJson(store, diabetes, Disclosure.MASKED.shown()));
        // restricted by ChartLens's inference only (buprenorphine, RxNorm 1010603): held back when inference is on
        String inferred = "{\"resourceType\":\"MedicationRequest\",\"id\":\"m1\",\"medicationCodeableConcept\":{\"coding\":"
                + "[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"1010603\"}]}}";
        store.rows.add(new StoredResource("clinic", "MedicationRequest", "m1", "p1", "2021-01-01", "active",
                "http://www.nlm.nih.gov/research/umls/rxnorm|1010603", inferred));
        org.chartlens.domain.Source med = new org.chartlens.domain.Source("clinic", "MedicationRequest", "m1");
        assertEquals(Optional.of(inferred), ChartQuery.resourceJson(store, med, Disclosure.MASKED), "inference off");
        assertThrows(ChartQuery.RestrictedSinceOpened.class, () -> ChartQuery.resourceJson(store, med, new Disclosure(false, true)));
    }

    @Test
    void resolvesAnIdUniqueAcrossOrganizationsOrOrgColonId() {
        assertEquals(new PatientRef("clinic", "p2"), ChartQuery.resolve(store, "p2"));
        assertEquals(new PatientRef("hospital", "p1"), ChartQuery.resolve(store, "hospital:p1"));
        assertEquals("hospital:p1", ChartQuery.resolve(store, "hospital:p1").qualified());
    }

    @Test
    void saysWhyATypedPatientCannotBeOpened() {
        assertEquals("patient id p1 is cached for several organizations; use ORG:ID (clinic:p1, hospital:p1)",
                assertThrows(IllegalArgumentException.class, () -> ChartQuery.resolve(store, "p1")).getMessage());
        assertEquals("no cached patient with id p9 (see 'chartlens patients')",
                assertThrows(IllegalArgumentException.class, () -> ChartQuery.resolve(store, "p9")).getMessage());
        assertEquals("no cached patient hospital:p2 (see 'chartlens patients')",
                assertThrows(IllegalArgumentException.class, () -> ChartQuery.resolve(store, "hospital:p2")).getMessage());
    }

    @Test
    void opensOnePatientsChartAtOneOrganizationWithFreshnessAndLastSync() {
        ChartData d = ChartQuery.open(store, new PatientRef("clinic", "p1"), UnitSystem.METRIC, LocalDate.of(2026, 12, 4));
        assertEquals(new PatientRef("clinic", "p1"), d.ref());
        assertEquals("Sam Doe", d.model().patient().name());
        assertEquals(List.of("Diabetes"), d.model().problems().active().stream().map(p -> p.code().label()).toList());
        assertEquals(SYNCED, d.lastSynced());
        assertEquals(List.of("Condition"), d.freshness().stream().map(Freshness::type).toList());

        ChartData other = ChartQuery.open(store, new PatientRef("hospital", "p1"), UnitSystem.METRIC, LocalDate.of(2026, 12, 4));
        assertEquals("Ann Roe", other.model().patient().name());
        assertTrue(other.model().problems().active().isEmpty(), "the clinic's condition stays at the clinic");
        assertNull(other.lastSynced(), "never synced");
    }

    @Test
    void theStoreHandsOutEveryColumnOfItsRows() {
        StoredResource s = store.rows.get(1);
        RawResource r = store.chartResources("clinic", "p1").get(1);
        assertEquals(List.of(s.org(), s.type(), s.id(), s.patientId(), s.effective(), s.status(), s.code(), s.json()),
                List.of(r.org(), r.type(), r.id(), r.patientId(), r.effective(), r.status(), r.code(), r.json()));
        assertEquals(Optional.of(SYNCED), store.lastSynced("clinic", "p1"));
        assertEquals(Optional.empty(), store.lastSynced("hospital", "p1"));
        assertEquals(Optional.empty(), store.lastSynced("clinic", "nobody"));
    }
}
