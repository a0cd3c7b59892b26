package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Changes one patient's chart between two syncs (issue 17: "what is new since I last reviewed"),
 * the way a busy EHR does: some resources edited (content changed), some re-sent with only a new
 * {@code meta.lastUpdated} (touched, content unchanged), some added. Every one gets a fresh stamp,
 * so an incremental sync ({@code _lastUpdated=gt...}) picks all of them up. Deterministic: the
 * same call on a freshly started server edits the same resources. Thread safe (through
 * {@link DemoEhr#put}).
 */
final class ChartChanges {
    /** Types edited first, in order: a resolved problem, a changed value, then notes. */
    private static final List<String> EDITABLE = List.of("Condition", "Observation", "Immunization", "MedicationRequest");
    private static final List<String> TOUCHABLE = List.of("Encounter", "Procedure", "Observation", "Condition");

    private final ServedResources data;
    private final ObjectMapper mapper;
    private final Function<String, String> put;

    ChartChanges(ServedResources data, ObjectMapper mapper, Function<String, String> put) {
        this.data = data;
        this.mapper = mapper;
        this.put = put;
    }

    DemoEhr.ChartChange apply(String patientId, int edits, int touches, int adds) {
        if (data.get("Patient", patientId) == null) {
            throw new IllegalArgumentException("no patient " + patientId + " at this server");
        }
        Set<String> used = new HashSet<>();
        List<String> edited = new ArrayList<>();
        for (String type : EDITABLE) {
            for (StoredEntry e : data.ofPatient(patientId, type)) {
                if (edited.size() < edits && used.add(e.key())) {
                    ObjectNode r = tree(e);
                    edit(r, edited.size());
                    edited.add(put.apply(r.toString()));
                }
            }
        }
        List<String> touched = new ArrayList<>();
        for (String type : TOUCHABLE) {
            for (StoredEntry e : data.ofPatient(patientId, type)) {
                if (touched.size() < touches && used.add(e.key())) {
                    touched.add(put.apply(tree(e).toString()));
                }
            }
        }
        List<String> added = new ArrayList<>();
        for (int i = 0; i < adds; i++) {
            added.add(put.apply(added(patientId, i).toString()));
        }
        return new DemoEhr.ChartChange(edited, touched, added);
    }

    private ObjectNode tree(StoredEntry e) {
        try {
            return (ObjectNode) mapper.readTree(e.json());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** A clinical change: a problem resolved, a value corrected, else a note added. */
    private static void edit(ObjectNode r, int n) {
        String type = r.path("resourceType").asText();
        if ("Condition".equals(type)) {
            r.putObject("clinicalStatus").putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical").put("code", "resolved");
            r.put("abatementDateTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        } else if ("Observation".equals(type) && r.path("valueQuantity").has("value")) {
            JsonNode v = r.path("valueQuantity").path("value");
            ((ObjectNode) r.get("valueQuantity")).put("value", v.asDouble() + 1);
        }
        r.putArray("note").addObject().put("text", "Amended at the demo EHR (change " + (n + 1) + ")");
    }

    /** A new body weight (even n) or a new problem (odd n), dated now; ids new at every call. */
    private ObjectNode added(String patientId, int n) {
        ObjectNode r = mapper.createObjectNode();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        if (n % 2 == 0) {
            r.put("resourceType", "Observation").put("id", "demo-new-obs-" + patientId + "-" + data.ofPatient(patientId, "Observation").size()).put("status", "final");
            r.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "vital-signs");
            ObjectNode code = r.putObject("code");
            code.putArray("coding").addObject().put("system", "http://loinc.org").put("code", "29463-7")
                    .put("display", "Body Weight");
            code.put("text", "Body Weight");
            r.putObject("subject").put("reference", "Patient/" + patientId);
            r.put("effectiveDateTime", now);
            r.putObject("valueQuantity").put("value", 80 + n).put("unit", "kg").put("system", "http://unitsofmeasure.org")
                    .put("code", "kg");
        } else {
            r.put("resourceType", "Condition").put("id", "demo-new-cond-" + patientId + "-" + data.ofPatient(patientId, "Condition").size());
            r.putObject("clinicalStatus").putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical").put("code", "active");
            r.putObject("verificationStatus").putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status").put("code", "confirmed");
            r.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/condition-category").put("code", "problem-list-item");
            ObjectNode code = r.putObject("code");
            code.putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", "59621000")
                    .put("display", "Essential hypertension (disorder)");
            code.put("text", "Essential hypertension (disorder)");
            r.putObject("subject").put("reference", "Patient/" + patientId);
            r.put("onsetDateTime", now);
            r.put("recordedDate", now);
        }
        return r;
    }
}
