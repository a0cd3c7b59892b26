package org.chartlens.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A summary's PDF pages as images, one at a time, for printing through the system's print dialog:
 * the printout is the same pages as the PDF, rendered by PDFBox. Not thread safe; close it.
 */
public final class SummaryPages implements AutoCloseable {
    private final PDDocument pdf;
    private final PDFRenderer renderer;

    private SummaryPages(PDDocument pdf) {
        this.pdf = pdf;
        this.renderer = new PDFRenderer(pdf);
    }

    /** The pages of a PDF made by {@link SummaryPdf}. */
    public static SummaryPages of(byte[] pdfBytes) throws IOException {
        return new SummaryPages(Loader.loadPDF(pdfBytes));
    }

    public int count() {
        return pdf.getNumberOfPages();
    }

    /** Page {@code index} (from 0) at {@code dpi}, white background. */
    public BufferedImage render(int index, float dpi) throws IOException {
        return renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
    }

    /** Page size in points (1/72 inch): width, height. */
    public float[] pointSize(int index) {
        var box = pdf.getPage(index).getMediaBox();
        return new float[] {box.getWidth(), box.getHeight()};
    }

    @Override
    public void close() throws IOException {
        pdf.close();
    }
}
