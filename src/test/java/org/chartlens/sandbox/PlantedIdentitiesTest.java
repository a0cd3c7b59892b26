package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartlens.identity.Candidate;
import org.chartlens.identity.CandidateFinder;
import org.chartlens.identity.CandidateSearch;
import org.chartlens.identity.FhirPatients;
import org.chartlens.identity.PatientRecord;
import org.chartlens.identity.RecordKey;
import org.chartlens.identity.RecordPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identities the demo profiles serve (docs/demo-ehr.md, "Identities per profile"): each
 * vendor its own ids and MRNs for the same twelve people, the planted variations, and one
 * different person who shares a name and birth year. The person matcher, given every profile's
 * Patients, must propose exactly the 180 pairs of records of the same person, pre-select the 116
 * the table says, and never propose the namesake.
 */
class PlantedIdentitiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-12-04T09:00:00Z");
    /** Organization id = profile id. */
    private static final Map<RecordKey, JsonNode> PATIENTS = new HashMap<>();
    private static final List<String> SYNTHEA_IDS = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        for (VendorProfile p : VendorProfile.values()) {
            for (StoredEntry e : PreparedDemoData.demo(p, START, MAPPER)) {
                if ("Patient".equals(e.type())) {
                    PATIENTS.put(new RecordKey(p.id(), e.id()), MAPPER.readTree(e.json()));
                    if (p == VendorProfile.DEMO) {
                        SYNTHEA_IDS.add(e.id());
                    }
                }
            }
        }
    }

    private static RecordKey key(VendorProfile p, String syntheaId) {
        return new RecordKey(p.id(), ProfileIdentities.id(p, false, syntheaId));
    }

    private static RecordKey namesake() {
        return new RecordKey("insync", ProfileIdentities.id(VendorProfile.INSYNC, true, ProfileIdentities.NAMESAKE_SOURCE));
    }

    private static JsonNode patient(RecordKey k) {
        JsonNode p = PATIENTS.get(k);
        if (p == null) {
            throw new AssertionError("no Patient " + k);
        }
        return p;
    }

    @Test
    void everyVendorServesTheSamePeopleUnderItsOwnIds() {
        assertEquals(12, SYNTHEA_IDS.size());
        assertEquals(12 * 6 + 1, PATIENTS.size(), "twelve people at six organizations, plus the namesake");
        for (String id : SYNTHEA_IDS) {
            Set<String> ids = new HashSet<>();
            for (VendorProfile p : VendorProfile.values()) {
                ids.add(key(p, id).fhirId());
                patient(key(p, id));
            }
            assertEquals(6, ids.size(), "six different ids for one person");
        }
        assertEquals(SYNTHEA_IDS.get(0), key(VendorProfile.DEMO, SYNTHEA_IDS.get(0)).fhirId(), "demo keeps the Synthea ids");
    }

    @Test
    void eachVendorHasItsOwnMrnSystem() {
        Set<String> systems = new HashSet<>();
        for (VendorProfile p : VendorProfile.values()) {
            JsonNode mrn = null;
            for (JsonNode i : patient(key(p, ProfileIdentities.DANILLE)).path("identifier")) {
                if (mrn == null && "MR".equals(i.path("type").path("coding").path(0).path("code").asText())) {
                    mrn = i;
                }
            }
            assertNotNull(mrn, p + " has an MRN");
            systems.add(mrn.path("system").asText());
        }
        assertEquals(6, systems.size(), systems.toString());
        assertEquals("https:\\vertexdr.m3meridian.com",
                patient(key(VendorProfile.CARECLOUD, ProfileIdentities.DANILLE)).path("identifier").get(0).path("system").asText());
    }

    @Test
    void thePlantedVariations() {
        assertEquals(1, patient(key(VendorProfile.CREDIBLE, ProfileIdentities.BABETTE)).path("name").get(0).path("given").size());
        assertEquals("1964-02-12", patient(key(VendorProfile.CREDIBLE, ProfileIdentities.ELANA)).path("birthDate").asText());
        assertEquals("Rena", patient(key(VendorProfile.INSYNC, ProfileIdentities.IRENE)).path("name").get(0).path("given").get(0).asText());
        assertEquals("43215", patient(key(VendorProfile.VERACITY, ProfileIdentities.CHAS)).path("address").get(0).path("postalCode").asText());
        assertEquals("6095", patient(key(VendorProfile.CARECLOUD, ProfileIdentities.DANILLE)).path("address").get(0).path("postalCode").asText());
        JsonNode jamie = patient(key(VendorProfile.CARECLOUD, ProfileIdentities.JAMIE)).path("name").get(0);
        assertEquals("JAMIE386", jamie.path("family").asText());
        assertEquals("Ryan260", jamie.path("given").get(0).asText());
        assertEquals("Dicki44-Becker968", patient(key(VendorProfile.PAYER, ProfileIdentities.FAWN)).path("name").get(0).path("family").asText());
        JsonNode twin = patient(namesake());
        assertEquals("Jeromy156", twin.path("name").get(0).path("given").get(0).asText());
        assertEquals("2002-03-30", twin.path("birthDate").asText());
        assertNotEquals(patient(key(VendorProfile.INSYNC, ProfileIdentities.CHAS)).path("identifier").toString(),
                twin.path("identifier").toString());
    }

    @Test
    void theMatcherFindsExactlyThePlantedDuplicates() {
        List<PatientRecord> records = PATIENTS.entrySet().stream()
                .map(e -> FhirPatients.fromFhir(e.getKey().organizationId(), e.getValue())).collect(Collectors.toList());
        CandidateSearch search = new CandidateFinder().find(records, Set.of());

        Set<RecordPair> expected = new HashSet<>();
        Set<RecordPair> expectedStrong = new HashSet<>();
        for (String id : SYNTHEA_IDS) {
            VendorProfile[] ps = VendorProfile.values();
            for (int i = 0; i < ps.length; i++) {
                for (int j = i + 1; j < ps.length; j++) {
                    RecordPair pair = RecordPair.of(key(ps[i], id), key(ps[j], id));
                    expected.add(pair);
                    boolean payer = ps[i] == VendorProfile.PAYER || ps[j] == VendorProfile.PAYER;
                    boolean swappedDate = ProfileIdentities.ELANA.equals(id)
                            && (ps[i] == VendorProfile.CREDIBLE || ps[j] == VendorProfile.CREDIBLE);
                    if (!payer && !swappedDate) {
                        expectedStrong.add(pair);
                    }
                }
            }
        }
        assertEquals(180, expected.size());
        assertEquals(116, expectedStrong.size());

        Set<RecordPair> found = search.candidates().stream().map(Candidate::pair).collect(Collectors.toSet());
        Set<RecordPair> missing = new HashSet<>(expected);
        missing.removeAll(found);
        Set<RecordPair> extra = new HashSet<>(found);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty(), "not proposed: " + missing);
        assertTrue(extra.isEmpty(), "proposed but not the same person: " + extra);
        Set<RecordPair> strong = search.candidates().stream().filter(Candidate::strong).map(Candidate::pair)
                .collect(Collectors.toSet());
        assertEquals(expectedStrong, strong);
        for (Candidate c : search.candidates()) {
            assertFalse(c.pair().first().equals(namesake()) || c.pair().second().equals(namesake()), c.toString());
        }
        assertTrue(search.comparedPairs() < 73L * 72 / 2, "blocking: " + search.comparedPairs());
    }

    @Test
    void theNamesakeIsComparedWithTheRealJeromyAndScoresLow() {
        PatientRecord twin = FhirPatients.fromFhir("insync", patient(namesake()));
        PatientRecord jeromy = FhirPatients.fromFhir("demo", patient(key(VendorProfile.DEMO, "422945dd-b447-d48b-d0de-a13147c80df6")));
        List<PatientRecord> all = PATIENTS.entrySet().stream()
                .map(e -> FhirPatients.fromFhir(e.getKey().organizationId(), e.getValue())).collect(Collectors.toList());
        Candidate c = new CandidateFinder().compare(twin, jeromy, all);
        assertFalse(c.strong());
        assertTrue(c.score() < 0, c.score() + " " + c.evidence());
        assertTrue(c.conflicts().stream().anyMatch(s -> s.startsWith("birth dates differ")), c.conflicts().toString());
    }
}
