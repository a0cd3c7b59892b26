package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ChartDate.Precision;
import org.junit.jupiter.api.Test;

class ChartDatesTest {
    @Test
    void partialDatesKeepTheirPrecision() {
        assertEquals(Precision.YEAR, ChartDates.parse("2019").precision());
        assertEquals("2019", ChartDates.parse("2019").display());
        assertEquals(Precision.MONTH, ChartDates.parse("2019-04").precision());
        assertEquals("2019-04", ChartDates.parse("2019-04").display());
        assertEquals(Precision.DAY, ChartDates.parse("2019-04-01").precision());
        assertEquals("2019-04-01 10:30", ChartDates.parse("2019-04-01T10:30:00+02:00").display());
        assertEquals("2019-04-01T08:30:00Z", ChartDates.parse("2019-04-01T10:30:00+02:00").instant().toString());
    }

    @Test
    void malformedDatesAreKeptAsGivenAndNeverThrow() {
        ChartDate cc = ChartDates.parse("8/27/1930 12:00:00 AM");
        assertEquals("8/27/1930 12:00:00 AM", cc.display());
        assertEquals("1930-08-27T00:00:00Z", cc.instant().toString());
        ChartDate junk = ChartDates.parse("yesterday-ish");
        assertEquals("yesterday-ish", junk.display());
        assertNull(junk.instant());
        assertNull(ChartDates.parse("2019-13-45").instant());
        assertEquals(ChartDate.NONE, ChartDates.parse(null));
        assertEquals("", ChartDates.parse("  ").display());
    }
}
