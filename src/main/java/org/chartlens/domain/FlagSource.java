package org.chartlens.domain;

/** Where a result's flag comes from. The lab's own word always wins over ChartLens's. */
public enum FlagSource {
    /** No flag could be given (no interpretation, no range, unit not comparable). */
    NONE,
    /** The lab's Observation.interpretation, as sent. */
    LAB,
    /** ChartLens compared the value with the lab's own Observation.referenceRange. */
    LAB_RANGE,
    /** ChartLens compared the value with a reference interval it ships (cited in decision 0700). */
    CHARTLENS
}
