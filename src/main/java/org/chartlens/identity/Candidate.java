package org.chartlens.identity;

import java.util.List;

/**
 * A proposed link between two records, or the comparison of two records a user chose to link.
 *
 * @param score sum of the log-likelihood weights (natural log; see decision 0600)
 * @param strong pre-selected: a shared identifier, the same birth date and no conflicting sex
 *               or identifier; the user still confirms
 * @param evidence every field's comparison, in words
 * @param conflicts what disagrees in a way a linked person should keep as a warning (sex,
 *                  birth date, the same identifier system with different values); empty if none
 */
public record Candidate(RecordPair pair, double score, boolean strong, List<Evidence> evidence,
                        List<String> conflicts) {
    public Candidate {
        evidence = List.copyOf(evidence);
        conflicts = List.copyOf(conflicts);
    }

    /** Whether any identifier (after normalising its system) is the same on both records. */
    public boolean sharesIdentifier() {
        return evidence.stream().anyMatch(e -> e.field() == Evidence.Field.IDENTIFIER
                && e.agreement() == Evidence.Agreement.AGREE);
    }
}
