package org.chartlens.report;

import java.util.List;

/**
 * The referral summary's content, before layout: a title block and sections, each a table whose
 * last column names the organizations a row came from. Built by {@link ReferralSummary}, laid out
 * by {@link SummaryPdf}. Immutable; plain text only.
 *
 * @param patientLine "Name · born 1961-04-03" (the running head on every page)
 * @param printed     "5 Dec 2026 09:30 UTC" (in the footer of every page)
 * @param intro       the title block's lines under the patient's name
 * @param sections    in reading order
 */
public record SummaryDocument(String patientName, String patientLine, String printed, List<String> intro,
                              List<Section> sections) {
    public SummaryDocument {
        intro = List.copyOf(intro);
        sections = List.copyOf(sections);
    }

    /**
     * One section.
     *
     * @param heading "Active problems"
     * @param note    a line under the heading ("latest 20 of 143 ..."), or ""
     * @param columns column headings
     * @param widths  relative column widths, one per column
     * @param rows    cells, one per column; a cell may hold several lines separated by '\n'
     * @param empty   what to print when there are no rows
     */
    public record Section(String heading, String note, List<String> columns, float[] widths, List<List<String>> rows,
                          String empty) {
        public Section {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (widths.length != columns.size()) {
                throw new IllegalArgumentException("one width per column");
            }
            widths = widths.clone();
        }
    }
}
