package org.chartlens.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a care coordinator looks a patient up by at one organization: FHIR Patient search
 * parameters, each optional (null = not given). Immutable.
 *
 * @param name       any part of the name ({@code name})
 * @param family     family name ({@code family})
 * @param given      given name ({@code given})
 * @param birthDate  {@code YYYY-MM-DD} (or a FHIR date search value, e.g. {@code ge1960})
 * @param gender     {@code female}, {@code male}, {@code other}, {@code unknown}
 * @param identifier {@code SYSTEM|VALUE} or a bare value (an MRN)
 */
public record PatientQuery(String name, String family, String given, String birthDate, String gender,
                           String identifier) {
    public PatientQuery {
        name = blankToNull(name);
        family = blankToNull(family);
        given = blankToNull(given);
        birthDate = blankToNull(birthDate);
        gender = blankToNull(gender);
        identifier = blankToNull(identifier);
    }

    public static PatientQuery byName(String name) {
        return new PatientQuery(name, null, null, null, null, null);
    }

    /** The given criteria as FHIR search parameters, in a stable order. */
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "name", name);
        put(m, "family", family);
        put(m, "given", given);
        put(m, "birthdate", birthDate);
        put(m, "gender", gender);
        put(m, "identifier", identifier);
        return m;
    }

    public boolean isEmpty() {
        return parameters().isEmpty();
    }

    /** The criterion a parameter stands for, in words ("birth date"). */
    public static String inWords(String parameter) {
        return switch (parameter) {
            case "birthdate" -> "birth date";
            case "gender" -> "sex";
            case "family" -> "family name";
            case "given" -> "given name";
            default -> parameter;
        };
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
