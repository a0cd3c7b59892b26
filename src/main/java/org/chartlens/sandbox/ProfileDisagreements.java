package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The medication list disagreement one profile carries on purpose (issue 17 section 3, the
 * reconciliation across organizations; docs/demo-ehr.md "Planted disagreements"): InSync lists
 * Danille Hegmann's current lisinopril order as <em>stopped</em> and at 20 MG (RxNorm 314077
 * "lisinopril 20 MG Oral Tablet", a concept the Synthea data itself uses), where every other
 * profile serves it as Synthea wrote it, active at 10 MG (RxNorm 314076). Applied to the bundle's
 * resources before their ids are rewritten (ids here are Synthea's). Veracity, not InSync: InSync
 * labels Danille's stress findings PSY, and that label spreads over her InSync record, so a masked
 * chart hides it all (issue 18). Stateless.
 */
final class ProfileDisagreements {
    /** Danille Hegmann's active "lisinopril 10 MG Oral Tablet" order in the Synthea bundle. */
    static final String LISINOPRIL_ORDER = "25266226-fc58-2a04-bf79-ec6fab93d9cd";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String PLANTED_CODE = "314077";
    static final String PLANTED_DISPLAY = "lisinopril 20 MG Oral Tablet";

    private ProfileDisagreements() {
    }

    /** Changes one loaded resource in place when the profile disagrees on it. */
    static void plant(VendorProfile profile, ObjectNode r) {
        if (profile != VendorProfile.VERACITY || !"MedicationRequest".equals(r.path("resourceType").asText())
                || !LISINOPRIL_ORDER.equals(r.path("id").asText())) {
            return;
        }
        r.put("status", "stopped");
        ObjectNode med = r.putObject("medicationCodeableConcept");
        med.putArray("coding").addObject().put("system", RXNORM).put("code", PLANTED_CODE).put("display", PLANTED_DISPLAY);
        med.put("text", PLANTED_DISPLAY);
    }
}
