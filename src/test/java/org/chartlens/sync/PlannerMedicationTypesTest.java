package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chartlens.connect.Organization;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: MedicationStatement, MedicationDispense and MedicationAdministration are read where
 * the server lists them (the demo profile serves the Synthea administrations) and recorded as
 * unsupported where it does not (the US Core 3.1.1 vendors: MedicationRequest only).
 */
class PlannerMedicationTypesTest {
    static final List<String> MED_TYPES = List.of("MedicationStatement", "MedicationDispense", "MedicationAdministration");

    static Capabilities capabilitiesOf(String profile) throws Exception {
        try (DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile(profile).build())) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ehr.fhirBase() + "/metadata")).header("Accept", "application/fhir+json").build(),
                    HttpResponse.BodyHandlers.ofString());
            return Capabilities.of(new ObjectMapper().readTree(r.body()));
        }
    }

    static Organization org(String profile) {
        return new Organization(profile, profile, URI.create("https://example.org/fhir"), Organization.Flow.PKCE,
                "chartlens", List.of("user/*.read"), Set.of(), profile, false, "");
    }

    @Test
    void theDemoProfilesAdministrationsAreSearchedAndTheOthersMarkedUnsupported() throws Exception {
        SyncPlan plan = Planner.plan(org("demo"), capabilitiesOf("demo"), Set.of("user/*.read"));
        assertTrue(plan.types().containsAll(List.of("MedicationRequest", "MedicationAdministration")), plan.types().toString());
        assertTrue(plan.searches().contains(new SyncPlan.Search("MedicationAdministration", null)));
        for (String t : MED_TYPES) {
            assertTrue(plan.types().contains(t) || "unsupported".equals(plan.unavailable().get(t)), t);
        }
    }

    @Test
    void usCoreVendorsOfferOnlyMedicationRequest() throws Exception {
        for (String profile : List.of("credible", "insync")) {
            SyncPlan plan = Planner.plan(org(profile), capabilitiesOf(profile), Set.of("user/*.read"));
            assertTrue(plan.types().contains("MedicationRequest"), profile);
            for (String t : MED_TYPES) {
                assertEquals("unsupported", plan.unavailable().get(t), profile + " " + t);
            }
        }
    }

    @Test
    void scopesDecideToo() {
        Capabilities all = Capabilities.unknown();
        SyncPlan plan = Planner.plan(org("x"), all, Set.of("patient/MedicationRequest.read", "patient/MedicationDispense.rs"));
        assertTrue(plan.types().containsAll(List.of("MedicationRequest", "MedicationDispense")));
        assertEquals(Map.of("MedicationStatement", "not-granted", "MedicationAdministration", "not-granted"),
                Map.of("MedicationStatement", plan.unavailable().get("MedicationStatement"),
                        "MedicationAdministration", plan.unavailable().get("MedicationAdministration")));
    }
}
