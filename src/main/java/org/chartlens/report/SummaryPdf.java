package org.chartlens.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.chartlens.clinical.ChartData;

/**
 * Lays a {@link SummaryDocument} out as PDF pages with PDFBox: a title block, then each section as
 * a table whose cells wrap; a table that does not fit continues on the next page under its heading
 * ("continued") and its column headings. Every page carries the patient's name and birth date at
 * the top and, in the footer, "Contains PHI", the print date and "Page n of N". Stateless, thread
 * safe (each call has its own document).
 */
public final class SummaryPdf {
    static final float MARGIN = 40;
    static final float HEAD = 34;
    static final float BODY_TOP = 58;
    static final float BODY_BOTTOM = 52;
    static final float TEXT = 8.4f;
    static final float LEADING = TEXT * 1.28f;
    static final float PAD = 3.2f;
    static final int MAX_CELL_LINES = 16;

    private SummaryPdf() {
    }

    /** A summary as PDF bytes and its number of pages. */
    public record Rendered(byte[] bytes, int pages) {
    }

    /** The summary of {@code chart} as PDF bytes. */
    public static byte[] of(ChartData chart, SummaryOptions options) throws IOException {
        return render(chart, options).bytes();
    }

    /** The summary of {@code chart} as PDF, with its page count. */
    public static Rendered render(ChartData chart, SummaryOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        int pages = write(ReferralSummary.build(chart, options), options.paper(), out);
        return new Rendered(out.toByteArray(), pages);
    }

    /** Writes the document as PDF to {@code out} (not closed); returns the number of pages. */
    public static int write(SummaryDocument doc, SummaryOptions.Paper paper, OutputStream out) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("Referral summary");
            info.setCreator("ChartLens");
            Layout l = new Layout(pdf, new PdfFonts(pdf), doc, new PDRectangle(paper.width, paper.height));
            l.titleBlock();
            for (SummaryDocument.Section s : doc.sections()) {
                l.section(s);
            }
            l.finish();
            pdf.save(out);
            return pdf.getNumberOfPages();
        }
    }

    /** One document's pen: the page being filled and how far down it is. */
    private static final class Layout {
        private final PDDocument pdf;
        private final PdfFonts fonts;
        private final SummaryDocument doc;
        private final PDRectangle size;
        private final float width;
        private PDPageContentStream cs;
        private float y;

        Layout(PDDocument pdf, PdfFonts fonts, SummaryDocument doc, PDRectangle size) throws IOException {
            this.pdf = pdf;
            this.fonts = fonts;
            this.doc = doc;
            this.size = size;
            this.width = size.getWidth() - 2 * MARGIN;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(size);
            pdf.addPage(page);
            cs = new PDPageContentStream(pdf, page);
            float top = size.getHeight() - HEAD;
            text(fonts.bold, 8.6f, MARGIN, top, doc.patientLine(), 0f);
            String right = "Referral summary";
            text(fonts.regular, 8.6f, size.getWidth() - MARGIN - fonts.width(fonts.regular, 8.6f, right), top, right, 0.35f);
            rule(size.getHeight() - HEAD - 6, 0.6f);
            y = size.getHeight() - BODY_TOP;
        }

        void finish() throws IOException {
            cs.close();
            int n = pdf.getNumberOfPages();
            String left = fonts.clean(fonts.regular, "Contains PHI · Printed " + doc.printed() + " by ChartLens · Confidential: "
                    + "for the care of this patient only");
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream f = new PDPageContentStream(pdf, pdf.getPage(i), PDPageContentStream.AppendMode.APPEND,
                        true, true)) {
                    cs = f;
                    rule(34, 0.6f);
                    text(fonts.regular, 7.8f, MARGIN, 22, left, 0.2f);
                    String page = "Page " + (i + 1) + " of " + n;
                    text(fonts.bold, 7.8f, size.getWidth() - MARGIN - fonts.width(fonts.bold, 7.8f, page), 22, page, 0.2f);
                }
            }
        }

        void titleBlock() throws IOException {
            text(fonts.bold, 17, MARGIN, y - 17, "Referral summary", 0f);
            y -= 26;
            for (String line : wrap(fonts.bold, 13, doc.patientName(), width)) {
                text(fonts.bold, 13, MARGIN, y - 13, line, 0f);
                y -= 16;
            }
            y -= 2;
            for (String para : doc.intro()) {
                for (String line : wrap(fonts.regular, 9, para, width)) {
                    room(12);
                    text(fonts.regular, 9, MARGIN, y - 9, line, 0.1f);
                    y -= 12;
                }
            }
            y -= 6;
        }

        void section(SummaryDocument.Section s) throws IOException {
            float[] cols = columns(s.widths());
            List<List<List<String>>> rows = new ArrayList<>(s.rows().size());
            for (List<String> r : s.rows()) {
                rows.add(cells(r, cols));
            }
            List<String> noteLines = s.note().isEmpty() ? List.of() : wrap(fonts.regular, 7.8f, s.note(), width);
            float headerH = rowHeight(cells(s.columns(), cols, fonts.bold));
            float first = rows.isEmpty() ? 14 : headerH + rowHeight(rows.get(0));
            if (y - (22 + noteLines.size() * 10 + first) < BODY_BOTTOM) {
                newPage();
            }
            heading(s.heading());
            for (String l : noteLines) {
                text(fonts.regular, 7.8f, MARGIN, y - 7.8f, l, 0.38f);
                y -= 10;
            }
            y -= 2;
            if (rows.isEmpty()) {
                for (String l : wrap(fonts.regular, 8.8f, s.empty(), width)) {
                    room(12);
                    text(fonts.regular, 8.8f, MARGIN, y - 8.8f, l, 0.3f);
                    y -= 12;
                }
                y -= 10;
                return;
            }
            header(s, cols);
            for (List<List<String>> r : rows) {
                float h = rowHeight(r);
                if (y - h < BODY_BOTTOM) {
                    newPage();
                    heading(s.heading() + " (continued)");
                    header(s, cols);
                }
                row(r, cols, fonts.regular, false);
            }
            y -= 12;
        }

        private void heading(String h) throws IOException {
            text(fonts.bold, 11.5f, MARGIN, y - 11.5f, h, 0f);
            y -= 17;
        }

        private void header(SummaryDocument.Section s, float[] cols) throws IOException {
            row(cells(s.columns(), cols, fonts.bold), cols, fonts.bold, true);
        }

        private void row(List<List<String>> cells, float[] cols, PDFont font, boolean header) throws IOException {
            float h = rowHeight(cells);
            if (header) {
                cs.setNonStrokingColor(0.9f, 0.92f, 0.95f);
                cs.addRect(MARGIN, y - h, width, h);
                cs.fill();
            }
            float x = MARGIN;
            for (int c = 0; c < cells.size(); c++) {
                float ty = y - PAD - TEXT;
                for (String line : cells.get(c)) {
                    text(font, TEXT, x + PAD, ty, line, 0f);
                    ty -= LEADING;
                }
                x += cols[c];
            }
            y -= h;
            rule(y, header ? 0.6f : 0.3f);
        }

        private float rowHeight(List<List<String>> cells) {
            int lines = 1;
            for (List<String> c : cells) {
                lines = Math.max(lines, c.size());
            }
            return lines * LEADING + 2 * PAD - (LEADING - TEXT) + 1.5f;
        }

        private float[] columns(float[] rel) {
            float sum = 0;
            for (float r : rel) {
                sum += r;
            }
            float[] out = new float[rel.length];
            for (int i = 0; i < rel.length; i++) {
                out[i] = width * rel[i] / sum;
            }
            return out;
        }

        private List<List<String>> cells(List<String> row, float[] cols) throws IOException {
            return cells(row, cols, fonts.regular);
        }

        private List<List<String>> cells(List<String> row, float[] cols, PDFont font) throws IOException {
            List<List<String>> out = new ArrayList<>(row.size());
            for (int c = 0; c < cols.length; c++) {
                String cell = c < row.size() && row.get(c) != null ? row.get(c) : "";
                List<String> lines = wrap(font, TEXT, cell, cols[c] - 2 * PAD);
                if (lines.size() > MAX_CELL_LINES) {
                    lines = new ArrayList<>(lines.subList(0, MAX_CELL_LINES));
                    lines.set(MAX_CELL_LINES - 1, lines.get(MAX_CELL_LINES - 1) + " …");
                }
                out.add(lines);
            }
            return out;
        }

        private void room(float h) throws IOException {
            if (y - h < BODY_BOTTOM) {
                newPage();
            }
        }

        /** Lines of at most {@code max} points: paragraphs at '\n', words at spaces, long words by character. */
        List<String> wrap(PDFont font, float size, String text, float max) throws IOException {
            List<String> out = new ArrayList<>();
            for (String para : (text == null ? "" : text).split("\n", -1)) {
                String clean = fonts.clean(font, para).strip();
                if (fonts.width(font, size, clean) <= max) {
                    out.add(clean);
                    continue;
                }
                StringBuilder line = new StringBuilder();
                for (String word : clean.split(" +")) {
                    String tried = line.length() == 0 ? word : line + " " + word;
                    if (fonts.width(font, size, tried) <= max) {
                        line.setLength(0);
                        line.append(tried);
                        continue;
                    }
                    if (line.length() > 0) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    while (fonts.width(font, size, word) > max && word.length() > 1) {
                        int n = word.length() - 1;
                        while (n > 1 && fonts.width(font, size, word.substring(0, n)) > max) {
                            n--;
                        }
                        out.add(word.substring(0, n));
                        word = word.substring(n);
                    }
                    line.append(word);
                }
                if (line.length() > 0) {
                    out.add(line.toString());
                }
            }
            return out;
        }

        private void text(PDFont font, float size, float x, float ty, String s, float grey) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setNonStrokingColor(grey, grey, grey);
            cs.setFont(font, size);
            cs.newLineAtOffset(x, ty);
            cs.showText(fonts.clean(font, s));
            cs.endText();
        }

        private void rule(float at, float lineWidth) throws IOException {
            cs.setStrokingColor(0.75f, 0.77f, 0.8f);
            cs.setLineWidth(lineWidth);
            cs.moveTo(MARGIN, at);
            cs.lineTo(MARGIN + width, at);
            cs.stroke();
        }
    }
}
