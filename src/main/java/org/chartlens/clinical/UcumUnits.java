package org.chartlens.clinical;

import java.util.Locale;
import java.util.Map;

/**
 * Compares lab units the way UCUM does: mass, substance, equivalent, enzyme-unit and count
 * concentrations reduce to a base per litre ("mg/dL" = 0.01 g/L; "10*3/uL" = 1e9 /L), so
 * "mmol/L" and "mEq/L" of a monovalent ion, "g/L" and "g/dL", "10*9/L" and "10*3/uL" compare. A
 * mass and a substance concentration convert only with the analyte's published SI factor (mmol/L
 * per mg/dL, decision 0700). Anything else converts only to itself. Stateless, thread safe.
 */
public final class UcumUnits {
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("mmhg", "mm[hg]"), Map.entry("mm hg", "mm[hg]"),
            Map.entry("beats/min", "/min"), Map.entry("{beats}/min", "/min"),
            Map.entry("breaths/min", "/min"), Map.entry("{breaths}/min", "/min"),
            Map.entry("min-1", "/min"), Map.entry("1/min", "/min"),
            Map.entry("°c", "cel"), Map.entry("degc", "cel"), Map.entry("c", "cel"),
            Map.entry("kg/m²", "kg/m2"), Map.entry("ph", "[ph]"),
            Map.entry("iu/l", "u/l"), Map.entry("[iu]/l", "u/l"), Map.entry("units/l", "u/l"),
            Map.entry("k/ul", "10*3/ul"), Map.entry("m/ul", "10*6/ul"));

    private UcumUnits() {
    }

    /**
     * {@code value} in {@code from} expressed in {@code to}, or NaN when the units cannot be
     * compared.
     *
     * @param siFactor   mmol/L per mg/dL for this analyte, or NaN (mass and substance then differ)
     * @param monovalent true when one equivalent is one mole (Na+, K+, Cl-, HCO3-)
     */
    public static double convert(double value, String from, String to, double siFactor, boolean monovalent) {
        String a = norm(from);
        String b = norm(to);
        if (a.isEmpty() || b.isEmpty()) {
            return Double.NaN;
        }
        if (a.equals(b)) {
            return value;
        }
        Concentration ca = Concentration.parse(a, monovalent);
        Concentration cb = Concentration.parse(b, monovalent);
        if (ca == null || cb == null) {
            return Double.NaN;
        }
        double perBase = value * ca.factor; // in ca.base per litre
        if (ca.base.equals(cb.base)) {
            return perBase / cb.factor;
        }
        if (Double.isNaN(siFactor)) {
            return Double.NaN;
        }
        // 1 mg/dL = siFactor mmol/L, so 1 g/L = siFactor / 10 mol/L.
        if (ca.base.equals("g") && cb.base.equals("mol")) {
            return perBase * siFactor / 10 / cb.factor;
        }
        if (ca.base.equals("mol") && cb.base.equals("g")) {
            return perBase * 10 / siFactor / cb.factor;
        }
        return Double.NaN;
    }

    /** Lower-cased, trimmed, with common spellings mapped to their UCUM form. */
    static String norm(String unit) {
        if (unit == null) {
            return "";
        }
        String u = unit.trim().toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u')
                .replace("^", "*").replace("x10e", "10*").replace("x10*", "10*");
        return SYNONYMS.getOrDefault(u, u);
    }

    /** A concentration: amount of {@code base} per litre is value × factor. */
    private record Concentration(String base, double factor) {
        static Concentration parse(String u, boolean monovalent) {
            int slash = u.lastIndexOf('/');
            if (slash < 0) {
                return null;
            }
            double per = volume(u.substring(slash + 1));
            if (Double.isNaN(per)) {
                return null;
            }
            String num = u.substring(0, slash);
            if (num.isEmpty() || num.equals("{cells}") || num.equals("{cell}")) {
                return new Concentration("1", 1 / per);
            }
            if (num.startsWith("10*")) {
                try {
                    return new Concentration("1", Math.pow(10, Integer.parseInt(num.substring(3))) / per);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            for (String base : new String[] {"mol", "eq", "g", "u"}) {
                if (num.endsWith(base)) {
                    double p = prefix(num.substring(0, num.length() - base.length()));
                    if (Double.isNaN(p)) {
                        return null;
                    }
                    String b = base.equals("eq") && monovalent ? "mol" : base;
                    return new Concentration(b, p / per);
                }
            }
            return null;
        }

        static double volume(String d) {
            if (!d.endsWith("l")) {
                return Double.NaN;
            }
            return prefix(d.substring(0, d.length() - 1));
        }

        static double prefix(String p) {
            return switch (p) {
                case "" -> 1;
                case "k" -> 1e3;
                case "d" -> 1e-1;
                case "c" -> 1e-2;
                case "m" -> 1e-3;
                case "u" -> 1e-6;
                case "n" -> 1e-9;
                case "p" -> 1e-12;
                case "f" -> 1e-15;
                default -> Double.NaN;
            };
        }
    }
}
