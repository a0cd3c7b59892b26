package org.chartlens.domain;

/**
 * A code with its system and display text, e.g. SNOMED CT 44054006 "Diabetes mellitus type 2".
 * Views show {@link #label()}: the display text whenever there is one, never a bare code when a
 * display exists. Immutable.
 *
 * @param systemName human name of the code system ("SNOMED CT", "ICD-10-CM", "LOINC"), or the
 *                   system URI when unknown, or null when there is no coding
 * @param system     the code system URI as given, or null
 * @param code       the code, or null
 * @param display    display text (CodeableConcept.text, else the coding's display), or null
 */
public record Coded(String systemName, String system, String code, String display) {

    public static final Coded NONE = new Coded(null, null, null, null);

    /** What a person reads: display text, else "system code", else "(no code)". */
    public String label() {
        if (display != null && !display.isBlank()) {
            return display;
        }
        if (code != null) {
            return systemName == null ? code : systemName + " " + code;
        }
        return "(not coded)";
    }

    /** "SNOMED CT 44054006", or "" when there is no code. */
    public String codeLabel() {
        if (code == null) {
            return "";
        }
        return systemName == null ? code : systemName + " " + code;
    }

    @Override
    public String toString() {
        return label();
    }
}
