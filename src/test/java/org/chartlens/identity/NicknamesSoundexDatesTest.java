package org.chartlens.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NicknamesSoundexDatesTest {
    @Test
    void theShippedNicknameListLoads() {
        Nicknames n = Nicknames.shipped();
        assertTrue(n.size() > 1000, "names: " + n.size());
        assertTrue(n.related("bill", "william"));
        assertTrue(n.related("william", "bill"));
        assertTrue(n.isNicknameOf("bill", "william"));
        assertTrue(n.isNicknameOf("rena", "irene"));
        assertFalse(n.isNicknameOf("irene", "rena"));
        assertFalse(n.related("irene", "danille"));
    }

    @Test
    void relationsAreNotChained() throws Exception {
        Nicknames n = Nicknames.parse(new ByteArrayInputStream(
                "# comment\nwilliam,bill,willie\nwillie,william,fred\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(n.related("willie", "fred"));
        assertTrue(n.related("william", "willie"));
        assertFalse(n.related("william", "fred"));
    }

    @Test
    void americanSoundex() {
        assertEquals("R163", Soundex.of("robert"));
        assertEquals("R163", Soundex.of("rupert"));
        assertEquals("A261", Soundex.of("ashcraft"));
        assertEquals("T522", Soundex.of("tymczak"));
        assertEquals("P236", Soundex.of("pfister"));
        assertEquals("H255", Soundex.of("hegmann"));
        assertEquals("", Soundex.of(""));
    }

    @Test
    void birthDatesAsServersSendThem() {
        assertEquals(LocalDate.of(1966, 6, 6), BirthDates.parse("1966-06-06"));
        assertEquals(LocalDate.of(1966, 6, 6), BirthDates.parse("6/6/1966 12:00:00 AM"));
        assertEquals(LocalDate.of(1930, 8, 27), BirthDates.parse("8/27/1930 12:00:00 AM"));
        assertEquals(LocalDate.of(1966, 6, 6), BirthDates.parse("1966-06-06T00:00:00Z"));
        assertNull(BirthDates.parse("1966"));
        assertNull(BirthDates.parse("1966-06"));
        assertNull(BirthDates.parse("2/30/1966"));
        assertNull(BirthDates.parse(""));
    }

    @Test
    void transposedDates() {
        assertEquals(LocalDate.of(1964, 2, 12), BirthDates.transposed(LocalDate.of(1964, 12, 2)));
        assertNull(BirthDates.transposed(LocalDate.of(1964, 12, 13)), "no 13th month");
        assertNull(BirthDates.transposed(LocalDate.of(1964, 5, 5)), "the same date");
    }
}
