package org.chartlens.identity;

/**
 * One field's comparison: how it came out, its log-likelihood weight (natural log of m/u; 0 for
 * identifiers and missing values, which are not part of the score) and the sentence to show.
 */
public record Evidence(Field field, Agreement agreement, double weight, String text) {
    /** The compared fields. */
    public enum Field { IDENTIFIER, GIVEN_NAME, FAMILY_NAME, BIRTH_DATE, SEX, POSTAL_CODE, PHONE }

    /** Fellegi-Sunter comparison levels (PARTIAL: nickname, phonetic, transposed date, ...). */
    public enum Agreement { AGREE, PARTIAL, DISAGREE, MISSING }

    @Override
    public String toString() {
        return text;
    }
}
