package org.chartlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.PersonRecords;
import org.chartlens.domain.UnitSystem;
import org.junit.jupiter.api.Test;

/**
 * The referral summary's layout on a hand-written person of three organizations (issue 17
 * section 4): every section, every organization by name, disagreements in words, the running head
 * and footer on every page, the hooks (marks, notes) printed, names outside Latin-1 kept.
 */
class SummaryPdfTest {
    static final ZonedDateTime PRINTED = ZonedDateTime.of(2026, 12, 5, 9, 30, 0, 0, ZoneOffset.UTC);
    static final Map<String, String> NAMES = Map.of("clinic", "Riverside Family Clinic", "hospital", "St. Mary's Hospital",
            "pharmacy", "Corner Pharmacy");
    static final List<String> SECTIONS = List.of("Sources and freshness", "Active problems", "Current medications",
            "Allergies and intolerances", "Recent abnormal results", "Recent encounters", "Immunizations",
            "What is missing", "Reviewer's notes");

    static SummaryOptions options(ReconciliationMarks marks, List<ReviewerNote> notes) {
        Function<String, String> names = o -> NAMES.getOrDefault(o, o);
        return new SummaryOptions(names, PRINTED, SummaryOptions.Paper.A4, marks, notes);
    }

    /** Keeps the PDF under target/summary-samples/ to look at (build output, not in git). */
    static void keep(byte[] pdf, String name) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "summary-samples"));
        Files.write(dir.resolve(name), pdf);
    }

    /** Text per page, as PDFBox extracts it. */
    static List<String> pages(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            List<String> out = new java.util.ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= d.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                out.add(s.getText(d));
            }
            return out;
        }
    }

    /** Every page: name and birth date at the top, "Contains PHI", the print date and "Page i of n" below. */
    static void headAndFooterOnEveryPage(List<String> pages, String name, String born) {
        for (int i = 0; i < pages.size(); i++) {
            String p = pages.get(i);
            assertTrue(p.contains(name + " · born " + born), "page " + (i + 1) + " names the patient: " + p);
            assertTrue(p.contains("Contains PHI"), "page " + (i + 1));
            assertTrue(p.contains("Printed 5 Dec 2026 09:30 UTC"), "page " + (i + 1));
            assertTrue(p.contains("Page " + (i + 1) + " of " + pages.size()), "page " + (i + 1));
        }
    }

    @Test
    void aPersonOfThreeOrganizationsHasEverySectionEachRowNamingItsOrganizations() throws Exception {
        PersonRecords store = PersonRecords.threeOrganizations();
        ChartData chart = ChartQuery.openPerson(store, List.of(PersonRecords.CLINIC, PersonRecords.HOSPITAL,
                PersonRecords.PHARMACY), UnitSystem.METRIC, LocalDate.of(2026, 12, 1));
        ReconciliationMarks marks = (kind, concept) -> kind == ReconciliationMarks.Kind.MEDICATION
                && concept.label().toLowerCase(java.util.Locale.ROOT).contains("metformin") ? "same · checked with the pharmacy" : "";
        byte[] pdf = SummaryPdf.of(chart, options(marks, List.of(new ReviewerNote("Rowe",
                Instant.parse("2026-12-04T15:00:00Z"), "Asked the hospital for the discharge letter; Ζωή Παπαδοπούλου called back."))));
        keep(pdf, "summary-person-of-three.pdf");
        List<String> pages = pages(pdf);
        String all = String.join("\n", pages).replaceAll("\\s+", " "); // cells wrap: compare words
        int at = -1;
        for (String s : SECTIONS) {
            int i = all.indexOf(s, at + 1);
            assertTrue(i > at, s + " after the one before: " + all);
            at = i;
        }
        for (String org : NAMES.values()) {
            assertTrue(all.contains(org), org);
        }
        assertTrue(all.contains("Diabetes"), all);
        assertTrue(all.contains("differ on onset"), "a disagreement in words: " + all);
        assertTrue(all.contains("Reviewed: same · checked with the pharmacy"), all);
        assertTrue(all.contains("Ζωή Παπαδοπούλου"), "Greek prints as Greek");
        headAndFooterOnEveryPage(pages, "Ana Rivera", "1961-04-03");
        // printing renders the same pages (headless): A4 at 100 dpi
        try (SummaryPages printed = SummaryPages.of(pdf)) {
            assertEquals(pages.size(), printed.count());
            java.awt.image.BufferedImage first = printed.render(0, 100);
            assertEquals(Math.round(595.28 / 72 * 100), first.getWidth(), 1);
            assertEquals(Math.round(841.89 / 72 * 100), first.getHeight(), 1);
        }
    }
}
