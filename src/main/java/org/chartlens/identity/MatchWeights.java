package org.chartlens.identity;

/**
 * The m-probabilities (how often a field differs between two records of the same person) of
 * Cardinal, Moore, Burchell and Lewis (2023), "De-identified Bayesian personal identity matching
 * for privacy-preserving record linkage despite errors: development and validation", BMC Medical
 * Informatics and Decision Making 23:85, doi:10.1186/s12911-023-02176-6: the empirical error
 * rates measured there and shipped as defaults of CRATE's {@code crate_anon/linkage/constants.py}
 * ({@code FuzzyDefaults}). Where the paper gives one value per sex, the mean of female and male is
 * used. The u-probabilities of sex and birth date are that paper's population priors; those of
 * names, postal codes and phone numbers are value frequencies in the records being matched
 * ({@link ValueFrequencies}). Decision 0600 has the table and the reasoning. Immutable.
 */
public final class MatchWeights {
    // ---- given name: P(partial: phonetic), P(partial: first two letters), P(no match) ----
    static final double GIVEN_EP1 = mean(0.00894, 0.00840);
    static final double GIVEN_EP2 = mean(0.00881, 0.00688);
    static final double GIVEN_EN = mean(0.00572, 0.00625);
    // ---- family name ----
    static final double FAMILY_EP1 = mean(0.00551, 0.00471);
    static final double FAMILY_EP2 = mean(0.00378, 0.00247);
    static final double FAMILY_EN = mean(0.0567, 0.0134);
    // ---- birth date: P(not a full match), P(partial | not full) ----
    static final double DOB_E = 0.00492;
    static final double DOB_EP_GIVEN_E = 0.933;
    /** Births spread evenly over a 90-year range (CRATE's BIRTH_YEAR_PSEUDO_RANGE). */
    static final double BIRTH_YEAR_RANGE = 90;
    static final double DAYS_PER_YEAR = 365.25;
    // ---- sex ----
    static final double SEX_E = 0.0033;
    static final double P_FEMALE = 0.51;
    // ---- postal code: P(partial), P(no match); phone numbers are given the same (decision 0600) ----
    static final double POSTCODE_EP = 0.0097;
    static final double POSTCODE_EN = 0.300;
    /** The lowest frequency any value gets (CRATE's NAME_MIN_FREQ). */
    static final double MIN_FREQUENCY = 5e-6;

    private MatchWeights() {
    }

    private static double mean(double female, double male) {
        return (female + male) / 2;
    }

    /** m for a name: agree, partial (nickname / phonetic), disagree. */
    static double[] givenM() {
        return new double[] {1 - GIVEN_EP1 - GIVEN_EP2 - GIVEN_EN, GIVEN_EP1 + GIVEN_EP2, GIVEN_EN};
    }

    static double[] familyM() {
        return new double[] {1 - FAMILY_EP1 - FAMILY_EP2 - FAMILY_EN, FAMILY_EP1 + FAMILY_EP2, FAMILY_EN};
    }

    /** m for a birth date: agree, partial, disagree. */
    static double[] birthDateM() {
        return new double[] {1 - DOB_E, DOB_E * DOB_EP_GIVEN_E, DOB_E * (1 - DOB_EP_GIVEN_E)};
    }

    /** u for a birth date: one exact date among 90 years of days. */
    static double birthDateU() {
        return 1 / (DAYS_PER_YEAR * BIRTH_YEAR_RANGE);
    }

    /**
     * u for "two of year, month and day agree" (the paper's partial birth-date match), births
     * uniform over the range: year 1/90, month 1/12, day 1/30.44.
     */
    static double birthDatePartialU() {
        double y = 1 / BIRTH_YEAR_RANGE;
        double m = 1 / 12.0;
        double d = 12 / DAYS_PER_YEAR;
        return y * m * (1 - d) + y * d * (1 - m) + m * d * (1 - y);
    }

    static double[] sexM() {
        return new double[] {1 - SEX_E, SEX_E};
    }

    /** u for sex agreeing: two people drawn at random are both female or both male. */
    static double sexAgreeU() {
        return P_FEMALE * P_FEMALE + (1 - P_FEMALE) * (1 - P_FEMALE);
    }

    /** m for postal code and phone: agree, disagree (the paper's partial counts as disagree here). */
    static double[] contactM() {
        return new double[] {1 - POSTCODE_EP - POSTCODE_EN, POSTCODE_EP + POSTCODE_EN};
    }

    /** The log-likelihood weight ln(m/u), u kept inside (MIN_FREQUENCY, 1). */
    static double weight(double m, double u) {
        double uu = Math.min(Math.max(u, MIN_FREQUENCY), 1 - MIN_FREQUENCY);
        return Math.log(m / uu);
    }
}
