package org.chartlens.ui.chart;

import javafx.stage.Window;
import org.chartlens.ui.port.SummaryPort;

/**
 * Where a summary's pages are printed: the system's print dialog and printer ({@link #SYSTEM},
 * JavaFX {@code PrinterJob}), or a recording stand-in in headless tests.
 */
public interface Printing {
    /** The system's print dialog and printers. */
    Printing SYSTEM = new FxPrinting();

    /**
     * Shows the print dialog (FX thread). Returns the job to print into, or null when the user
     * cancelled it.
     *
     * @throws IllegalStateException "No printer is set up on this computer." (in words, shown as is)
     */
    Job begin(Window owner, String jobName);

    /** One print job. Its methods may be called from a background thread, one at a time. */
    interface Job {
        /** Prints one page, scaled to fit the sheet's printable area; false when the printer refused it. */
        boolean print(SummaryPort.Page page);

        /** Sends the pages printed so far to the printer; false when that failed. */
        boolean end();

        /** Drops the job: nothing more is printed. */
        void cancel();
    }
}
