package org.chartlens.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes which patient records are the same person: normalises every record once, groups them
 * by {@link Blocking} keys, scores each pair that shares a key once ({@link PairScorer}) and keeps
 * the pairs that share an identifier or score at least the threshold. Pairs the user rejected are
 * never proposed again. Decision 0600 gives the method and its sources.
 *
 * <p>Pure and thread-safe: call it off the FX thread after each sync or import with every cached
 * patient record and the rejected pairs; it keeps nothing between calls.
 */
public final class CandidateFinder {
    /**
     * @param threshold lowest score (sum of ln(m/u)) proposed without a shared identifier; the
     *                  default 5 is CRATE's minimum log odds for a match (decision 0600)
     * @param maxBlockSize blocks with more records than this are left out (a key so common that
     *                     it says nothing, such as a placeholder birth date)
     */
    public record Settings(double threshold, int maxBlockSize) {
        public static Settings defaults() {
            return new Settings(5.0, 1000);
        }
    }

    private final Settings settings;
    private final Nicknames nicknames;

    public CandidateFinder() {
        this(Settings.defaults(), Nicknames.shipped());
    }

    public CandidateFinder(Settings settings, Nicknames nicknames) {
        this.settings = settings;
        this.nicknames = nicknames;
    }

    /** Every proposed pair among {@code records}, leaving out {@code rejected} pairs. */
    public CandidateSearch find(Collection<PatientRecord> records, Set<RecordPair> rejected) {
        List<NormalizedRecord> norm = new ArrayList<>(records.size());
        for (PatientRecord r : records) {
            norm.add(NormalizedRecord.of(r));
        }
        PairScorer scorer = new PairScorer(new ValueFrequencies(norm), nicknames);
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < norm.size(); i++) {
            for (String key : Blocking.keys(norm.get(i))) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
            }
        }
        Set<Long> seen = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        long compared = 0;
        long skipped = 0;
        int oversized = 0;
        for (List<Integer> block : blocks.values()) {
            if (block.size() < 2) {
                continue;
            }
            if (block.size() > settings.maxBlockSize()) {
                oversized++;
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    if (!seen.add((long) Math.min(i, j) * norm.size() + Math.max(i, j))) {
                        continue;
                    }
                    NormalizedRecord a = norm.get(i);
                    NormalizedRecord b = norm.get(j);
                    if (a.key().equals(b.key())) {
                        continue;
                    }
                    if (rejected.contains(RecordPair.of(a.key(), b.key()))) {
                        skipped++;
                        continue;
                    }
                    compared++;
                    Candidate c = a.key().compareTo(b.key()) <= 0 ? scorer.compare(a, b) : scorer.compare(b, a);
                    if (c.sharesIdentifier() || c.score() >= settings.threshold()) {
                        out.add(c);
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.pair().toString()));
        return new CandidateSearch(out, norm.size(), compared, skipped, oversized);
    }

    /**
     * Compares two records a user chose to link, whatever their score: the candidate's
     * {@link Candidate#conflicts() conflicts} are the warnings to keep on the person.
     * {@code population} (all cached records) gives the value frequencies; it may be empty.
     */
    public Candidate compare(PatientRecord a, PatientRecord b, Collection<PatientRecord> population) {
        List<NormalizedRecord> norm = new ArrayList<>(population.size() + 2);
        for (PatientRecord r : population) {
            norm.add(NormalizedRecord.of(r));
        }
        if (population.isEmpty()) {
            norm.add(NormalizedRecord.of(a));
            norm.add(NormalizedRecord.of(b));
        }
        PairScorer scorer = new PairScorer(new ValueFrequencies(norm), nicknames);
        NormalizedRecord na = NormalizedRecord.of(a);
        NormalizedRecord nb = NormalizedRecord.of(b);
        return a.key().compareTo(b.key()) <= 0 ? scorer.compare(na, nb) : scorer.compare(nb, na);
    }
}
