package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.chartlens.fhir.ReceivedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15.1: finding the patient one means with the server's Patient search, against the demo EHR
 * signed in to for real (PKCE through a scripted browser; CareCloud's password grant), then
 * choosing a candidate: a sync of that one chart, which puts it on the worklist (the cache).
 * Danille Hegmann (first demo patient): born 1966-06-06, female, maiden name Hammes.
 */
class FindPatientAgainstDemoEhrTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"demo", "insync", "veracity", "carecloud"})
    void findsTheMeantPatientByNameBirthDateSexAndMrn(String profile) throws Exception {
        try (DemoFixture f = new DemoFixture(profile, dir)) {
            ChartSync sync = f.sync();
            for (String p : List.of("name", "family", "given", "birthdate", "gender", "identifier")) {
                assertTrue(sync.capabilities().supportsSearchParam("Patient", p), profile + " lists " + p);
            }
            String danille = f.ehr.patientIds().get(0);
            PatientFinder.Found found = sync.finder().find(new PatientQuery(null, "hegmann", "dan", "1966-06-06",
                    "female", null));
            assertEquals(List.of(danille), ids(found), profile);
            assertTrue(found.unsupported().isEmpty(), found.unsupported().toString());
            assertTrue(!found.more());

            // any part of any name: the maiden name finds her too (CareCloud serves it upper case)
            assertTrue(ids(sync.finder().find(PatientQuery.byName("Hammes"))).contains(danille), profile);
            // the MRN as the server writes it (system|value; CareCloud's with backslashes)
            String mrn = mrn(found.candidates().get(0));
            assertEquals(List.of(danille), ids(sync.finder().find(new PatientQuery(null, null, null, null, null, mrn))),
                    profile + " " + mrn);
            // criteria that match nobody: no candidates, no error
            assertEquals(List.of(), ids(sync.finder().find(new PatientQuery("hegmann", null, null, "1900-01-01", null, null))));
        }
    }

    @Test
    void choosingACandidateSyncsThatChartOnlyAndPutsItOnTheWorklist() throws Exception {
        try (DemoFixture f = new DemoFixture("insync", dir)) {
            PatientFinder.Found found = f.sync().finder().find(new PatientQuery(null, "Ryan", null, null, "male", null));
            assertEquals(1, found.candidates().size(), ids(found).toString());
            String chosen = found.candidates().get(0).id();
            assertTrue(f.cache.patients().isEmpty(), "a search stores nothing");

            SyncResult r = f.sync().run(new SyncRequest(List.of(chosen), null, false, f.request().grantedScopes(), null),
                    SyncListener.NONE);
            assertTrue(r.ok(), r.summary());
            assertEquals(List.of(chosen), r.patients());
            assertEquals(List.of(chosen), f.cache.patients().stream().map(p -> p.id()).toList());
            assertEquals(f.expected(chosen, f.sync().capabilities()), f.cached(chosen));
        }
    }

    @Test
    void criteriaTheServerDoesNotSearchByAreNamedInWords() throws Exception {
        try (DemoFixture f = new DemoFixture("demo", dir)) {
            Capabilities onlyNames = Capabilities.of(JSON.readTree("""
                    {"resourceType":"CapabilityStatement","rest":[{"mode":"server","resource":[
                      {"type":"Patient","searchParam":[{"name":"name","type":"string"},{"name":"family","type":"string"}]}]}]}
                    """));
            PatientFinder finder = new PatientFinder(f.http, onlyNames);
            PatientFinder.Found found = finder.find(new PatientQuery(null, "Hegmann", null, "1966-06-06", "female", null));
            assertEquals(List.of(f.ehr.patientIds().get(0)), ids(found));
            assertEquals(2, found.unsupported().size(), found.unsupported().toString());
            assertTrue(found.unsupported().get(0).contains("does not support searching patients by birth date"),
                    found.unsupported().toString());
            assertTrue(found.unsupported().get(1).contains("by sex"), found.unsupported().toString());

            IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                    () -> finder.find(new PatientQuery(null, null, null, "1966-06-06", null, null)));
            assertTrue(none.getMessage().contains("supports none of the given criteria (birth date)"), none.getMessage());
            assertThrows(IllegalArgumentException.class, () -> finder.find(new PatientQuery(null, null, null, null, null, null)));
        }
    }

    private static List<String> ids(PatientFinder.Found found) {
        return found.candidates().stream().map(ReceivedResource::id).toList();
    }

    /** The MR-typed identifier as system|value. */
    private static String mrn(ReceivedResource patient) throws Exception {
        for (JsonNode i : JSON.readTree(patient.json()).path("identifier")) {
            if ("MR".equals(i.path("type").path("coding").path(0).path("code").asText())) {
                return i.path("system").asText() + "|" + i.path("value").asText();
            }
        }
        throw new AssertionError("no MRN");
    }
}
