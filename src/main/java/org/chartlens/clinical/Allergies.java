package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.Coded;

/**
 * What the patient banner says about allergies: the allergens themselves (not a generic
 * "Allergy to substance" finding), high criticality first, and the difference between "no known
 * allergies" (someone recorded that) and "not recorded" (nothing in the cache, which says
 * nothing about the patient). Stateless, thread safe; linear in the entries.
 */
public final class Allergies {
    private Allergies() {
    }

    /** What the allergy list amounts to. */
    public enum Status {
        /** At least one current allergy or intolerance. */
        ALLERGIES,
        /** A "no known allergy" statement is recorded and no current allergy. */
        NO_KNOWN_ALLERGIES,
        /** Entries exist but none is current (inactive, resolved, refuted, entered in error). */
        NONE_CURRENT,
        /** No AllergyIntolerance in the cache: unknown, not "none". */
        NOT_RECORDED
    }

    /**
     * One current allergen as a clinician reads it.
     *
     * @param name  the allergen in words, e.g. "Bee venom" (SNOMED semantic tag dropped), or
     *              {@link #UNNAMED} when the record does not say which substance
     * @param high  criticality is high
     * @param entry the entry it comes from
     */
    public record Allergen(String name, boolean high, AllergyEntry entry) {
        /** "Peanut (high criticality)" or "Peanut". */
        public String label() {
            return high ? name + " (high criticality)" : name;
        }
    }

    /**
     * @param status    what the list amounts to
     * @param allergens current allergens, high criticality first, then as recorded (newest first)
     * @param statement for {@link Status#NO_KNOWN_ALLERGIES}: what was stated, e.g. "No known
     *                  allergies" or "No known drug allergy"; otherwise ""
     * @param inactive  entries that are not current
     */
    public record Summary(Status status, List<Allergen> allergens, String statement, int inactive) {
        public Summary {
            allergens = List.copyOf(allergens);
        }
    }

    /** Shown when an allergy is recorded without naming what the patient reacts to. */
    public static final String UNNAMED = "allergen not named";

    private static final String SNOMED = "http://snomed.info/sct";
    // SNOMED CT "no known ..." situations: no known allergy, drug, food, environmental, insect.
    private static final Set<String> NO_KNOWN = Set.of("716186003", "409137002", "429625007", "428607008",
            "428197003");
    // Findings that say "an allergy" without saying to what: allergy to substance, allergic
    // disposition, propensity to adverse reactions (to substance / to drug).
    private static final Set<String> UNSPECIFIC = Set.of("419199007", "609328004", "420134006", "418038007",
            "419511003");
    private static final Pattern SEMANTIC_TAG = Pattern.compile(
            "\\s*\\((substance|organism|finding|product|disorder|food|medicinal product|physical object"
                    + "|situation|clinical drug|qualifier value)\\)$");

    public static Summary summarize(List<AllergyEntry> all) {
        if (all.isEmpty()) {
            return new Summary(Status.NOT_RECORDED, List.of(), "", 0);
        }
        List<Allergen> named = new ArrayList<>();
        List<Allergen> unnamed = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        int inactive = 0;
        for (AllergyEntry a : all) {
            if (!current(a)) {
                inactive++;
            } else if (noKnownAllergy(a.substance())) {
                statements.add(name(a.substance()));
            } else {
                boolean high = "high".equals(a.criticality());
                if (unspecific(a.substance())) {
                    unnamed.add(new Allergen(UNNAMED, high, a));
                } else {
                    named.add(new Allergen(name(a.substance()), high, a));
                }
            }
        }
        // A generic "allergy to substance" beside named allergens adds nothing; alone it still
        // tells the clinician an allergy is on record.
        List<Allergen> shown = new ArrayList<>(named);
        if (named.isEmpty() && !unnamed.isEmpty()) {
            shown.add(unnamed.stream().filter(Allergen::high).findFirst().orElse(unnamed.get(0)));
        } else {
            unnamed.stream().filter(Allergen::high).findFirst().ifPresent(shown::add);
        }
        shown.sort(Comparator.comparing((Allergen x) -> !x.high()));
        if (!shown.isEmpty()) {
            return new Summary(Status.ALLERGIES, shown, "", inactive);
        }
        if (!statements.isEmpty()) {
            boolean general = all.stream().filter(Allergies::current)
                    .anyMatch(a -> "716186003".equals(a.substance().code()));
            return new Summary(Status.NO_KNOWN_ALLERGIES, List.of(),
                    general ? "No known allergies" : String.join("; ", statements.stream().distinct().toList()),
                    inactive);
        }
        return new Summary(Status.NONE_CURRENT, List.of(), "", inactive);
    }

    /** Current: not inactive or resolved, and not refuted or entered in error. */
    public static boolean current(AllergyEntry a) {
        String clinical = a.clinicalStatus();
        String verification = a.verificationStatus();
        return !"inactive".equals(clinical) && !"resolved".equals(clinical)
                && !"refuted".equals(verification) && !"entered-in-error".equals(verification);
    }

    /** A "no known allergy" statement rather than an allergy. */
    public static boolean noKnownAllergy(Coded c) {
        if (SNOMED.equals(c.system()) && NO_KNOWN.contains(c.code())) {
            return true;
        }
        String d = c.display() == null ? "" : c.display().toLowerCase(Locale.ROOT).trim();
        return d.startsWith("no known") || d.equals("nka") || d.equals("nkda");
    }

    /** An allergy record that does not name the substance (or has no code at all). */
    public static boolean unspecific(Coded c) {
        if (c == null || c.equals(Coded.NONE) || (c.code() == null && (c.display() == null || c.display().isBlank()))) {
            return true;
        }
        if (SNOMED.equals(c.system()) && UNSPECIFIC.contains(c.code())) {
            return true;
        }
        String d = c.display() == null ? "" : name(c).toLowerCase(Locale.ROOT);
        return d.equals("allergy to substance") || d.equals("allergic disposition");
    }

    /** The code's words without SNOMED's semantic tag: "Bee venom (substance)" reads "Bee venom". */
    public static String name(Coded c) {
        String label = c.label();
        String stripped = SEMANTIC_TAG.matcher(label).replaceFirst("");
        return stripped.isBlank() ? label : stripped;
    }
}
