package org.chartlens.domain;

/** The user's unit preference for vital signs. */
public enum UnitSystem {
    /** kg, cm, degC. */
    METRIC,
    /** lb, in, degF. */
    US
}
