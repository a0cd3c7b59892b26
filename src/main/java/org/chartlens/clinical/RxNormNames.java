package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ingredients and strengths of a clinical drug read from its RxNorm name, without an RxNorm
 * database (decision 0802): RxNorm names a clinical drug (SCD) "ingredient strength dose form"
 * ("lisinopril 10 MG Oral Tablet"), several ingredients joined by " / " ("Acetaminophen 325 MG /
 * oxyCODONE Hydrochloride 5 MG Oral Tablet"), a branded drug (SBD) the same with the brand in
 * brackets at the end, and a quantity factor first where there is one ("24 HR ...", "0.3 ML ...").
 * So the ingredient is what precedes each strength. The ingredient is the one the name gives: a
 * precise ingredient (a salt, "metformin hydrochloride") is not taken back to its base. Names that do
 * not follow the convention (packs, brand-only names) give nothing, and the caller matches by code.
 * Stateless, thread safe.
 */
public final class RxNormNames {
    private static final Pattern BRAND = Pattern.compile("\\s*\\[[^\\]]*\\]\\s*$");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    /** RxNorm units are upper case: MG, ML, MG/ML, UNT/ML, MG/ACTUAT, MEQ, HR, ACTUAT, %. */
    private static final Pattern UNIT = Pattern.compile("[A-Z%]+(/[A-Z%]+)*");
    /** An application number some RxNorm names start with ("NDA020800 0.3 ML Epinephrine ..."). */
    private static final Pattern APPLICATION = Pattern.compile("(NDA|ANDA|BLA)\\d+");

    private RxNormNames() {
    }

    /** One ingredient and its strength ("lisinopril", "10 MG"). */
    public record Part(String ingredient, String strength) {
    }

    /** The parts of an SCD/SBD name, ingredients in lower case; empty when the name does not follow the convention. */
    public static List<Part> parts(String name) {
        if (name == null || name.isBlank() || name.strip().startsWith("{")) {
            return List.of();
        }
        String s = BRAND.matcher(name.strip()).replaceFirst("");
        String[] tokens = s.split("\\s+");
        int i = 0;
        if (i < tokens.length && APPLICATION.matcher(tokens[i]).matches()) {
            i++;
        }
        // a quantity factor: "24 HR", "0.3 ML", "60 ACTUAT"
        if (i + 1 < tokens.length && NUMBER.matcher(tokens[i]).matches() && UNIT.matcher(tokens[i + 1]).matches()) {
            i += 2;
        }
        List<Part> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.equals("/")) {
                if (!words.isEmpty()) {
                    return List.of(); // an ingredient without a strength
                }
                continue;
            }
            if (NUMBER.matcher(t).matches()) {
                if (words.isEmpty() || i + 1 >= tokens.length || !UNIT.matcher(tokens[i + 1]).matches()) {
                    return List.of();
                }
                out.add(new Part(String.join(" ", words).toLowerCase(Locale.ROOT), t + " " + tokens[i + 1]));
                words.clear();
                i++;
                if (i + 1 < tokens.length && !tokens[i + 1].equals("/")) {
                    break; // the dose form follows the last strength
                }
                continue;
            }
            words.add(t);
        }
        return out;
    }

    /** "acetaminophen + oxycodone hydrochloride": the ingredients sorted, or "" when not derivable. */
    public static String ingredientKey(String name) {
        List<String> ins = new ArrayList<>();
        for (Part p : parts(name)) {
            ins.add(p.ingredient());
        }
        ins.sort(null);
        return String.join(" + ", ins);
    }

    /** "325 MG / 5 MG" in the name's order, or "". */
    public static String strength(String name) {
        List<String> out = new ArrayList<>();
        for (Part p : parts(name)) {
            out.add(p.strength());
        }
        return String.join(" / ", out);
    }
}
