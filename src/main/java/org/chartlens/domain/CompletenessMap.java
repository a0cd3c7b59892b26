package org.chartlens.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is missing from a chart (issue 17): one row per record (organization + patient), one column
 * per resource type; each cell says how many the cache holds, when that type was last pulled there,
 * and, when nothing can be shown, why in words and the fix. Made by {@code clinical.Completeness};
 * shown by {@code chartlens status} and the chart's Completeness tab. Immutable.
 *
 * @param rows    one per record, in record order
 * @param types   the resource types (columns), in display order
 * @param cells   rows x types, row by row
 * @param summary one line for the banner: the most important gap ("Allergies unknown at Payer: not
 *                granted"), or that nothing is missing
 * @param attention true when the summary names a gap or a sign-in to renew (the banner shows it);
 *                  types a server does not offer count only for allergies and medications
 */
public record CompletenessMap(List<Row> rows, List<String> types, List<Cell> cells, String summary,
                              boolean attention) {

    public CompletenessMap {
        rows = List.copyOf(rows);
        types = List.copyOf(types);
        cells = List.copyOf(cells);
    }

    /** Why a cell holds what it holds. */
    public enum Status {
        /** Pulled, and the cache holds some. */
        HELD,
        /** Pulled completely; the organization has none for this patient. */
        NONE_THERE,
        /** The sign-in did not grant the type (a scope refused). */
        NOT_GRANTED,
        /** The server does not offer the type (CapabilityStatement, 404, 400). */
        UNSUPPORTED,
        /** The last sync of the type failed. */
        FAILED,
        /** Never pulled for this patient. */
        NEVER_PULLED;

        /** True when the cell cannot say what the organization holds. */
        public boolean unknown() {
            return this != HELD && this != NONE_THERE;
        }
    }

    /** What a user can do about a cell or a row. */
    public enum Fix {
        NONE("", ""),
        SIGN_IN_AGAIN("Sign in again", "sign in again"),
        SYNC_NOW("Sync now", "sync now");

        private final String label;
        private final String words;

        Fix(String label, String words) {
            this.label = label;
            this.words = words;
        }

        /** The button's text ("Sign in again"), empty for none. */
        public String label() {
            return label;
        }

        /** The same in running text ("sign in again"). */
        public String words() {
            return words;
        }
    }

    /**
     * One record's row.
     *
     * @param record     organization + patient id
     * @param orgName    the organization's name
     * @param lastSynced when this patient's sync last completed there, or null
     * @param access     the sign-in in words ("signed in; the sign-in runs out in 5 days"), never null
     * @param accessFix  what to do about the sign-in (sign in again when it ran out or is missing)
     * @param grantDaysLeft whole days until the refresh grant ends (negative: ended), null when not known
     */
    public record Row(PatientRef record, String orgName, Instant lastSynced, String access, Fix accessFix,
                      Long grantDaysLeft) {
    }

    /**
     * One organization x type.
     *
     * @param record     the row's record
     * @param type       FHIR resource type
     * @param label      the type in words ("Allergies")
     * @param count      resources of the type the cache holds for the record
     * @param lastPulled when the type was last pulled completely there, or null
     * @param status     why the cell holds what it holds
     * @param words      the cell in words ("12, pulled 5 Dec 2026", "not granted at sign-in")
     * @param fix        what would fill it, {@link Fix#NONE} when nothing ChartLens does would
     */
    public record Cell(PatientRef record, String type, String label, int count, Instant lastPulled,
                       Status status, String words, Fix fix) {
    }

    /** The cell of a record and type. */
    public Optional<Cell> cell(PatientRef record, String type) {
        return cells.stream().filter(c -> c.record().equals(record) && c.type().equals(type)).findFirst();
    }

    /** The cell of the first record at an organization. */
    public Optional<Cell> cell(String org, String type) {
        return cells.stream().filter(c -> c.record().org().equals(org) && c.type().equals(type)).findFirst();
    }

    /** Cells that cannot say what the organization holds, in row then column order. */
    public List<Cell> unknown() {
        return cells.stream().filter(c -> c.status().unknown()).toList();
    }
}
