package org.chartlens.clinical;

import java.util.Map;

/** Human names of the code systems clinicians meet. Stateless, thread safe. */
public final class CodeSystems {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("http://snomed.info/sct", "SNOMED CT"),
            Map.entry("http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM"),
            Map.entry("http://hl7.org/fhir/sid/icd-10", "ICD-10"),
            Map.entry("http://hl7.org/fhir/sid/icd-9-cm", "ICD-9-CM"),
            Map.entry("http://loinc.org", "LOINC"),
            Map.entry("http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm"),
            Map.entry("http://hl7.org/fhir/sid/cvx", "CVX"),
            Map.entry("http://hl7.org/fhir/sid/ndc", "NDC"),
            Map.entry("http://www.ama-assn.org/go/cpt", "CPT"),
            Map.entry("http://unitsofmeasure.org", "UCUM"),
            Map.entry("urn:oid:2.16.840.1.113883.6.96", "SNOMED CT"),
            Map.entry("urn:oid:2.16.840.1.113883.6.90", "ICD-10-CM"),
            Map.entry("urn:oid:2.16.840.1.113883.6.1", "LOINC"),
            Map.entry("urn:oid:2.16.840.1.113883.6.88", "RxNorm"));

    private CodeSystems() {
    }

    /** "SNOMED CT" for the SNOMED URI; the URI itself for systems we do not know; null for null. */
    public static String name(String system) {
        if (system == null) {
            return null;
        }
        return NAMES.getOrDefault(system, system);
    }
}
