package org.chartlens.ui.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;

/**
 * The referral summary (issue 17 section 4) from an open chart: written as a PDF or rendered as
 * pages for the system's print dialog (issue 18: masked unless the glass is broken and the user
 * included restricted records for this document). Every document is audited ({@code export},
 * {@code print}; including restricted records also {@code include-restricted}) from
 * {@code view:chart}. Thread safe; every method blocks (call it from the task executor).
 */
public interface SummaryPort {
    /** Exports and prints nothing (read-only modes, tests of other views). */
    SummaryPort NONE = new SummaryPort() {
        @Override
        public Written export(Request request, Path file, BooleanSupplier cancelled) {
            throw new UnsupportedOperationException("Summaries cannot be made in this mode.");
        }

        @Override
        public Printout printout(Request request, BooleanSupplier cancelled) {
            throw new UnsupportedOperationException("Summaries cannot be made in this mode.");
        }

        @Override
        public void printed(Request request, int pages, int sent) {
        }
    };

    /**
     * One document.
     *
     * @param records    the chart's records (a person's linked records, first first)
     * @param units      as the chart shows them
     * @param infer      the restricted-record inference setting in force (as the chart)
     * @param restricted the glass broken for this chart when the user ticked "Include restricted
     *                   records in this document"; null: restricted records are left out (masked)
     */
    record Request(List<PatientRef> records, UnitSystem units, boolean infer, BreakGlass restricted) {
        public Request {
            if (records == null || records.isEmpty()) {
                throw new IllegalArgumentException("no records");
            }
            records = List.copyOf(records);
            units = units == null ? UnitSystem.METRIC : units;
        }

        public boolean includesRestricted() {
            return restricted != null;
        }
    }

    /**
     * A PDF written.
     *
     * @param pages      its page count
     * @param restricted how many restricted records it includes (0 when masked)
     * @param withheld   how many restricted records it leaves out
     */
    record Written(Path file, int pages, int restricted, int withheld) {
    }

    /** One page as pixels (ARGB, row by row) and its size on paper in points (1/72 inch). */
    record Page(int width, int height, int[] argb, double widthPoints, double heightPoints) {
    }

    /** A summary's pages for printing, rendered one at a time. Not thread safe; close it. */
    interface Printout extends AutoCloseable {
        int count();

        /** Page {@code index} (from 0) at {@code dpi}. */
        Page page(int index, float dpi) throws IOException;

        /** How many restricted records the pages include (0 when masked) and leave out. */
        int restricted();

        int withheld();

        @Override
        void close() throws IOException;
    }

    /**
     * Builds the summary of {@code request} and writes it owner-only to {@code file} (a failed write
     * leaves nothing under that name); records {@code export} per record, and {@code
     * include-restricted} when it includes restricted records.
     *
     * @param cancelled asked between the steps (reading, laying out, writing)
     * @throws IOException           the file cannot be written, in words without PHI
     * @throws CancellationException when {@code cancelled} said so before the file was written
     */
    Written export(Request request, Path file, BooleanSupplier cancelled) throws IOException;

    /**
     * Builds the summary of {@code request} as pages to print (the same pages as the PDF); records
     * {@code include-restricted} when it includes restricted records. The print itself is
     * recorded by {@link #printed}.
     */
    Printout printout(Request request, BooleanSupplier cancelled) throws IOException;

    /** Records {@code print} per record: {@code sent} of {@code pages} pages went to the printer. */
    void printed(Request request, int pages, int sent);
}
