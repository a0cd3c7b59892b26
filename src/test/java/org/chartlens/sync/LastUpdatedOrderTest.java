package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The newest {@code meta.lastUpdated} decides the next cursor, so {@link LastUpdated#later} must
 * order instants as instants whichever way the server writes them; the text shortcut only applies
 * where text order and time order agree.
 */
class LastUpdatedOrderTest {
    @Test
    void plainUtcInstantsOfTheSameShapeOrderByTime() {
        assertEquals("2026-03-01T10:00:00Z", LastUpdated.later("2026-02-28T23:59:59Z", "2026-03-01T10:00:00Z"));
        assertEquals("2026-03-01T10:00:00.120Z",
                LastUpdated.later("2026-03-01T10:00:00.120Z", "2026-03-01T10:00:00.019Z"));
        assertEquals("2026-03-01T10:00:00Z", LastUpdated.later("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z"));
        assertNull(LastUpdated.later(null, null));
        assertEquals("2026-03-01T10:00:00Z", LastUpdated.later(null, "2026-03-01T10:00:00Z"));
        assertEquals("2026-03-01T10:00:00Z", LastUpdated.later("2026-03-01T10:00:00Z", null));
    }

    @Test
    void differentShapesAreComparedAsInstantsNotAsText() {
        // as text ".5Z" sorts after ".25Z"... and 09:00+02:00 after 08:30Z; as time both are wrong
        assertEquals("2026-03-01T10:00:00.75Z", LastUpdated.later("2026-03-01T10:00:00.75Z", "2026-03-01T10:00:00.5Z"));
        assertEquals("2026-03-01T10:00:00.5Z", LastUpdated.later("2026-03-01T10:00:00.25Z", "2026-03-01T10:00:00.5Z"));
        assertEquals("2026-03-01T08:30:00Z", LastUpdated.later("2026-03-01T09:00:00+02:00", "2026-03-01T08:30:00Z"));
        assertEquals("2026-03-01T08:30:00Z", LastUpdated.later("2026-03-01T08:30:00Z", "2026-03-01T09:00:00+02:00"));
        // same length, one with an offset: "...00+01:00" vs "...00.000Z" (both 25 characters)
        assertEquals("2026-03-01T09:30:00.000Z", LastUpdated.later("2026-03-01T10:00:00+01:00", "2026-03-01T09:30:00.000Z"));
    }

    @Test
    void unparseableValuesFallBackToTextOrder() {
        assertEquals("8/27/1930 12:00:00 AM", LastUpdated.later("10/1/1930 12:00:00 AM", "8/27/1930 12:00:00 AM"));
    }

    @Test
    void onlyTheStrictUtcShapeTakesTheTextShortcut() {
        assertTrue(LastUpdated.isPlainUtcInstant("2026-03-01T10:00:00Z"));
        assertTrue(LastUpdated.isPlainUtcInstant("2026-03-01T10:00:00.123456Z"));
        assertFalse(LastUpdated.isPlainUtcInstant("2026-03-01T10:00:00.Z"));
        assertFalse(LastUpdated.isPlainUtcInstant("2026-03-01T10:00:00+00:00"));
        assertFalse(LastUpdated.isPlainUtcInstant("2026-3-01T10:00:00.0Z"));
        assertFalse(LastUpdated.isPlainUtcInstant("2026-03-01 10:00:00Z"));
        assertFalse(LastUpdated.isPlainUtcInstant("2026-03-01T10:00:0xZ"));
        assertFalse(LastUpdated.isPlainUtcInstant("2026-03-01"));
    }
}
