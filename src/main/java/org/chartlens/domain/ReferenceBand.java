package org.chartlens.domain;

/**
 * The reference interval that applies to one reading (its age and sex), for chart bands.
 * Immutable.
 *
 * @param low      lower limit in {@code unit}, or NaN when the source gives none
 * @param high     upper limit in {@code unit}, or NaN
 * @param unit     UCUM unit of the limits
 * @param citation short name of the published source
 */
public record ReferenceBand(double low, double high, String unit, String citation) {
    public boolean hasLow() {
        return !Double.isNaN(low);
    }

    public boolean hasHigh() {
        return !Double.isNaN(high);
    }
}
