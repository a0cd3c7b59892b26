package org.chartlens.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two faces the summary is set in: DejaVu Sans and DejaVu Sans Bold, shipped in the jar
 * ({@code fonts/}, Bitstream Vera licence with public-domain DejaVu changes; decision 0801) and
 * embedded as subsets, so names in Latin, Greek, Cyrillic and the other scripts DejaVu covers
 * print the same on every computer. A character the font lacks (e.g. CJK) prints as '?' rather
 * than failing the whole summary. Widths are cached per character. One instance per document.
 */
final class PdfFonts {
    private static volatile byte[] regularBytes;
    private static volatile byte[] boldBytes;

    final PDFont regular;
    final PDFont bold;
    private final Map<PDFont, float[]> widths = new HashMap<>();
    private final Map<PDFont, Map<Integer, Boolean>> printable = new HashMap<>();

    PdfFonts(PDDocument doc) throws IOException {
        regular = PDType0Font.load(doc, new java.io.ByteArrayInputStream(regular()), true);
        bold = PDType0Font.load(doc, new java.io.ByteArrayInputStream(bold()), true);
    }

    private static byte[] regular() throws IOException {
        byte[] b = regularBytes;
        if (b == null) {
            regularBytes = b = read("fonts/DejaVuSans.ttf");
        }
        return b;
    }

    private static byte[] bold() throws IOException {
        byte[] b = boldBytes;
        if (b == null) {
            boldBytes = b = read("fonts/DejaVuSans-Bold.ttf");
        }
        return b;
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the summary's font " + name + " is missing from the installation");
            }
            return in.readAllBytes();
        }
    }

    /** The text with line breaks and tabs as spaces and characters the font cannot show as '?'. */
    String clean(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String replacement = null;
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                replacement = " ";
            } else if ((cp < 32 || cp > 126) && !canShow(font, cp)) {
                replacement = "?";
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i += n;
        }
        return sb == null ? text : sb.toString();
    }

    private boolean canShow(PDFont font, int cp) {
        if (Character.isISOControl(cp)) {
            return false;
        }
        return printable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** Width in points of clean text at {@code size}. */
    float width(PDFont font, float size, String clean) throws IOException {
        float[] w = widths.computeIfAbsent(font, f -> {
            float[] a = new float[0x3000];
            Arrays.fill(a, Float.NaN);
            return a;
        });
        float sum = 0;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c < w.length) {
                if (Float.isNaN(w[c])) {
                    w[c] = font.getStringWidth(String.valueOf(c));
                }
                sum += w[c];
            } else if (Character.isHighSurrogate(c) && i + 1 < clean.length()) {
                sum += font.getStringWidth(clean.substring(i, i + 2));
                i++;
            } else {
                sum += font.getStringWidth(String.valueOf(c));
            }
        }
        return sum / 1000f * size;
    }
}
