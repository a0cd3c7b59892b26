package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The demo data prepared at build time must serve exactly what parsing the bundles serves, for
 * every profile, stamped with the start time; a file made from other bundles must be refused.
 */
class PreparedDemoDataTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-22T09:30:15Z");

    @ParameterizedTest
    @EnumSource(VendorProfile.class)
    void theShippedFileServesWhatParsingTheBundlesServes(VendorProfile profile) throws Exception {
        String shape = PreparedDemoData.shapeOf(profile);
        List<BundleLoader.Source> sources = BundleLoader.demoSources();
        List<StoredEntry> prepared;
        try (InputStream in = PreparedDemoData.class.getResourceAsStream("/demo-data/prepared/" + shape + ".bin")) {
            assertNotNull(in, "the build did not prepare the " + shape + " demo data");
            prepared = PreparedDemoData.read(in, PreparedDemoData.fingerprint(sources), START);
        }
        assertNotNull(prepared, "the prepared " + shape + " data does not match the bundles");
        List<StoredEntry> parsed = BundleLoader.prepare(sources, profile, START, MAPPER);

        assertEquals(parsed.size(), prepared.size());
        assertTrue(prepared.size() > 8000, "all demo patients: " + prepared.size());
        for (int i = 0; i < parsed.size(); i++) {
            StoredEntry want = parsed.get(i);
            StoredEntry got = prepared.get(i);
            assertEquals(want.key(), got.key(), "entry " + i);
            assertEquals(want.patientId(), got.patientId(), want.key());
            assertEquals(START, got.lastUpdated(), want.key());
            assertEquals(want.dateLow(), got.dateLow(), want.key());
            assertEquals(want.dateHigh(), got.dateHigh(), want.key());
            assertEquals(want.codes(), got.codes(), want.key());
            assertEquals(want.categories(), got.categories(), want.key());
            assertEquals(want.references(), got.references(), want.key());
            assertArrayEquals(want.json(), got.json(), want.key());
        }
        JsonNode first = MAPPER.readTree(prepared.get(0).json());
        assertEquals(START.toString(), first.path("meta").path("lastUpdated").asText());
    }

    @Test
    void theSameDataServedAtTwoStartsCarriesEachStartsStamp() {
        Instant later = START.plusSeconds(3600);
        List<StoredEntry> a = PreparedDemoData.demo(VendorProfile.DEMO, START, MAPPER);
        List<StoredEntry> b = PreparedDemoData.demo(VendorProfile.DEMO, later, MAPPER);
        String jsonA = new String(a.get(5).json(), StandardCharsets.UTF_8);
        String jsonB = new String(b.get(5).json(), StandardCharsets.UTF_8);
        assertTrue(jsonA.contains("\"lastUpdated\":\"" + START + "\""), "first start's stamp");
        assertTrue(jsonB.contains("\"lastUpdated\":\"" + later + "\""), "second start's stamp");
        assertEquals(later, b.get(5).lastUpdated());
    }

    private static List<BundleLoader.Source> smallPatient() {
        return BundleLoader.demoSources().stream().filter(s -> s.name().equals(SmallData.PATIENT_BUNDLE)).toList();
    }

    @Test
    void aFileMadeFromOtherBundlesIsRefused() throws Exception {
        List<StoredEntry> parsed = BundleLoader.prepare(smallPatient(), VendorProfile.DEMO,
                PreparedDemoData.PLACEHOLDER, MAPPER);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PreparedDemoData.write(parsed, 42L, file);

        assertNull(PreparedDemoData.read(new ByteArrayInputStream(file.toByteArray()), 43L, START),
                "another fingerprint");
        List<StoredEntry> back = PreparedDemoData.read(new ByteArrayInputStream(file.toByteArray()), 42L, START);
        assertNotNull(back);
        assertEquals(parsed.size(), back.size());
    }

    @Test
    void anEntryWithoutThePlaceholderStampCannotBeWritten() {
        List<StoredEntry> stampedNow = BundleLoader.prepare(smallPatient(), VendorProfile.DEMO,
                START, MAPPER);
        assertThrows(IllegalStateException.class,
                () -> PreparedDemoData.write(stampedNow, 1L, new ByteArrayOutputStream()));
    }

    @Test
    void whereTheStampGoesIsFoundOnlyWhenItIsThereOnce() {
        String field = "\"lastUpdated\":\"" + PreparedDemoData.PLACEHOLDER + "\"";
        assertEquals(-1, PreparedDemoData.stampOffset("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, PreparedDemoData.stampOffset(("{\"a\":{" + field + "},\"b\":{" + field + "}}")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("{\"meta\":{\"lastUpdated\":\"".length(),
                PreparedDemoData.stampOffset(("{\"meta\":{" + field + "}}").getBytes(StandardCharsets.UTF_8)));
        // every profile serves its own ids and identities, so each has its own prepared file
        assertEquals(VendorProfile.values().length, java.util.Arrays.stream(VendorProfile.values())
                .map(PreparedDemoData::shapeOf).collect(java.util.stream.Collectors.toSet()).size());
    }
}
