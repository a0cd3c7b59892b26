package org.chartlens.app;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.chartlens.auth.OwnerOnlyFiles;
import org.chartlens.clinical.ChartData;
import org.chartlens.report.SummaryPdf;
import org.chartlens.report.SummaryOptions;

/**
 * Writing a referral summary to a file the user chose ({@code chartlens summary}, the chart's
 * "Export summary (PDF)…"): checked first so a bad path is said before any work, written owner-only
 * from its creation (like every file ChartLens writes), beside the target then moved over it, so a
 * failed write never leaves half a PDF under the chosen name. The caller records the export in the
 * audit log ({@link #auditDetail}). Stateless, thread safe; blocking.
 */
public final class SummaryExports {
    private SummaryExports() {
    }

    /**
     * Says in words why {@code file} cannot be written, before anything is built.
     *
     * @throws IOException "cannot write FILE: ..." (folder missing, a folder given, not writable)
     */
    public static void checkWritable(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + file + ": it is a folder; name a file, e.g. " + abs.resolve("summary.pdf"));
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + file + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(abs) && !Files.isWritable(abs))) {
            throw new IOException("cannot write " + file + ": permission denied");
        }
    }

    /** Builds the summary of {@code chart} and writes it to {@code file}; returns the number of pages. */
    public static int write(ChartData chart, SummaryOptions options, Path file) throws IOException {
        checkWritable(file);
        SummaryPdf.Rendered pdf = SummaryPdf.render(chart, options);
        writeRendered(pdf, file);
        return pdf.pages();
    }

    /** Writes a summary already laid out to {@code file} (owner-only, beside it then moved over it). */
    public static void writeRendered(SummaryPdf.Rendered pdf, Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
        try {
            try (FileChannel ch = OwnerOnlyFiles.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                Channels.newOutputStream(ch).write(pdf.bytes());
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        }
    }

    /** The audit event's detail: the file's name (never its folder) and the page count. */
    public static String auditDetail(Path file, int pages, ChartData chart) {
        return "summary file=" + file.getFileName() + " pages=" + pages
                + (chart.isPerson() ? " person=" + chart.records().size() + " records" : "")
                + (!chart.restrictions().any() ? "" : chart.restrictions().shown()
                ? " restricted=included (" + chart.restrictions().count() + ")"
                : " restricted=left out (" + chart.restrictions().count() + ")");
    }
}
