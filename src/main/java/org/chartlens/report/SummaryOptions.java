package org.chartlens.report;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the referral summary needs besides the chart. Immutable.
 *
 * @param names      organization id -> the name a reader knows (e.g. {@code connect.OrganizationNames})
 * @param printedAt  the print date on every page; times in the summary are shown in its zone
 * @param paper      A4 or US Letter
 * @param marks      reconciliation marks (hook; {@link ReconciliationMarks#NONE} for none yet)
 * @param notes      the reviewer's notes (hook; empty for none yet)
 */
public record SummaryOptions(Function<String, String> names, ZonedDateTime printedAt, Paper paper,
                             ReconciliationMarks marks, List<ReviewerNote> notes) {
    /** Sheet sizes in PostScript points. */
    public enum Paper {
        A4(595.28f, 841.89f), LETTER(612f, 792f);

        final float width;
        final float height;

        Paper(float width, float height) {
            this.width = width;
            this.height = height;
        }

        /** US Letter where the locale's country uses it (US, Canada, Mexico, ...), else A4. */
        public static Paper forLocale(java.util.Locale l) {
            return List.of("US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV")
                    .contains(l.getCountry()) ? LETTER : A4;
        }
    }

    public SummaryOptions {
        Objects.requireNonNull(names);
        Objects.requireNonNull(printedAt);
        paper = paper == null ? Paper.A4 : paper;
        marks = marks == null ? ReconciliationMarks.NONE : marks;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** No marks, no notes, the paper of the default locale. */
    public static SummaryOptions of(Function<String, String> names, ZonedDateTime printedAt) {
        return new SummaryOptions(names, printedAt, Paper.forLocale(java.util.Locale.getDefault()),
                ReconciliationMarks.NONE, List.of());
    }
}
