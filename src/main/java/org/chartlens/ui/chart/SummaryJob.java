package org.chartlens.ui.chart;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.SummaryPort;

/**
 * One chart's referral summary on its way out (issue 17 section 4, issue 18): exporting a PDF or
 * printing its pages, on the task executor, with progress, a Cancel that stops between steps and
 * pages, and the outcome in words without PHI. At most one at a time per chart. Properties: FX
 * thread; progress hops there through {@code fx} (coalesced: at most one pending).
 */
public final class SummaryJob {
    /** Print resolution of the page images: sharp text at a page at a time in memory. */
    static final float PRINT_DPI = 200;

    /** How the last job ended, for the strip's look. */
    public enum Outcome { NONE, RUNNING, DONE, CANCELLED, FAILED }

    private final ChartViewModel chart;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final AtomicBoolean pendingHop = new AtomicBoolean();
    private volatile String pendingMessage;
    private volatile double pendingProgress;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private Printing.Job printJob;

    public SummaryJob(ChartViewModel chart, TaskExecutor tasks, Executor fx) {
        this.chart = chart;
        this.tasks = tasks;
        this.fx = fx;
    }

    /** Writes the summary to {@code file} (FX thread). */
    public void export(Path file, boolean includeRestricted) {
        if (running.get()) {
            return;
        }
        SummaryPort.Request request = chart.summaryRequest(includeRestricted);
        AtomicBoolean stop = start("Writing the summary PDF…");
        tasks.submit(() -> chart.summaries().export(request, file, stop::get), w -> {
            written.set(w.file());
            Path folder = w.file().toAbsolutePath().getParent();
            finish(Outcome.DONE, "Saved " + w.file().getFileName() + (folder == null || folder.getFileName() == null ? ""
                    : " in " + folder.getFileName()) + " (" + pages(w.pages()) + ")" + restricted(
                    w.restricted(), w.withheld()) + ".");
        }, e -> failed(e, "The PDF could not be written"));
    }

    /** Prints the summary into {@code job}, a job the print dialog gave (FX thread). */
    public void print(Printing.Job job, boolean includeRestricted) {
        if (running.get()) {
            job.cancel();
            return;
        }
        SummaryPort.Request request = chart.summaryRequest(includeRestricted);
        AtomicBoolean stop = start("Preparing the pages to print…");
        printJob = job;
        SummaryPort port = chart.summaries();
        tasks.submit(() -> {
            SummaryPort.Printout made;
            try {
                made = port.printout(request, stop::get);
            } catch (RuntimeException | java.io.IOException e) {
                job.cancel(); // nothing was printed
                throw e;
            }
            try (SummaryPort.Printout out = made) {
                int n = out.count();
                int sent = 0;
                try {
                    for (int i = 0; i < n && !stop.get(); i++) {
                        hop("Printing page " + (i + 1) + " of " + n + "…", (double) i / n);
                        if (!job.print(out.page(i, PRINT_DPI))) {
                            break;
                        }
                        sent++;
                    }
                } catch (RuntimeException | java.io.IOException e) {
                    job.cancel();
                    port.printed(request, n, sent);
                    throw e;
                }
                if (stop.get() || sent < n) {
                    job.cancel();
                } else if (!job.end()) {
                    sent = 0;
                }
                port.printed(request, n, sent);
                if (stop.get()) {
                    throw new Stopped(sent, n);
                }
                if (sent < n) {
                    throw new PrinterRefused();
                }
                return new int[] {n, out.restricted(), out.withheld()};
            }
        }, r -> finish(Outcome.DONE, "Sent " + pages(r[0]) + " to the printer" + restricted(r[1], r[2]) + "."),
                e -> failed(e, "The summary could not be printed"));
    }

    /** Stops the job at its next step or page (FX thread); nothing after it is written or printed. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
            message.set("Cancelling…");
        }
    }

    /** Says why a job could not start (no printer), as a failed job would (FX thread). */
    void failedBeforeStart(String text) {
        if (!running.get()) {
            written.set(null);
            finish(Outcome.FAILED, text);
        }
    }

    /** Forgets the last outcome (the strip's close button). */
    public void dismiss() {
        if (!running.get()) {
            outcome.set(Outcome.NONE);
            message.set("");
        }
    }

    private AtomicBoolean start(String what) {
        cancelled = new AtomicBoolean();
        running.set(true);
        outcome.set(Outcome.RUNNING);
        progress.set(-1);
        written.set(null);
        message.set(what);
        return cancelled;
    }

    private void finish(Outcome o, String text) {
        running.set(false);
        printJob = null;
        progress.set(1);
        outcome.set(o);
        message.set(text);
    }

    private void failed(Throwable e, String what) {
        if (e instanceof Stopped st && st.sent > 0) {
            finish(Outcome.CANCELLED, "Cancelled after page " + st.sent + " of " + st.pages + ": the print job was dropped.");
            return;
        }
        if (e instanceof CancellationException || cancelled.get()) {
            finish(Outcome.CANCELLED, "Cancelled: nothing was " + (printJob == null ? "written." : "sent to the printer."));
            return;
        }
        // IOExceptions of SummaryExports say what was wrong with the path the user chose, in words;
        // anything else could carry content, so only its kind is said
        String why = e instanceof java.io.IOException && e.getMessage() != null ? e.getMessage()
                : e instanceof PrinterRefused ? "the printer did not take the pages"
                : "an unexpected " + e.getClass().getSimpleName();
        finish(Outcome.FAILED, what + ": " + why);
    }

    /** Cancel pressed while printing, after {@code sent} of {@code pages} pages went to the job. */
    private static final class Stopped extends CancellationException {
        final int sent;
        final int pages;

        Stopped(int sent, int pages) {
            super("cancelled");
            this.sent = sent;
            this.pages = pages;
        }
    }

    /** The print job refused a page or could not be ended. */
    private static final class PrinterRefused extends RuntimeException {
        PrinterRefused() {
            super("the printer did not take the pages", null, false, false);
        }
    }

    /** Progress from the worker: the latest wins, one hop pending at most. */
    private void hop(String text, double fraction) {
        pendingMessage = text;
        pendingProgress = fraction;
        if (pendingHop.compareAndSet(false, true)) {
            fx.execute(() -> {
                pendingHop.set(false);
                if (running.get() && !cancelled.get()) {
                    message.set(pendingMessage);
                    progress.set(pendingProgress);
                }
            });
        }
    }

    private static String pages(int n) {
        return n == 1 ? "1 page" : n + " pages";
    }

    private static String restricted(int included, int withheld) {
        return included > 0 ? "; includes " + included + " restricted records"
                : withheld > 0 ? "; " + withheld + " restricted records left out" : "";
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The PDF last written (for "Open"), null after a print or failure. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }
}
