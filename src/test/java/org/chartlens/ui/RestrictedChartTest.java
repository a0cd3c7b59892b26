package org.chartlens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.LabelledBundle;
import org.chartlens.domain.BreakGlass;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Restrictions;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ChartCache;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.AuditPort;
import org.chartlens.ui.port.SensitiveSettings;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.StoreOnlyPorts;
import org.chartlens.ui.shell.MainViewModel;
import org.chartlens.testing.RowsJson;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 in the desktop: every tab, the banner and the summary of a chart with labelled records
 * show no display text, code or note of a restricted record until the glass is broken (audited),
 * then show them with the 42 CFR 2.32 notice; locking ends it. Screenshots of both, light and dark.
 */
class RestrictedChartTest {
    static final Path DOCS = Path.of("docs/screenshots");
    static ChartCache cache;
    static PatientRef ref;

    @BeforeAll
    static void setUp() throws Exception {
        Fx.stage();
        Path dir = Files.createTempDirectory("chartlens-restricted");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        cache = ChartCache.open(dir.resolve("cache.db"), key);
        ref = LabelledBundle.importInto(cache, dir);
    }

    @AfterAll
    static void tearDown() {
        cache.close();
    }

    /** Every text a user could see or reach: the nodes, every table's rows (tooltips and raw JSON come from them). */
    static String everything(ChartView v) throws Exception {
        return Fx.call(() -> {
            StringBuilder sb = new StringBuilder(String.join("\n", ChartScreenshotsTest.visibleTexts(v)));
            for (String tab : ChartView.TAB_NAMES) {
                Node n = v.tabContent(tab);
                sb.append('\n').append(String.join("\n", ChartScreenshotsTest.visibleTexts(n)));
                for (TableView<?> t : ChartScreenshotsTest.tables(n)) {
                    // the rows, and the raw JSON behind each ("raw JSON and source" reads the cache)
                    sb.append('\n').append(t.getItems()).append('\n').append(RowsJson.of(t.getItems(), cache));
                }
            }
            return sb.toString();
        });
    }

    private static ChartView view(ChartViewModel vm, boolean dark) throws Exception {
        return Fx.call(() -> new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark));
    }

    private static ChartViewModel model(AuditPort audit) throws Exception {
        return Fx.call(() -> {
            ChartViewModel vm = new ChartViewModel(cache, new SameThreadTaskExecutor(), List.of(ref), () -> o -> "Credible");
            vm.restrictions(audit, SensitiveSettings.DEFAULTS);
            vm.load(UnitSystem.METRIC);
            return vm;
        });
    }

    private static final class RecordingAudit implements AuditPort {
        final List<String> events = new ArrayList<>();

        @Override
        public void record(org.chartlens.store.AuditAction action, String org, String patientId, String detail, String source) {
            events.add(action.key() + " " + org + " " + patientId + " " + detail + " " + source);
        }

        @Override
        public List<AuditEvent> events(Instant since, String org, String patientId) {
            return List.of();
        }

        @Override
        public org.chartlens.store.AuditCheck verify() {
            return AuditPort.NONE.verify();
        }
    }

    @Test
    void everyTabMaskedThenShownAfterBreakingTheGlassAudited() throws Exception {
        RecordingAudit audit = new RecordingAudit();
        ChartViewModel vm = model(audit);
        ChartView v = view(vm, false);
        Fx.show(v);
        Fx.settle();
        String masked = everything(v);
        for (String secret : LabelledBundle.SECRETS) {
            assertFalse(masked.contains(secret), secret + " visible before the glass is broken");
        }
        for (String open : LabelledBundle.OPEN) {
            assertTrue(masked.contains(open), open + " stays visible");
        }
        assertTrue(masked.contains("from Credible · reason: substance-use treatment (42 CFR Part 2)"), masked);
        assertTrue(masked.contains("5 restricted records hidden"), "the banner says so: " + masked);
        assertFalse(masked.contains(Restrictions.PART2_NOTICE));
        assertNotNull(Fx.call(() -> v.lookup("#masked-rows-problems")), "the problems tab has masked rows");
        assertNotNull(Fx.call(() -> v.lookup("#break-glass")));
        assertTrue(audit.events.isEmpty());

        Fx.run(() -> vm.breakGlass(new BreakGlass(BreakGlass.Reason.OTHER, "court-ordered review")));
        Fx.settle();
        assertEquals(1, audit.events.size());
        String e = audit.events.get(0);
        assertTrue(e.startsWith("break-the-glass " + ref.org() + " " + LabelledBundle.PATIENT
                + " reason=Other: court-ordered review; records=5; labels="), e);
        assertTrue(e.endsWith(" view:chart"), e);
        String shown = everything(v);
        for (String secret : List.of("Opioid dependence", "Buprenorphine", "Major depressive disorder",
                "Opioid treatment program", "F11.20", "1010603")) {
            assertTrue(shown.contains(secret), secret + " shown after breaking the glass");
        }
        assertTrue(shown.contains(Restrictions.PART2_NOTICE), "the redisclosure notice");
        String cards = Fx.call(() -> String.join("\n", ChartScreenshotsTest.visibleTexts(v.tabContent("summary"))));
        assertTrue(cards.contains("⚠ 42 CFR Part 2") && cards.contains("⚠ mental health"),
                "the Summary's lines from restricted records say so: " + cards);
        assertTrue(shown.contains("Restricted records shown · glass broken: Other: court-ordered review"), shown);

        Fx.run(vm::endGlass);
        Fx.settle();
        String again = everything(v);
        for (String secret : LabelledBundle.SECRETS) {
            assertFalse(again.contains(secret), secret + " hidden again");
        }
    }

    @Test
    void aRestrictedResourcesRawJsonIsReadOnlyWhileTheGlassIsBroken() throws Exception {
        ChartViewModel vm = model(new RecordingAudit());
        Fx.settle();
        org.chartlens.domain.Source oud = new org.chartlens.domain.Source(ref.org(), "Condition", "oud");
        org.junit.jupiter.api.Assertions.assertThrows(org.chartlens.clinical.ChartQuery.RestrictedSinceOpened.class,
                () -> vm.resourceJson(oud), "masked chart: no JSON of a restricted resource, even by name");
        Fx.run(() -> vm.breakGlass(new BreakGlass(BreakGlass.Reason.OTHER, "court-ordered review")));
        Fx.settle();
        assertTrue(vm.resourceJson(oud).orElseThrow().contains("F11.20"), "glass broken: the JSON as cached");
        Fx.run(vm::endGlass);
        Fx.settle();
        org.junit.jupiter.api.Assertions.assertThrows(org.chartlens.clinical.ChartQuery.RestrictedSinceOpened.class,
                () -> vm.resourceJson(oud), "glass ended: held back again");
    }

    @Test
    void lockingEndsTheBrokenGlass() throws Exception {
        ShellPorts ports = StoreOnlyPorts.create(() -> cache, Path.of("/tmp/chartlens-test"), "pass");
        MainViewModel main = new MainViewModel(ports, new SameThreadTaskExecutor(), Runnable::run);
        main.start(false);
        ChartViewModel before = Fx.call(() -> {
            ChartViewModel vm = main.chart(ref);
            vm.load(UnitSystem.METRIC);
            vm.breakGlass(BreakGlass.parse("emergency"));
            return vm;
        });
        assertTrue(before.dataProperty().get().restrictions().shown());
        assertNotNull(before.glassProperty().get());
        main.open(ref);
        main.lock().lock("Locked by you.");
        assertTrue(main.charts().isEmpty(), "locking closes the chart and its broken glass with it");
        main.lock().unlock("pass".toCharArray());
        assertEquals(List.of(ref), List.copyOf(main.charts()));
        ChartViewModel after = Fx.call(() -> {
            ChartViewModel vm = main.chart(ref);
            vm.load(UnitSystem.METRIC);
            return vm;
        });
        assertNull(after.glassProperty().get());
        ChartData d = after.dataProperty().get();
        assertTrue(d.restrictions().masked(), "reopened after unlocking: masked again");
        assertTrue(cache.auditEvents(Instant.EPOCH, null, null).stream().anyMatch(x -> x.event().equals("break-the-glass")
                && x.detail().startsWith("reason=Treatment emergency")), "recorded in the cache's audit log");
    }

    @Test
    void screenshotsMaskedAndBrokenGlassLightAndDark() throws Exception {
        Files.createDirectories(ChartScreenshotsTest.OUT);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "-dark" : "";
            for (boolean broken : new boolean[] {false, true}) {
                for (String tab : List.of("summary", "timeline", "problems")) {
                    String name = "restricted-" + (broken ? "shown" : "masked") + "-" + tab + theme + ".png";
                    Path out = ChartScreenshotsTest.OUT.resolve(name);
                    Files.deleteIfExists(out);
                    ChartView[] view = new ChartView[1];
                    Screenshots.render(() -> {
                        ChartViewModel vm = new ChartViewModel(cache, new SameThreadTaskExecutor(), List.of(ref), () -> o -> "Credible");
                        vm.restrictions(new RecordingAudit(), SensitiveSettings.DEFAULTS);
                        vm.load(UnitSystem.METRIC);
                        if (broken) {
                            vm.breakGlass(BreakGlass.parse("consent"));
                        }
                        view[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark);
                        return view[0];
                    }, () -> view[0].select(tab), dark, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, out);
                    ChartScreenshotsTest.assertPicture(out, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, dark);
                    String texts = Fx.call(() -> String.join("\n", ChartScreenshotsTest.visibleTexts(view[0])));
                    // the timeline's labels are painted on a canvas: the other tabs name it once shown
                    assertEquals(broken && !"timeline".equals(tab), texts.contains("Opioid dependence"), name + ": " + texts);
                    if (Boolean.getBoolean("chartlens.updateScreenshots")) {
                        Files.createDirectories(DOCS);
                        Files.copy(out, DOCS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
    /** The worklist with a person who has restricted records among others, light and dark (issue 18). */
    @Test
    void worklistScreenshotsLightAndDark() throws Exception {
        Path dir = Files.createTempDirectory("chartlens-restricted-wl");
        ChartCache wl = org.chartlens.ui.testing.RealCache.of(dir, Instant.now().minusSeconds(3600),
                org.chartlens.ui.testing.SyntheaBundles.columbus("Jen355"),
                org.chartlens.ui.testing.SyntheaBundles.columbus("Babette571"));
        try {
            LabelledBundle.importInto(wl, dir);
            Files.createDirectories(ChartScreenshotsTest.OUT);
            for (boolean dark : new boolean[] {false, true}) {
                String name = "restricted-worklist" + (dark ? "-dark" : "") + ".png";
                Path out = ChartScreenshotsTest.OUT.resolve(name);
                Files.deleteIfExists(out);
                org.chartlens.ui.worklist.WorklistView[] view = new org.chartlens.ui.worklist.WorklistView[1];
                Screenshots.render(() -> {
                    org.chartlens.ui.worklist.WorklistViewModel vm = new org.chartlens.ui.worklist.WorklistViewModel(() -> wl,
                            new SameThreadTaskExecutor());
                    view[0] = new org.chartlens.ui.worklist.WorklistView(vm, r -> { }, r -> { }, () -> { });
                    vm.refresh();
                    return view[0];
                }, () -> { }, dark, ChartScreenshotsTest.WIDTH, 420, out);
                ChartScreenshotsTest.assertPicture(out, ChartScreenshotsTest.WIDTH, 420, dark);
                String texts = Fx.call(() -> String.join("\n", ChartScreenshotsTest.visibleTexts(view[0])));
                assertTrue(texts.contains("Restricted records") && texts.contains("Dana Okafor"), texts);
                for (String secret : LabelledBundle.SECRETS) {
                    assertFalse(texts.contains(secret), secret + " in the worklist");
                }
                if (Boolean.getBoolean("chartlens.updateScreenshots")) {
                    Files.createDirectories(DOCS);
                    Files.copy(out, DOCS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            wl.close();
        }
    }
}
