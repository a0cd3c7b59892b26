package org.chartlens.clinical;

import org.chartlens.domain.VitalReading;

/** Number formatting shared by the builders. */
final class VitalFormat {
    private VitalFormat() {
    }

    static String number(double d) {
        return VitalReading.format(d);
    }
}
