package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data shape each vendor profile serves: CareCloud's odd dates, identifier systems and postal
 * codes as its document shows them; the payer's Coverage and CARIN BB ExplanationOfBenefit
 * derived from the Synthea claims. Stateless.
 */
final class ProfileShapes {
    static final String PAYER_PLAN = "ChartLens Demo Health Plan";
    private static final String C4BB = "http://hl7.org/fhir/us/carin-bb/StructureDefinition/";

    private ProfileShapes() {
    }

    /** Changes one loaded resource in place to look like the vendor's. */
    static void shape(VendorProfile profile, ObjectNode resource) {
        if (profile == VendorProfile.CARECLOUD) {
            careCloud(resource);
        }
    }

    /** Extra resources a profile derives from a patient's bundle (may also adjust them in place). */
    static List<ObjectNode> derive(VendorProfile profile, String patientId, List<ObjectNode> resources,
                                   ObjectMapper mapper) {
        if (profile != VendorProfile.PAYER || patientId == null) {
            return List.of();
        }
        return payer(patientId, resources, mapper);
    }

    // ---- CareCloud ----

    private static void careCloud(ObjectNode r) {
        for (JsonNode ident : r.path("identifier")) {
            if (ident instanceof ObjectNode o && o.hasNonNull("system")) {
                // as in the vendor's example: "https:\\vertexdr.m3meridian.com"
                o.put("system", o.get("system").asText().replace("//", "\\").replace('/', '\\'));
            }
        }
        if (!"Patient".equals(r.path("resourceType").asText())) {
            return;
        }
        String birth = r.path("birthDate").asText(null);
        if (birth != null) {
            try {
                LocalDate d = LocalDate.parse(birth);
                r.put("birthDate", d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear() + " 12:00:00 AM");
            } catch (DateTimeParseException e) {
                // leave partial dates alone
            }
        }
        for (JsonNode a : r.path("address")) {
            if (a instanceof ObjectNode o && o.hasNonNull("postalCode")) {
                String zip = o.get("postalCode").asText();
                if (zip.matches("\\d{9}")) {
                    zip = zip.substring(0, 5);
                }
                // the vendor stores ZIP codes as numbers: New England's leading zero is lost
                o.put("postalCode", zip.replaceFirst("^0+(?=\\d)", ""));
            }
        }
    }

    /**
     * CareCloud's own example patient lives in Windsor, CT (ZIP 06095, served as "6095"); the
     * bundled Synthea patients live in Ohio, whose ZIP codes have no leading zero. So the first
     * patient's address is moved there, to make the oddity visible.
     */
    static void careCloudFirstPatient(ObjectNode patient) {
        ArrayNode addresses = patient.putArray("address");
        ObjectNode a = addresses.addObject();
        a.putArray("line").add("500 street 1");
        a.put("city", "WINDSOR");
        a.put("state", "CT");
        a.put("postalCode", "6095");
        a.put("country", "US");
    }

    // ---- payer ----

    private static List<ObjectNode> payer(String patientId, List<ObjectNode> resources, ObjectMapper mapper) {
        Map<String, ObjectNode> coverages = new LinkedHashMap<>();
        Map<String, String[]> periods = new LinkedHashMap<>();
        String shortId = patientId.length() > 8 ? patientId.substring(0, 8) : patientId;
        for (ObjectNode r : resources) {
            if (!"ExplanationOfBenefit".equals(r.path("resourceType").asText())) {
                continue;
            }
            String payor = "NO_INSURANCE";
            for (JsonNode c : r.path("contained")) {
                if ("Coverage".equals(c.path("resourceType").asText())) {
                    payor = c.path("type").path("text").asText(c.path("payor").path(0).path("display").asText(payor));
                }
            }
            String plan = "NO_INSURANCE".equals(payor) ? PAYER_PLAN : payor;
            ObjectNode coverage = coverages.get(plan);
            if (coverage == null) {
                coverage = coverage(mapper, shortId + "-cov-" + (coverages.size() + 1), patientId, plan);
                coverages.put(plan, coverage);
                periods.put(plan, new String[2]);
            }
            String[] period = periods.get(plan);
            String start = r.path("billablePeriod").path("start").asText(null);
            String end = r.path("billablePeriod").path("end").asText(null);
            if (start != null && (period[0] == null || start.compareTo(period[0]) < 0)) {
                period[0] = start;
            }
            if (end != null && (period[1] == null || end.compareTo(period[1]) > 0)) {
                period[1] = end;
            }
            carinBlueButton(r, "Coverage/" + coverage.get("id").asText(), plan);
        }
        List<ObjectNode> out = new ArrayList<>();
        coverages.forEach((plan, c) -> {
            String[] p = periods.get(plan);
            ObjectNode period = c.putObject("period");
            if (p[0] != null) {
                period.put("start", p[0].substring(0, 10));
            }
            out.add(c);
        });
        return out;
    }

    private static ObjectNode coverage(ObjectMapper mapper, String id, String patientId, String plan) {
        ObjectNode c = mapper.createObjectNode();
        c.put("resourceType", "Coverage");
        c.put("id", id);
        c.putObject("meta").putArray("profile").add(C4BB + "C4BB-Coverage");
        c.putArray("identifier").addObject()
                .put("system", "https://chartlens.example/payer/member-id").put("value", "M" + id);
        c.put("status", "active");
        c.putObject("type").put("text", plan).putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", "HIP")
                .put("display", "health insurance plan policy");
        c.put("subscriberId", "M" + id);
        c.putObject("beneficiary").put("reference", "Patient/" + patientId);
        c.putObject("relationship").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/subscriber-relationship")
                .put("code", "self");
        c.putArray("payor").addObject().put("display", plan);
        ObjectNode cls = c.putArray("class").addObject();
        cls.putObject("type").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/coverage-class").put("code", "plan");
        cls.put("value", plan.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT));
        cls.put("name", plan);
        return c;
    }

    /** Tags a Synthea EOB with its CARIN BB profile and points its insurance at the Coverage. */
    private static void carinBlueButton(ObjectNode eob, String coverageRef, String plan) {
        String claimType = eob.path("type").path("coding").path(0).path("code").asText("professional");
        String profile = switch (claimType) {
            case "institutional" -> "C4BB-ExplanationOfBenefit-Inpatient-Institutional";
            case "pharmacy" -> "C4BB-ExplanationOfBenefit-Pharmacy";
            case "oral" -> "C4BB-ExplanationOfBenefit-Oral";
            default -> "C4BB-ExplanationOfBenefit-Professional-NonClinician";
        };
        ObjectNode meta = eob.has("meta") ? (ObjectNode) eob.get("meta") : eob.putObject("meta");
        meta.putArray("profile").add(C4BB + profile);
        for (JsonNode ident : eob.path("identifier")) {
            if (ident instanceof ObjectNode o && !o.has("type")) {
                o.putObject("type").putArray("coding").addObject()
                        .put("system", "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType")
                        .put("code", "uc").put("display", "Unique Claim ID");
            }
        }
        eob.putObject("insurer").put("display", plan);
        ArrayNode insurance = eob.putArray("insurance");
        insurance.addObject().put("focal", true).putObject("coverage").put("reference", coverageRef)
                .put("display", plan);
        ArrayNode contained = (ArrayNode) eob.get("contained");
        if (contained != null) {
            for (int i = contained.size() - 1; i >= 0; i--) {
                if ("Coverage".equals(contained.get(i).path("resourceType").asText())) {
                    contained.remove(i);
                }
            }
        }
        if (!eob.has("outcome")) {
            eob.put("outcome", "complete");
        }
    }
}
