package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chartlens.domain.Compartment;
import org.chartlens.store.Freshness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15.2 "Must show": per vendor profile, signed in as its shipped preset says (the documented
 * flow and scopes), one sync, then every resource type the vendor's document lists either arrived
 * (as many as the source bundle holds for the patient; shared directory types: at least the ones
 * the chart references) or is reported in words as unsupported / not granted. The rows printed
 * are the table in docs/demo-ehr.md.
 */
class VendorDocumentedTypesTest {
    /** Credible's and InSync's lists (US Core 3.1.1); Credible adds the Provider Directory. */
    static final Set<String> US_CORE = Set.of("AllergyIntolerance", "CarePlan", "CareTeam", "Condition", "Device",
            "DiagnosticReport", "DocumentReference", "Encounter", "Goal", "Immunization", "Location", "Medication",
            "MedicationRequest", "Observation", "Organization", "Patient", "Practitioner", "Procedure", "Provenance");
    static final Set<String> PAYER = Set.of("Patient", "Coverage", "ExplanationOfBenefit", "Condition",
            "MedicationRequest", "Observation", "DocumentReference", "AllergyIntolerance", "Immunization", "Procedure");

    @TempDir
    Path dir;

    @Test
    void demoEveryTypeInItsData() throws Exception {
        try (DemoFixture f = DemoFixture.preset("demo", dir)) {
            String p = f.ehr.patientIds().get(0);
            Set<String> documented = new TreeSet<>(f.ehr.sourceCounts(p).keySet());
            documented.addAll(List.of("Practitioner", "Organization", "Location", "PractitionerRole"));
            check(f, syncOne(f, p), p, documented);
        }
    }

    @Test
    void credibleBackendServicesBulkExport() throws Exception {
        try (DemoFixture f = DemoFixture.preset("credible", dir)) {
            assertEquals(org.chartlens.connect.Organization.Flow.BACKEND, f.org.flow());
            SyncResult r = f.sync().run(SyncRequest.bulk("demo").withScopes(Set.copyOf(f.session.grantedScopes())),
                    SyncListener.NONE);
            Set<String> documented = new TreeSet<>(US_CORE);
            documented.add("PractitionerRole");
            documented.remove("Medication"); // read-only: see the PKCE test
            check(f, r, f.ehr.patientIds().get(0), documented);
            // after a bulk sync every exported chart is synced (not "never synced", not "0/0 patients")
            assertEquals(new TreeSet<>(f.ehr.patientIds()), new TreeSet<>(r.patients()));
            assertEquals(new TreeSet<>(f.ehr.patientIds()), new TreeSet<>(r.completed()));
            for (String p : f.ehr.patientIds()) {
                assertTrue(f.cache.lastSynced(f.org.id(), p).isPresent(), p);
            }
        }
    }

    @Test
    void credibleProviderAppWithPkceReadsMedicationByIdAndTheDirectory() throws Exception {
        try (DemoFixture f = DemoFixture.preset("credible", dir, org.chartlens.connect.Organization.Flow.PKCE)) {
            assertTrue(f.org.scopes().contains("user/*.read"), f.org.scopes().toString());
            String p = f.ehr.patientIds().get(0);
            // Medication is "read" only at Credible: a chart that references one gets it by id
            f.ehr.put("{\"resourceType\":\"Medication\",\"id\":\"med-1\",\"code\":{\"text\":\"Sertraline 50 mg\"}}");
            f.ehr.put("{\"resourceType\":\"MedicationRequest\",\"id\":\"mr-1\",\"status\":\"active\",\"intent\":\"order\","
                    + "\"medicationReference\":{\"reference\":\"Medication/med-1\"},\"subject\":{\"reference\":\"Patient/" + p
                    + "\"},\"authoredOn\":\"2026-01-02\"}");
            Capabilities caps = f.sync().capabilities();
            assertFalse(caps.searchable("Medication"));
            Set<String> documented = new TreeSet<>(US_CORE);
            documented.add("PractitionerRole");
            check(f, syncOne(f, p), p, documented);
            assertTrue(f.cache.sharedIds(f.org.id(), "Medication").contains("med-1"));
        }
    }

    @Test
    void insyncConfidentialClient() throws Exception {
        try (DemoFixture f = DemoFixture.preset("insync", dir)) {
            assertEquals(org.chartlens.connect.Organization.Flow.SECRET, f.org.flow());
            String p = f.ehr.patientIds().get(0);
            Set<String> documented = new TreeSet<>(US_CORE);
            documented.remove("Medication"); // read-only; no demo chart references one
            check(f, syncOne(f, p), p, documented);
            // not in InSync's document, but its server lists it: the chart's practitioners' roles come too
            assertTrue(f.cache.countsByType(f.org.id()).getOrDefault("PractitionerRole", 0) > 0,
                    f.cache.countsByType(f.org.id()).toString());
        }
    }

    @Test
    void veracityPkceEveryTypeItsServerLists() throws Exception {
        try (DemoFixture f = DemoFixture.preset("veracity", dir)) {
            String p = f.ehr.patientIds().get(0);
            // the document lists no types (it points at a Swagger page): every type of the chart
            Set<String> documented = new TreeSet<>(f.ehr.sourceCounts(p).keySet());
            documented.addAll(List.of("Practitioner", "Organization", "Location", "PractitionerRole"));
            check(f, syncOne(f, p), p, documented);
        }
    }

    @Test
    void carecloudPasswordGrantThroughUnderscoreSearchWithoutEverything() throws Exception {
        try (DemoFixture f = DemoFixture.preset("carecloud", dir)) {
            assertEquals(org.chartlens.connect.Organization.Flow.PASSWORD, f.org.flow());
            assertEquals(null, f.org.clientId(), "the preset needs no client id");
            assertFalse(f.sync().capabilities().supportsEverything(), "CareCloud documents no $everything");
            String p = f.ehr.patientIds().get(0);
            HttpResponse<String> everything = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(f.ehr.fhirBase() + "/Patient/" + p + "/$everything"))
                    .header("Authorization", "Bearer " + f.session.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, everything.statusCode());
            // the document names Patient, Device and Immunization (its resource table is a link): every chart type
            Set<String> documented = new TreeSet<>(f.ehr.sourceCounts(p).keySet());
            documented.addAll(List.of("Patient", "Device", "Immunization", "Practitioner", "Organization", "Location"));
            check(f, syncOne(f, p), p, documented);
            // the server lists PractitionerRole: the chart's practitioners' roles come too
            assertTrue(f.cache.countsByType(f.org.id()).getOrDefault("PractitionerRole", 0) > 0,
                    f.cache.countsByType(f.org.id()).toString());
        }
    }

    @Test
    void payerEveryTypeOfTheResourceTableIsRequestedAndArrives() throws Exception {
        try (DemoFixture f = DemoFixture.preset("payer", dir)) {
            for (String t : PAYER) {
                assertTrue(Planner.granted(Set.copyOf(f.org.scopes()), t), "the preset asks for " + t);
            }
            String p = f.session.patient();
            Set<String> documented = new TreeSet<>(PAYER);
            documented.addAll(List.of("Organization", "Practitioner", "Location")); // referenced by EOBs
            check(f, syncOne(f, p), p, documented);
        }
    }

    @Test
    void payerTypeNotGrantedIsReportedNotCountedAsNone() throws Exception {
        try (DemoFixture f = new DemoFixture("payer", dir)) {
            // the test fixture's payer sign-in without AllergyIntolerance (as if the member unticked it)
            Set<String> scopes = new TreeSet<>(f.session.grantedScopes());
            scopes.remove("patient/AllergyIntolerance.read");
            SyncResult r = f.sync().run(new SyncRequest(List.of(f.session.patient()), null, false, scopes, null),
                    SyncListener.NONE);
            assertEquals("not-granted", r.unavailable().get("AllergyIntolerance"));
            Freshness allergy = freshness(f).get("AllergyIntolerance");
            assertEquals("not-granted", allergy.state());
            assertTrue(allergy.lastError().contains("did not grant AllergyIntolerance"), allergy.lastError());
        }
    }

    private static SyncResult syncOne(DemoFixture f, String patient) throws InterruptedException {
        Set<String> scopes = f.session.grantedScopes().isEmpty() ? null : Set.copyOf(f.session.grantedScopes());
        return f.sync().run(new SyncRequest(List.of(patient), f.session.patient(), false, scopes, null), SyncListener.NONE);
    }

    private static Map<String, Freshness> freshness(DemoFixture f) {
        Map<String, Freshness> out = new LinkedHashMap<>();
        f.cache.freshness(f.org.id()).forEach(x -> out.put(x.type(), x));
        return out;
    }

    /** Every documented type arrived (count as in the source) or is unavailable with a reason in words. */
    private static void check(DemoFixture f, SyncResult r, String patient, Set<String> documented) {
        assertTrue(r.ok(), f.org.id() + ": " + r.summary() + " " + r.failed());
        Map<String, Integer> source = f.ehr.sourceCounts(patient);
        Map<String, Integer> cached = f.cached(patient);
        Map<String, Integer> org = f.cache.countsByType(f.org.id());
        Map<String, Freshness> fresh = freshness(f);
        Map<String, String> row = new LinkedHashMap<>();
        for (String type : documented) {
            Freshness x = fresh.get(type);
            if (x != null && Set.of("unsupported", "not-granted").contains(x.state())) {
                assertFalse(x.lastError() == null || x.lastError().isBlank(), type + " reported in words");
                row.put(type, x.state() + ": " + x.lastError());
            } else if (Compartment.isShared(type) && !"Medication".equals(type)) {
                assertTrue(org.getOrDefault(type, 0) > 0, f.org.id() + " " + type + " arrived: " + org);
                row.put(type, "pulled " + org.get(type));
            } else {
                int want = source.getOrDefault(type, 0) + ("Medication".equals(type) ? 1 : 0);
                int got = "Medication".equals(type) ? org.getOrDefault(type, 0) : cached.getOrDefault(type, 0);
                assertEquals(want, got, f.org.id() + " " + type + " (" + x + ")");
                if (want == 0) {
                    assertTrue(x != null && "ok".equals(x.state()), f.org.id() + " " + type + " pulled (none in this chart): " + x);
                }
                row.put(type, "pulled " + got);
            }
        }
        System.out.println("documented types, " + f.org.id() + ": " + row);
    }
}
