package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.chartlens.clinical.LabelledBundle;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ChartCache;
import org.chartlens.ui.Screenshots;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.chart.Printing;
import org.chartlens.ui.chart.SummaryDialog;
import org.chartlens.ui.chart.SummaryJob;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.CacheAuditPort;
import org.chartlens.ui.port.SensitiveSettings;
import org.chartlens.ui.port.SummaryPort;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 section 4 and issue 18 in the desktop: a chart's Export PDF… and Print… through the
 * app's {@link DesktopSummaries}. The PDF has the sections; a chart with restricted records (a
 * Credible export with labelled records) leaves them out until the glass is broken and "Include
 * restricted records in this document" is ticked; the export, the print and the inclusion are in
 * the cache's audit log; printing goes through the print seam with the PDF's page count; Cancel
 * and a bad folder say so. Screenshots of the dialog, light and dark.
 */
class SummaryExportDesktopTest {
    static final Path DOCS = Path.of("docs/screenshots");
    static ChartCache cache;
    static PatientRef ref;
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        Fx.stage();
        dir = Files.createTempDirectory("chartlens-summary-export");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        cache = ChartCache.open(dir.resolve("cache.db"), key);
        ref = LabelledBundle.importInto(cache, dir);
    }

    @AfterAll
    static void tearDown() {
        cache.close();
    }

    /** Records the pages it is given, as a printer would take them. */
    static final class RecordingPrinter implements Printing {
        final List<SummaryPort.Page> pages = new ArrayList<>();
        boolean ended;
        boolean cancelled;
        int cancelAfter = Integer.MAX_VALUE;
        Runnable onPage = () -> { };

        @Override
        public Job begin(Window owner, String jobName) {
            return new Job() {
                @Override
                public boolean print(SummaryPort.Page page) {
                    pages.add(page);
                    if (pages.size() >= cancelAfter) {
                        onPage.run();
                    }
                    return true;
                }

                @Override
                public boolean end() {
                    ended = true;
                    return true;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            };
        }
    }

    private static ChartView open(SummaryPort port) throws Exception {
        ChartView v = Fx.call(() -> {
            ChartViewModel vm = new ChartViewModel(cache, new SameThreadTaskExecutor(), List.of(ref), () -> o -> "Credible")
                    .withSummaries(port);
            vm.restrictions(new CacheAuditPort(() -> cache), SensitiveSettings.DEFAULTS);
            vm.load(UnitSystem.METRIC);
            return new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, false);
        });
        Fx.show(v);
        return v;
    }

    /** Export PDF… answered with {@code include} and {@code file}; the job's message. */
    private static String export(ChartView v, boolean include, Path file) throws Exception {
        Fx.run(() -> {
            v.summaryActions().use((k, d, g) -> Optional.of(include), (w, s) -> file, null);
            v.exportPdf();
        });
        Fx.settle();
        return Fx.call(() -> v.summaryActions().job().messageProperty().get());
    }

    private static String text(Path pdf) throws IOException {
        return String.join("\n", SummaryOnDemoEhrTest.pages(pdf));
    }

    private static List<AuditEvent> events(String name) {
        return cache.auditEvents(Instant.EPOCH, null, null).stream().filter(e -> e.event().equals(name)).toList();
    }

    @Test
    void exportLeavesRestrictedRecordsOutUntilTheGlassIsBrokenAndTheBoxTicked() throws Exception {
        ChartView v = open(new DesktopSummaries(() -> cache, () -> o -> "Credible"));
        int exportsBefore = events("export").size();
        int includedBefore = events("include-restricted").size();

        // masked: even an answer of "include" cannot include what the chart hides
        Path masked = dir.resolve("masked.pdf");
        String said = export(v, true, masked);
        assertTrue(said.startsWith("Saved masked.pdf in " + dir.getFileName() + " (1 page)") && said.endsWith("; 5 restricted records left out."), said);
        String m = text(masked);
        SummaryOnDemoEhrTest.sectionsInOrder(m);
        for (String open : List.of("Essential hypertension", "Lisinopril", "General check-up", "Credible")) {
            assertTrue(m.contains(open), open + " in the PDF");
        }
        for (String secret : LabelledBundle.SECRETS) {
            assertFalse(m.contains(secret), secret + " in the PDF before the glass is broken");
        }

        Fx.run(() -> v.viewModel().breakGlass(BreakGlass.parse("consent")));
        Fx.settle();
        assertNotNull(Fx.call(() -> v.viewModel().glassProperty().get()));
        Path unticked = dir.resolve("unticked.pdf");
        export(v, false, unticked);
        String u = text(unticked);
        for (String secret : LabelledBundle.SECRETS) {
            assertFalse(u.contains(secret), secret + " in the PDF with the glass broken but the box not ticked");
        }
        assertEquals(includedBefore, events("include-restricted").size(), "nothing included yet");

        Path ticked = dir.resolve("ticked.pdf");
        said = export(v, true, ticked);
        assertTrue(said.endsWith("; includes 5 restricted records."), said);
        String t = text(ticked);
        for (String secret : List.of("Opioid dependence", "Buprenorphine", "Major depressive disorder",
                "Opioid treatment")) {
            assertTrue(t.contains(secret), secret + " in the PDF once included");
        }
        assertTrue(Files.getPosixFilePermissions(ticked).stream().noneMatch(p -> p.name().startsWith("GROUP")
                || p.name().startsWith("OTHERS")), "owner-only");

        List<AuditEvent> exports = events("export");
        assertEquals(exportsBefore + 3, exports.size(), "each export audited");
        AuditEvent last = exports.get(exports.size() - 1);
        assertEquals("view:chart", last.source());
        assertEquals(ref.id(), last.patientId());
        assertTrue(last.detail().startsWith("summary file=ticked.pdf pages=") && last.detail().endsWith("restricted=included 5"),
                last.detail());
        assertTrue(exports.get(exports.size() - 3).detail().endsWith("restricted=withheld 5"));
        List<AuditEvent> included = events("include-restricted");
        assertEquals(includedBefore + 1, included.size());
        AuditEvent i = included.get(included.size() - 1);
        assertEquals(ref.org(), i.org());
        assertEquals(ref.id(), i.patientId());
        assertNotNull(i.who());
        assertTrue(i.detail().startsWith("document=export; reason=Patient consent on file; records=5; labels="), i.detail());
        for (String secret : LabelledBundle.SECRETS) {
            assertFalse(i.detail().contains(secret) || last.detail().contains(secret), "no PHI in the audit log");
        }
    }

    @Test
    void printGoesThroughThePrintSeamWithThePdfsPagesAndIsAudited() throws Exception {
        ChartView v = open(new DesktopSummaries(() -> cache, () -> o -> "Credible"));
        Fx.run(() -> v.viewModel().breakGlass(BreakGlass.parse("emergency")));
        Fx.settle();
        Path pdf = dir.resolve("to-compare.pdf");
        export(v, true, pdf);
        int pdfPages;
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            pdfPages = d.getNumberOfPages();
        }
        int printsBefore = events("print").size();
        int includedBefore = events("include-restricted").size();
        RecordingPrinter printer = new RecordingPrinter();
        Fx.run(() -> {
            v.summaryActions().use((k, d, g) -> Optional.of(true), null, printer);
            v.print();
        });
        Fx.settle();
        assertEquals(pdfPages, printer.pages.size(), "the printout has the PDF's pages");
        assertTrue(printer.ended && !printer.cancelled);
        SummaryPort.Page first = printer.pages.get(0);
        assertTrue(first.width() > 1000 && first.argb().length == first.width() * first.height(), "a page image at print resolution");
        String said = Fx.call(() -> v.summaryActions().job().messageProperty().get());
        assertEquals("Sent " + (pdfPages == 1 ? "1 page" : pdfPages + " pages") + " to the printer; includes 5 restricted records.", said);
        List<AuditEvent> prints = events("print");
        assertEquals(printsBefore + 1, prints.size());
        assertEquals("summary pages=" + pdfPages + " restricted=included", prints.get(prints.size() - 1).detail());
        List<AuditEvent> included = events("include-restricted");
        assertEquals(includedBefore + 1, included.size());
        assertTrue(included.get(included.size() - 1).detail().startsWith("document=print; reason=Treatment emergency"));
    }

    @Test
    void cancelStopsAndABadFolderIsSaidInWords() throws Exception {
        SummaryPort real = new DesktopSummaries(() -> cache, () -> o -> "Credible");
        ChartView[] view = new ChartView[1];
        boolean[] cancelPrint = new boolean[1];
        boolean[] cancelExport = {true};
        // a user who presses Cancel while the chart is being read
        SummaryPort slow = new SummaryPort() {
            @Override
            public Written export(Request r, Path file, BooleanSupplier cancelled) throws IOException {
                if (cancelExport[0]) {
                    view[0].summaryActions().job().cancel();
                }
                return real.export(r, file, cancelled);
            }

            @Override
            public Printout printout(Request r, BooleanSupplier cancelled) throws IOException {
                if (cancelPrint[0]) {
                    view[0].summaryActions().job().cancel();
                }
                return real.printout(r, cancelled);
            }

            @Override
            public void printed(Request r, int pages, int sent) {
                real.printed(r, pages, sent);
            }
        };
        view[0] = open(slow);
        Path never = dir.resolve("never.pdf");
        assertEquals("Cancelled: nothing was written.", export(view[0], false, never));
        assertFalse(Files.exists(never));
        assertEquals(SummaryJob.Outcome.CANCELLED, Fx.call(() -> view[0].summaryActions().job().outcomeProperty().get()));

        // and while the pages to print are made
        RecordingPrinter printer = new RecordingPrinter();
        cancelPrint[0] = true;
        int printsBefore = events("print").size();
        Fx.run(() -> {
            view[0].summaryActions().use((k, d, g) -> Optional.of(false), null, printer);
            view[0].print();
        });
        Fx.settle();
        assertTrue(printer.pages.isEmpty(), "no page after Cancel");
        assertTrue(printer.cancelled && !printer.ended, "the job is dropped");
        assertEquals("Cancelled: nothing was sent to the printer.",
                Fx.call(() -> view[0].summaryActions().job().messageProperty().get()));
        assertEquals(printsBefore, events("print").size(), "nothing printed, nothing recorded as printed");

        // and between pages: the pages after it are not printed, the job is dropped, the pages sent recorded
        List<String> recorded = new ArrayList<>();
        SummaryPort threePages = new SummaryPort() {
            @Override
            public Written export(Request r, Path file, BooleanSupplier cancelled) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Printout printout(Request r, BooleanSupplier cancelled) {
                return new Printout() {
                    public int count() {
                        return 3;
                    }

                    public Page page(int index, float dpi) {
                        return new Page(2, 2, new int[4], 595, 842);
                    }

                    public int restricted() {
                        return 0;
                    }

                    public int withheld() {
                        return 0;
                    }

                    public void close() {
                    }
                };
            }

            @Override
            public void printed(Request r, int pages, int sent) {
                recorded.add(sent + " of " + pages);
            }
        };
        ChartView three = open(threePages);
        RecordingPrinter midway = new RecordingPrinter();
        midway.cancelAfter = 1;
        midway.onPage = () -> three.summaryActions().job().cancel();
        Fx.run(() -> {
            three.summaryActions().use((k, d, g) -> Optional.of(false), null, midway);
            three.print();
        });
        Fx.settle();
        assertEquals(1, midway.pages.size(), "no page after Cancel");
        assertTrue(midway.cancelled && !midway.ended);
        assertEquals(List.of("1 of 3"), recorded);
        assertEquals(SummaryJob.Outcome.CANCELLED, Fx.call(() -> three.summaryActions().job().outcomeProperty().get()));
        assertEquals("Cancelled after page 1 of 3: the print job was dropped.",
                Fx.call(() -> three.summaryActions().job().messageProperty().get()));

        cancelExport[0] = false;
        String said = export(view[0], false, dir.resolve("no-such-folder").resolve("x.pdf"));
        assertTrue(said.startsWith("The PDF could not be written: cannot write ") && said.endsWith("does not exist"), said);
        assertEquals(SummaryJob.Outcome.FAILED, Fx.call(() -> view[0].summaryActions().job().outcomeProperty().get()));
    }

    @Test
    void theSystemPrintPathSaysSoWhenThereIsNoPrinter() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Fx.call(javafx.print.Printer::getDefaultPrinter) == null,
                "a printer is set up here: the system print dialog would open");
        ChartView v = open(new DesktopSummaries(() -> cache, () -> o -> "Credible"));
        int printsBefore = events("print").size();
        Fx.run(() -> {
            v.summaryActions().use((k, d, g) -> Optional.of(false), null, Printing.SYSTEM);
            v.print();
        });
        Fx.settle();
        String said = Fx.call(() -> v.summaryActions().job().messageProperty().get());
        assertEquals("The summary could not be printed: No printer is set up on this computer.", said);
        assertEquals(SummaryJob.Outcome.FAILED, Fx.call(() -> v.summaryActions().job().outcomeProperty().get()));
        assertEquals(printsBefore, events("print").size(), "nothing printed, nothing recorded as printed");
    }

    @Test
    void theDialogOffersTheBoxOnlyWithTheGlassBrokenUnticked() throws Exception {
        ChartView v = open(new DesktopSummaries(() -> cache, () -> o -> "Credible"));
        var data = Fx.call(() -> v.viewModel().dataProperty().get());
        Dialog<Boolean> masked = Fx.call(() -> SummaryDialog.dialog(SummaryDialog.Kind.EXPORT, data, false));
        assertNotNull(Fx.call(() -> masked.getDialogPane().lookup("#summary-restricted-left-out")));
        assertEquals(null, Fx.call(() -> masked.getDialogPane().lookup("#summary-include-restricted")));
        Dialog<Boolean> broken = Fx.call(() -> SummaryDialog.dialog(SummaryDialog.Kind.EXPORT, data, true));
        CheckBox box = (CheckBox) Fx.call(() -> broken.getDialogPane().lookup("#summary-include-restricted"));
        assertFalse(box.isSelected(), "unticked until the user ticks it");
        assertEquals("Include restricted records in this document", box.getText());
    }

    @Test
    void screenshotsOfTheExportDialogLightAndDark() throws Exception {
        ChartView v = open(new DesktopSummaries(() -> cache, () -> o -> "Credible"));
        Fx.run(() -> v.viewModel().breakGlass(BreakGlass.parse("consent")));
        Fx.settle();
        var data = Fx.call(() -> v.viewModel().dataProperty().get());
        for (boolean dark : new boolean[] {false, true}) {
            for (boolean ticked : new boolean[] {false, true}) {
                String name = "summary-export-dialog" + (ticked ? "-ticked" : "") + (dark ? "-dark" : "") + ".png";
                Path out = Path.of("target/screenshots").resolve(name);
                Files.deleteIfExists(out);
                Screenshots.render(() -> {
                    // the dialog's pane as the dialog shows it (a dialog's own pane is already its scene's root)
                    DialogPane shown = SummaryDialog.dialog(SummaryDialog.Kind.EXPORT, data, true).getDialogPane();
                    ((CheckBox) shown.lookup("#summary-include-restricted")).setSelected(ticked);
                    DialogPane pane = new DialogPane();
                    pane.getStylesheets().addAll(shown.getStylesheets());
                    pane.setHeaderText(shown.getHeaderText());
                    javafx.scene.Node content = shown.getContent();
                    shown.setContent(null);
                    pane.setContent(content);
                    pane.getButtonTypes().addAll(shown.getButtonTypes());
                    return new javafx.scene.layout.VBox(pane);
                }, null, dark, 540, 330, out);
                assertTrue(Files.size(out) > 5_000, name);
                keep(out, name);
            }
            // the chart after an export: the buttons on the review line, the outcome line under it
            String name = "summary-export-done" + (dark ? "-dark" : "") + ".png";
            Path out = Path.of("target/screenshots").resolve(name);
            ChartView[] view = new ChartView[1];
            Path file = dir.resolve("referral-summary.pdf");
            Screenshots.render(() -> {
                ChartViewModel vm = new ChartViewModel(cache, new SameThreadTaskExecutor(), List.of(ref), () -> o -> "Credible")
                        .withSummaries(new DesktopSummaries(() -> cache, () -> o -> "Credible"));
                vm.restrictions(new CacheAuditPort(() -> cache), SensitiveSettings.DEFAULTS);
                vm.load(UnitSystem.METRIC);
                view[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark);
                return view[0];
            }, () -> {
                view[0].summaryActions().use((k, d, g) -> Optional.of(false), (w, s) -> file, null);
                view[0].exportPdf();
            }, dark, 1400, 860, out);
            assertTrue(Files.exists(file));
            keep(out, name);
        }
    }

    private static void keep(Path out, String name) throws IOException {
        if (Boolean.getBoolean("chartlens.updateScreenshots")) {
            Files.createDirectories(DOCS);
            Files.copy(out, DOCS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
