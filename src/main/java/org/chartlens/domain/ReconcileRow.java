package org.chartlens.domain;

import java.util.List;

/**
 * One concept of a person's medication, problem or allergy list, side by side across the
 * organizations of the chart (issue 17 section 3): what each organization records of it. Made by
 * {@code clinical.Reconciliation}. Immutable.
 *
 * @param key       stable id of the row across syncs: kind and concept ("med:lisinopril",
 *                  "problem:sct:44054006"); what a reviewer's mark is kept under
 * @param kind      medication, problem or allergy
 * @param label     what a person reads (the ingredient for medications, the display otherwise)
 * @param aliases   every concept key of the items in the row (e.g. its SNOMED and ICD-10 codes), {@code key} first
 * @param agreement whether the organizations say the same
 * @param differsOn the fields that differ between organizations ("status", "dose", ...), in words; empty unless DIFFERS
 * @param cells     one per organization of the chart, in chart order; absent where not listed
 */
public record ReconcileRow(String key, Kind kind, String label, List<String> aliases, Agreement agreement,
                           List<String> differsOn, List<Cell> cells) {
    public ReconcileRow {
        aliases = List.copyOf(aliases);
        differsOn = List.copyOf(differsOn);
        cells = List.copyOf(cells);
    }

    /** What the row lists. */
    public enum Kind {
        MEDICATION("Medication"), PROBLEM("Problem"), ALLERGY("Allergy");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Whether the organizations say the same, in the order rows are listed (disagreements first). */
    public enum Agreement {
        /** Two or more organizations list it and differ (status, dose, ...). */
        DIFFERS("Differs"),
        /** Listed at some organizations only. */
        PARTLY_LISTED("Not everywhere"),
        /** Every organization lists it the same way. */
        SAME("Same everywhere");

        private final String words;

        Agreement(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The cell of one organization. */
    public Cell cell(String org) {
        for (Cell c : cells) {
            if (c.org().equals(org)) {
                return c;
            }
        }
        return null;
    }

    /** "Differs: status, dose" / "Not everywhere" / "Same everywhere". */
    public String agreementText() {
        return agreement == Agreement.DIFFERS && !differsOn.isEmpty()
                ? "Differs: " + String.join(", ", differsOn) : agreement.words();
    }

    /**
     * What one organization records of the concept: its latest item (and how many more it has).
     *
     * @param org     organization id
     * @param listed  false when the organization does not list the concept (the other fields are "")
     * @param name    the item as that organization names it (e.g. "lisinopril 20 MG Oral Tablet")
     * @param status  active, stopped, resolved, ... or ""
     * @param dates   start (and end) as given, or ""
     * @param detail  dose (medications), criticality and reactions (allergies), verification (problems), or ""
     * @param earlier how many more (older) items of the concept this organization holds
     * @param source  the latest item's resource, or null
     */
    public record Cell(String org, boolean listed, String name, String status, String dates, String detail,
                       int earlier, Source source) {
        /** An organization that does not list the concept. */
        public static Cell notListed(String org) {
            return new Cell(org, false, "", "", "", "", 0, null);
        }
    }
}
