package org.chartlens.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.chartlens.store.CacheBatch;
import org.chartlens.store.ChartCache;
import org.chartlens.store.ChartStore;
import org.chartlens.store.CachedPatient;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.RealCache;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The patient banner on real charts in the real encrypted cache, in the chart view at the app's
 * default window size (1400x860 here): identifiers whole, allergens by name, and "no known
 * allergies" told apart from "not recorded".
 */
class PatientBannerTest {
    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    static ChartView open(ChartStore store, String nameContains) throws Exception {
        CachedPatient p = store.patients().stream().filter(x -> x.json().contains(nameContains)).findFirst().orElseThrow();
        ChartView v = Fx.call(() -> {
            ChartViewModel vm = new ChartViewModel(store, new SameThreadTaskExecutor(), p.org(), p.id());
            ChartView view = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, false);
            vm.load(org.chartlens.domain.UnitSystem.METRIC);
            return view;
        });
        Fx.show(v);
        return v;
    }

    static Label label(ChartView v, String id) throws Exception {
        return Fx.call(() -> (Label) v.lookup("#" + id));
    }

    /** The text the label actually paints (an ellipsis when clipped). */
    static String shown(Label l) throws Exception {
        return Fx.call(() -> ((Text) l.lookup(".text")).getText());
    }

    static String allText(Label l) throws Exception {
        return Fx.call(() -> l.lookupAll(".text").stream().map(n -> ((Text) n).getText())
                .reduce("", (a, b) -> a + b));
    }

    @Test
    void theMrnIsShownWholeAndTheBannerFitsTheDefaultWindow() throws Exception {
        ChartStore store = RealCache.of(Files.createTempDirectory("chartlens-banner"), Instant.now().minusSeconds(3 * 86_400),
                SyntheaBundles.columbus("Babette571"));
        ChartView v = open(store, "Babette571");
        Label ids = label(v, "banner-ids");
        String mrn = "MRN 66869047-db8a-d664-d736-2487cb9e0850";
        assertTrue(Fx.call(ids::getText).startsWith(mrn + "\n"), Fx.call(ids::getText));
        // Painted whole: no ellipsis on any line, and the label is as wide as its text.
        String painted = allText(ids);
        assertTrue(painted.contains(mrn) && !painted.contains("…") && !painted.contains("..."), painted);
        assertTrue(Fx.call(() -> ids.getWidth() + 0.5 >= ids.prefWidth(-1)), "not squeezed");
        assertFalse(Fx.call(ids::getText).contains("Social Security"), "no SSN on the banner");
        // The stale-sync warning is on screen too: nothing of the banner runs past the window.
        Label fresh = label(v, "banner-freshness");
        Bounds b = Fx.call(() -> fresh.localToScene(fresh.getLayoutBounds()));
        assertTrue(b.getMaxX() <= 1400, "freshness ends at " + b.getMaxX());
        assertTrue(Fx.call(fresh::getText).contains("may be out of date"));
        assertEquals(Fx.call(fresh::getText).replace("\n", ""), allText(fresh).replace("\n", ""), "painted whole");
        // The first line is not broken up.
        assertTrue(Fx.call(() -> fresh.getWidth() >= PatientBanner.firstLineWidth(fresh.getText()) - 0.5));
    }

    @Test
    void theBannerNamesTheAllergensNotTheGenericFinding() throws Exception {
        ChartStore store = RealCache.of(Files.createTempDirectory("chartlens-banner"), Instant.now().minusSeconds(300),
                SyntheaBundles.columbus("Babette571"));
        ChartView v = open(store, "Babette571");
        Label a = label(v, "banner-allergies");
        String text = Fx.call(a::getText);
        assertTrue(text.startsWith("⚠ Allergies: Bee venom, Mold, House dust mite, Animal dander"), text);
        assertTrue(text.endsWith("+3 more"), text);
        assertFalse(text.contains("Allergy to substance") || text.contains("(substance)"), text);
        assertTrue(Fx.call(() -> a.getStyleClass().contains("banner-allergies")));
        String tip = Fx.call(() -> a.getTooltip().getText());
        for (String allergen : new String[] {"Grass pollen", "Tree pollen", "Soy bean", "Bee venom  ·  criticality low"}) {
            assertTrue(tip.contains(allergen), tip);
        }
        assertEquals(text, Fx.call(a::getAccessibleText));
        // Wrapped, never cut.
        assertEquals(text.replace(" ", ""), allText(a).replace(" ", "").replace("\n", ""));

        ChartStore dan = RealCache.of(Files.createTempDirectory("chartlens-banner"), Instant.now().minusSeconds(300),
                SyntheaBundles.columbus("Danille883"));
        assertEquals("⚠ Allergies: Shellfish", Fx.call(label(open(dan, "Danille883"), "banner-allergies")::getText));
    }

    @Test
    void noAllergyRecordsSayNotRecordedAndANoKnownAllergyStatementSaysSo() throws Exception {
        ChartStore marian = RealCache.of(Files.createTempDirectory("chartlens-banner"), Instant.now().minusSeconds(300),
                SyntheaBundles.large());
        Label none = label(open(marian, "Marian936"), "banner-allergies");
        assertEquals("Allergies not recorded", Fx.call(none::getText));
        assertTrue(Fx.call(() -> none.getStyleClass().contains("banner-allergies-unknown")));

        Path bundle = bundle("Nka", "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"nka-1\","
                + "\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},\"verificationStatus\":{\"coding\":[{\"code\":\"confirmed\"}]},"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"716186003\","
                + "\"display\":\"No known allergy (situation)\"}]},\"patient\":{\"reference\":\"Patient/nka-patient\"}}");
        ChartStore nka = RealCache.of(Files.createTempDirectory("chartlens-banner"), Instant.now().minusSeconds(300), bundle);
        Label stated = label(open(nka, "Nka"), "banner-allergies");
        assertEquals("No known allergies", Fx.call(stated::getText));
        assertTrue(Fx.call(() -> stated.getStyleClass().contains("banner-nka")));
    }

    @Test
    void whenAllergiesCouldNotBeSyncedTheBannerSaysUnknownAndWhy() throws Exception {
        Path dir = Files.createTempDirectory("chartlens-banner");
        ChartCache cache = RealCache.of(dir, Instant.now().minusSeconds(300), SyntheaBundles.large());
        try (CacheBatch b = cache.begin()) {
            b.recordFailure("demo", "AllergyIntolerance", "The server did not answer.", Instant.now());
            b.commit();
        }
        Label a = label(open(cache, "Marian936"), "banner-allergies");
        assertEquals("Allergies unknown: the last sync of allergies failed", Fx.call(a::getText));
    }

    /** A one-patient bundle (gzipped like the Synthea files) with the given extra resources. */
    static Path bundle(String family, String... resources) throws Exception {
        Path dir = Files.createTempDirectory("chartlens-bundle");
        Path f = dir.resolve(family + ".json.gz");
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"nka-patient\",\"name\":[{\"family\":\"" + family
                + "\",\"given\":[\"Sam\"]}],\"gender\":\"male\",\"birthDate\":\"1970-01-01\"}}");
        for (String r : resources) {
            json.append(",{\"resource\":").append(r).append('}');
        }
        json.append("]}");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }
}
