package org.chartlens.domain;

/**
 * The vital signs ChartLens charts, each with the LOINC codes that identify it and an adult
 * normal range (in the metric unit; null when there is no single normal range).
 */
public enum VitalKind {
    BLOOD_PRESSURE("Blood pressure", "mmHg", 90.0, 120.0, "85354-9", "55284-4", "8480-6", "8462-4"),
    HEART_RATE("Heart rate", "/min", 60.0, 100.0, "8867-4"),
    RESPIRATORY_RATE("Respiratory rate", "/min", 12.0, 20.0, "9279-1"),
    TEMPERATURE("Temperature", "°C", 36.1, 37.2, "8310-5", "8331-1"),
    OXYGEN_SATURATION("Oxygen saturation", "%", 95.0, 100.0, "59408-5", "2708-6"),
    WEIGHT("Weight", "kg", null, null, "29463-7", "3141-9"),
    HEIGHT("Height", "cm", null, null, "8302-2", "8306-3"),
    BMI("BMI", "kg/m²", 18.5, 25.0, "39156-5"),
    HEAD_CIRCUMFERENCE("Head circumference", "cm", null, null, "9843-4", "8287-5");

    private final String label;
    private final String metricUnit;
    private final Double low;
    private final Double high;
    private final String[] loinc;

    VitalKind(String label, String metricUnit, Double low, Double high, String... loinc) {
        this.label = label;
        this.metricUnit = metricUnit;
        this.low = low;
        this.high = high;
        this.loinc = loinc;
    }

    public String label() {
        return label;
    }

    public String metricUnit() {
        return metricUnit;
    }

    /** Adult normal range low end in the metric unit, or null. */
    public Double normalLow() {
        return low;
    }

    public Double normalHigh() {
        return high;
    }

    public boolean matches(String loincCode) {
        for (String c : loinc) {
            if (c.equals(loincCode)) {
                return true;
            }
        }
        return false;
    }

    /** The kind a LOINC code belongs to, or null. */
    public static VitalKind ofLoinc(String code) {
        if (code == null) {
            return null;
        }
        for (VitalKind k : values()) {
            if (k.matches(code)) {
                return k;
            }
        }
        return null;
    }
}
