package org.chartlens.ui.chart;

import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.chartlens.ui.port.SummaryPort;

/**
 * Printing through JavaFX's {@link PrinterJob}: the system's print dialog on the FX thread, then
 * each page image printed from the caller's (background) thread on a node that is in no scene,
 * fitted to the printable area of the page layout the user chose.
 */
final class FxPrinting implements Printing {
    @Override
    public Job begin(Window owner, String jobName) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            throw new IllegalStateException("No printer is set up on this computer.");
        }
        job.getJobSettings().setJobName(jobName);
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return null;
        }
        return new Job() {
            @Override
            public boolean print(SummaryPort.Page page) {
                WritableImage image = new WritableImage(page.width(), page.height());
                image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbInstance(),
                        page.argb(), 0, page.width());
                PageLayout layout = job.getJobSettings().getPageLayout();
                ImageView view = new ImageView(image);
                view.setPreserveRatio(true);
                view.setSmooth(true);
                view.setFitWidth(Math.min(layout.getPrintableWidth(), page.widthPoints()));
                view.setFitHeight(Math.min(layout.getPrintableHeight(), page.heightPoints()));
                return job.printPage(layout, view);
            }

            @Override
            public boolean end() {
                return job.endJob();
            }

            @Override
            public void cancel() {
                job.cancelJob();
            }
        };
    }
}
