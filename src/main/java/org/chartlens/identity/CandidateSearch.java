package org.chartlens.identity;

import java.util.List;

/**
 * What one candidate generation found.
 *
 * @param candidates proposed pairs, highest score first
 * @param records how many records were given
 * @param comparedPairs how many distinct pairs were scored (blocking keeps this near-linear)
 * @param rejectedSkipped pairs that met in a block but were rejected earlier, so not scored
 * @param oversizedBlocks blocks left out because more records shared the key than the limit
 */
public record CandidateSearch(List<Candidate> candidates, int records, long comparedPairs, long rejectedSkipped,
                              int oversizedBlocks) {
    public CandidateSearch {
        candidates = List.copyOf(candidates);
    }
}
