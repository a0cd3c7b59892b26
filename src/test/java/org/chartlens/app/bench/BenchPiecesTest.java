package org.chartlens.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchPiecesTest {

    @Test
    void medianOfEvenAndOddSampleCounts() {
        Figure odd = new Figure("odd", "ms").add(5).add(1).add(3);
        assertEquals(3.0, odd.median());
        Figure even = new Figure("even", "ms").add(4).add(1).add(3).add(2);
        assertEquals(2.5, even.median());
        assertEquals(1.0, even.min());
        assertEquals(4.0, even.max());
    }

    @Test
    void ratioIsMedianOverBaselineMedian() {
        Figure base = new Figure("floor", "ms").add(100).add(200).add(300);
        Figure ours = new Figure("ours", "ms").add(300).add(250).add(350).comparedTo(base);
        assertEquals(1.5, ours.ratio(), 1e-9);
        assertEquals("floor", ours.baseline());
    }

    @Test
    void floorFindsTheNextLinkBeforeTheEntries() {
        byte[] withNext = ("{\"resourceType\":\"Bundle\",\"link\":[{\"relation\":\"self\",\"url\":\"http://h/fhir/A\"},"
                + "{\"relation\":\"next\",\"url\":\"http://h/fhir?_getpages=x&page=2\"}],\"entry\":[]}").getBytes(StandardCharsets.UTF_8);
        assertEquals(URI.create("http://h/fhir?_getpages=x&page=2"), DownloadFloor.nextLink(withNext));
        byte[] last = "{\"resourceType\":\"Bundle\",\"link\":[{\"relation\":\"self\",\"url\":\"x\"}],\"entry\":[{\"relation\":\"next\",\"url\":\"no\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertNull(DownloadFloor.nextLink(last));
    }

    @Test
    void copiesRenameEveryEntryIdConsistentlyAndLeaveOthers() {
        String a = "11111111-1111-1111-1111-111111111111";
        String shared = "22222222-2222-2222-2222-222222222222";
        String bundle = "{\"entry\":[{\"fullUrl\":\"urn:uuid:" + a + "\",\"resource\":{\"id\":\"" + a + "\"}},"
                + "{\"resource\":{\"subject\":{\"reference\":\"urn:uuid:" + a + "\"},\"x\":\"" + shared + "\"}}]}";
        String copy0 = SyntheticCopies.rename(bundle, Set.of(a), 0);
        String copy1 = SyntheticCopies.rename(bundle, Set.of(a), 1);
        assertFalse(copy0.contains(a));
        assertTrue(copy0.contains(shared));
        assertFalse(copy0.equals(copy1));
        String newId = copy0.substring(copy0.indexOf("urn:uuid:") + 9, copy0.indexOf("urn:uuid:") + 45);
        assertEquals(3, copy0.split(newId, -1).length - 1, "fullUrl, id and reference all renamed alike");
    }

    @Test
    void theLabSeriesOfTheRenderFigureIsOneTestFlaggedByChartLensWithABand() {
        var reports = LabSeries.of(100_000);
        assertEquals(1, reports.size());
        var results = reports.get(0).results();
        assertEquals(100_000, results.size());
        assertTrue(results.stream().allMatch(r -> "2345-7".equals(r.test().code()) && r.assessment().band() != null));
        assertTrue(results.stream().anyMatch(r -> "H".equals(r.flag())) && results.stream().anyMatch(r -> "N".equals(r.flag())),
                "values on both sides of the interval");
        assertTrue(results.get(1).when().millisOr(0) > results.get(0).when().millisOr(0));
    }
}
