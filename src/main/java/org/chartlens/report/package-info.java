/**
 * The referral summary (issue 17 section 4): what a care coordinator hands on about a person, built
 * from a {@link org.chartlens.clinical.ChartData} exactly as given (so a chart whose restricted
 * items were masked before it got here prints masked), laid out as PDF with Apache PDFBox
 * (decision 0801), and rendered to page images for printing. Below {@code ui}, above
 * {@code clinical}; no JavaFX, no file system beyond the bundled fonts (callers write the bytes).
 */
package org.chartlens.report;
