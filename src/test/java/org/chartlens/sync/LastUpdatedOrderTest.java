package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The newest {@code meta.lastUpdated} decides the next cursor, so {@link ChartSync#later} must
 * order instants as instants whichever way the server writes them; the text shortcut only applies
 * where text order and time order agree.
 */
class LastUpdatedOrderTest {
    @Test
    void plainUtcInstantsOfTheSameShapeOrderByTime() {
        assertEquals("2026-03-01T10:00:00Z", ChartSync.later("2026-02-28T23:59:59Z", "2026-03-01T10:00:00Z"));
        assertEquals("2026-03-01T10:00:00.120Z",
                ChartSync.later("2026-03-01T10:00:00.120Z", "2026-03-01T10:00:00.019Z"));
        assertEquals("2026-03-01T10:00:00Z", ChartSync.later("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z"));
        assertNull(ChartSync.later(null, null));
        assertEquals("2026-03-01T10:00:00Z", ChartSync.later(null, "2026-03-01T10:00:00Z"));
        assertEquals("2026-03-01T10:00:00Z", ChartSync.later("2026-03-01T10:00:00Z", null));
    }

    @Test
    void differentShapesAreComparedAsInstantsNotAsText() {
        // as text ".5Z" sorts after ".25Z"... and 09:00+02:00 after 08:30Z; as time both are wrong
        assertEquals("2026-03-01T10:00:00.75Z", ChartSync.later("2026-03-01T10:00:00.75Z", "2026-03-01T10:00:00.5Z"));
        assertEquals("2026-03-01T10:00:00.5Z", ChartSync.later("2026-03-01T10:00:00.25Z", "2026-03-01T10:00:00.5Z"));
        assertEquals("2026-03-01T08:30:00Z", ChartSync.later("2026-03-01T09:00:00+02:00", "2026-03-01T08:30:00Z"));
        assertEquals("2026-03-01T08:30:00Z", ChartSync.later("2026-03-01T08:30:00Z", "2026-03-01T09:00:00+02:00"));
        // same length, one with an offset: "...00+01:00" vs "...00.000Z" (both 25 characters)
        assertEquals("2026-03-01T09:30:00.000Z", ChartSync.later("2026-03-01T10:00:00+01:00", "2026-03-01T09:30:00.000Z"));
    }

    @Test
    void unparseableValuesFallBackToTextOrder() {
        assertEquals("8/27/1930 12:00:00 AM", ChartSync.later("10/1/1930 12:00:00 AM", "8/27/1930 12:00:00 AM"));
    }

    @Test
    void onlyTheStrictUtcShapeTakesTheTextShortcut() {
        assertTrue(ChartSync.isPlainUtcInstant("2026-03-01T10:00:00Z"));
        assertTrue(ChartSync.isPlainUtcInstant("2026-03-01T10:00:00.123456Z"));
        assertFalse(ChartSync.isPlainUtcInstant("2026-03-01T10:00:00.Z"));
        assertFalse(ChartSync.isPlainUtcInstant("2026-03-01T10:00:00+00:00"));
        assertFalse(ChartSync.isPlainUtcInstant("2026-3-01T10:00:00.0Z"));
        assertFalse(ChartSync.isPlainUtcInstant("2026-03-01 10:00:00Z"));
        assertFalse(ChartSync.isPlainUtcInstant("2026-03-01T10:00:0xZ"));
        assertFalse(ChartSync.isPlainUtcInstant("2026-03-01"));
    }
}
