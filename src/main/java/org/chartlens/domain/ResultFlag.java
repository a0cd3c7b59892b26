package org.chartlens.domain;

/**
 * A result's flag with where it came from and the range it was judged against. Immutable.
 *
 * @param code     v3 ObservationInterpretation code ("H", "L", "HH", "LL", "A", "AA", "N", ...)
 *                 or "" when there is no flag
 * @param source   the lab's interpretation, the lab's range, ChartLens's shipped range, or NONE
 * @param range    the range used, in words ("70–110 mg/dL"), or ""
 * @param citation short name of the published source of a ChartLens range, else ""
 * @param critical true for HH/LL/AA, or beyond a critical limit the source gives
 * @param band     the range used as numbers in its own unit (for chart bands), or null when the
 *                 range is text only or there is none
 */
public record ResultFlag(String code, FlagSource source, String range, String citation,
                         boolean critical, ReferenceBand band) {

    public static final ResultFlag NONE = new ResultFlag("", FlagSource.NONE, "", "", false);

    public ResultFlag {
        code = code == null ? "" : code;
        range = range == null ? "" : range;
        citation = citation == null ? "" : citation;
    }

    /** A flag whose range is not known as numbers. */
    public ResultFlag(String code, FlagSource source, String range, String citation, boolean critical) {
        this(code, source, range, citation, critical, null);
    }

    /** True when flagged and not normal. */
    public boolean isAbnormal() {
        return !code.isEmpty() && !"N".equals(code);
    }

    /** True when the result lies above its range (H, HH, HU, >). */
    public boolean isHigh() {
        return code.startsWith("H") || ">".equals(code);
    }

    public boolean isLow() {
        return code.startsWith("L") || "<".equals(code);
    }

    /** A symbol that does not rely on colour: ▲ high, ▼ low, ◆ abnormal, !! added when critical. */
    public String symbol() {
        if (!isAbnormal()) {
            return "";
        }
        String s = isHigh() ? "▲" : isLow() ? "▼" : "◆";
        return critical ? s + "!!" : s;
    }

    /** "Critical high", "High", "Low", "Abnormal", "Normal", or "". */
    public String words() {
        if (code.isEmpty()) {
            return "";
        }
        if ("N".equals(code)) {
            return "Normal";
        }
        String w = isHigh() ? "high" : isLow() ? "low" : "abnormal";
        return critical ? "Critical " + w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** "lab", "lab range", "ChartLens" or "". */
    public String sourceLabel() {
        return switch (source) {
            case LAB -> "lab";
            case LAB_RANGE -> "lab range";
            case CHARTLENS -> "ChartLens";
            case NONE -> "";
        };
    }

    /** "▲ H High" for tables; "" when unflagged. */
    public String display() {
        if (code.isEmpty()) {
            return "";
        }
        String sym = symbol();
        return (sym.isEmpty() ? "" : sym + " ") + code + " " + words();
    }

    /** "70–110 mg/dL (ChartLens: MSD Manual)" / "3.5–5.0 mmol/L (lab)"; "" when no range. */
    public String rangeWithSource() {
        if (range.isEmpty()) {
            return "";
        }
        if (source == FlagSource.CHARTLENS) {
            return range + " (ChartLens" + (citation.isEmpty() ? "" : ": " + citation) + ")";
        }
        return source == FlagSource.NONE ? range : range + " (lab)";
    }
}
