package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The security labels the behavioural-health profiles put on their data (issue 18;
 * docs/demo-ehr.md "Security labels"). Credible, a substance-use program, labels substance-use
 * records R + ETH + 42CFRPart2 + NORDSLCD; InSync, a mental-health EHR, labels mental-health records
 * R + PSY and abuse records R + SDV, and labels a whole search response (the Bundle's own
 * {@code meta.security}) when it carries a psychotherapy note. Both derive a short episode of
 * care for the patients whose Synthea record has a matching finding. Not thread safe: one per
 * bundle read.
 */
final class ProfileLabels {
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** SNOMED CT "Misuses drugs (finding)", as Synthea codes it. */
    static final String MISUSES_DRUGS = "361055000";
    /** SNOMED CT "Stress (finding)", as Synthea codes it. */
    static final String STRESS = "73595000";
    /** SNOMED CT "Victim of intimate partner abuse (finding)", as Synthea codes it. */
    static final String PARTNER_ABUSE = "706893006";
    /** Ids of the derived psychotherapy notes start so (InSync labels their Bundles). */
    static final String NOTE_PREFIX = "bh-note-";

    private final VendorProfile profile;
    private String episodeOnset;

    ProfileLabels(VendorProfile profile) {
        this.profile = profile;
    }

    static boolean labels(VendorProfile profile) {
        return profile == VendorProfile.CREDIBLE || profile == VendorProfile.INSYNC;
    }

    /** Labels one loaded resource in place (Conditions by code) and notes an episode to derive. */
    void label(ObjectNode r) {
        if (!"Condition".equals(r.path("resourceType").asText())) {
            return;
        }
        String code = r.path("code").path("coding").path(0).path("code").asText("");
        String onset = r.path("onsetDateTime").asText(null);
        if (profile == VendorProfile.CREDIBLE && MISUSES_DRUGS.equals(code)) {
            put(r, "R", "ETH", "42CFRPart2", "NORDSLCD");
            episodeOnset = episodeOnset == null ? onset : episodeOnset;
        } else if (profile == VendorProfile.INSYNC && STRESS.equals(code)) {
            put(r, "R", "PSY");
        } else if (profile == VendorProfile.INSYNC && PARTNER_ABUSE.equals(code)) {
            put(r, "R", "SDV");
            episodeOnset = episodeOnset == null ? onset : episodeOnset;
        }
    }

    /** Adds the labels to a resource's meta.security. */
    static void put(ObjectNode r, String confidentiality, String... actCodes) {
        ObjectNode meta = r.has("meta") && r.get("meta").isObject() ? (ObjectNode) r.get("meta") : r.putObject("meta");
        ArrayNode sec = meta.putArray("security");
        sec.addObject().put("system", CONFIDENTIALITY).put("code", confidentiality);
        for (String c : actCodes) {
            sec.addObject().put("system", ACT_CODE).put("code", c);
        }
    }

    /**
     * The episode of care derived for this bundle's patient when it had a matching finding: Credible
     * an opioid-treatment visit, its diagnosis (ICD-10-CM F11.20), a buprenorphine/naloxone order
     * (RxNorm 1010603) and the visit's progress note; InSync a counselling visit and its
     * psychotherapy note. The note carries no label of its own: Credible's is restricted because it
     * belongs to a restricted visit, InSync's by its Bundle.
     */
    List<ObjectNode> derive(String patientId, ObjectMapper mapper) {
        if (episodeOnset == null || patientId == null) {
            return List.of();
        }
        String date = episodeOnset.length() >= 10 ? episodeOnset.substring(0, 10) : episodeOnset;
        String key = patientId.length() > 8 ? patientId.substring(0, 8) : patientId;
        String patient = "Patient/" + patientId;
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode enc = mapper.createObjectNode().put("resourceType", "Encounter").put("id", "bh-visit-" + key)
                .put("status", "finished");
        enc.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", "AMB");
        enc.putArray("type").addObject().put("text", profile == VendorProfile.CREDIBLE
                ? "Opioid treatment program visit" : "Counselling session");
        enc.putObject("subject").put("reference", patient);
        enc.putObject("period").put("start", date + "T10:00:00Z").put("end", date + "T11:00:00Z");
        out.add(enc);
        String note;
        if (profile == VendorProfile.CREDIBLE) {
            put(enc, "R", "ETH", "42CFRPart2", "NORDSLCD");
            ObjectNode cond = mapper.createObjectNode().put("resourceType", "Condition").put("id", "bh-dx-" + key);
            put(cond, "R", "ETH", "42CFRPart2", "NORDSLCD");
            cond.putObject("clinicalStatus").putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical").put("code", "active");
            ObjectNode cc = cond.putObject("code");
            cc.putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", "F11.20")
                    .put("display", "Opioid dependence, uncomplicated");
            cc.put("text", "Opioid dependence");
            cond.putObject("subject").put("reference", patient);
            cond.putObject("encounter").put("reference", "Encounter/" + enc.get("id").asText());
            cond.put("onsetDateTime", date);
            out.add(cond);
            ObjectNode med = mapper.createObjectNode().put("resourceType", "MedicationRequest").put("id", "bh-rx-" + key)
                    .put("status", "active").put("intent", "order");
            put(med, "R", "ETH", "42CFRPart2", "NORDSLCD");
            med.putObject("medicationCodeableConcept").putArray("coding").addObject()
                    .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", "1010603")
                    .put("display", "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film [Suboxone]");
            med.putObject("subject").put("reference", patient);
            med.putObject("encounter").put("reference", "Encounter/" + enc.get("id").asText());
            med.put("authoredOn", date);
            med.putArray("reasonReference").addObject().put("reference", "Condition/" + cond.get("id").asText());
            out.add(med);
            note = "Opioid treatment program visit. Induction on buprenorphine/naloxone. Counselled on overdose risk.";
        } else {
            put(enc, "R", "PSY");
            note = "Psychotherapy session. Discussed safety planning and coping strategies.";
        }
        ObjectNode doc = mapper.createObjectNode().put("resourceType", "DocumentReference")
                .put("id", (profile == VendorProfile.CREDIBLE ? "bh-progress-" : NOTE_PREFIX) + key).put("status", "current");
        doc.putObject("type").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "11506-3")
                .put("display", "Progress note");
        doc.putObject("subject").put("reference", patient);
        doc.put("date", date + "T11:00:00Z");
        doc.putArray("content").addObject().putObject("attachment").put("contentType", "text/plain")
                .put("data", Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8)));
        doc.putObject("context").putArray("encounter").addObject().put("reference", "Encounter/" + enc.get("id").asText());
        out.add(doc);
        return out;
    }

    /**
     * The Bundle's own {@code meta.security} members for a search response (a JSON fragment
     * starting with a comma), or "": InSync labels a whole response that carries a psychotherapy note.
     */
    static String bundleSecurity(VendorProfile profile, List<StoredEntry> matches) {
        if (profile != VendorProfile.INSYNC) {
            return "";
        }
        for (StoredEntry e : matches) {
            if ("DocumentReference".equals(e.type()) && e.id().startsWith(NOTE_PREFIX)) {
                return ",\"security\":[{\"system\":\"" + CONFIDENTIALITY + "\",\"code\":\"R\"},{\"system\":\""
                        + ACT_CODE + "\",\"code\":\"PSYTHPN\"}]";
            }
        }
        return "";
    }
}
