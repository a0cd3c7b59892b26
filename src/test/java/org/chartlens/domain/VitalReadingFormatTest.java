package org.chartlens.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link VitalReading#format} prints what {@code String.format(ROOT, "%.1f", d)} printed before
 * it went without a Formatter (issue 21): the same text for every value, ties and signs included.
 */
class VitalReadingFormatTest {
    @Test
    void oneDecimalExactlyAsTheFormatterPrintsIt() {
        double[] edges = {0.05, 0.15, 0.25, 0.35, 0.45, 1.05, 2.675, -0.04, -0.05, -0.15, -1.25, 99.95, 0.95,
                -0.95, 1e-5, -1e-5, 123456.78, 1.2345678e7 + 0.5, 36.6, 98.6, 120.04999, 0.1 + 0.2, 1e15 + 0.5,
                Double.MIN_VALUE, -Double.MIN_VALUE, 1e-10 + 0.5, 4.35, 4.45, 1005.45};
        for (double d : edges) {
            assertEquals(expected(d), VitalReading.format(d), Double.toString(d));
        }
        Random random = new Random(21);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextDouble() * 200;
                case 1 -> Math.round(random.nextDouble() * 100_000) / 1000.0;
                case 2 -> (random.nextDouble() - 0.5) * 1e6;
                default -> Math.round(random.nextDouble() * 2000) / 100.0 - 10;
            };
            assertEquals(expected(d), VitalReading.format(d), Double.toString(d));
        }
        assertEquals("?", VitalReading.format(Double.NaN));
        assertEquals("Infinity", VitalReading.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", VitalReading.format(Double.NEGATIVE_INFINITY));
    }

    private static String expected(double d) {
        if (Math.abs(d - Math.rint(d)) < 1e-9) {
            return Long.toString((long) Math.rint(d));
        }
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
