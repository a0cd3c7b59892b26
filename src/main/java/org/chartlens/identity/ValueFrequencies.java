package org.chartlens.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How common each normalised given name, family name part, postal code and phone number is among
 * the records being matched: the frequency-based u-probability of Fellegi and Sunter (the chance
 * that two records of different people agree on that value). Counted once per record. With few
 * records, most people appearing at several organizations, this overstates u, which makes the
 * weights cautious rather than bold. Immutable once built.
 */
final class ValueFrequencies {
    private final Map<String, Integer> given = new HashMap<>();
    private final Map<String, Integer> givenSoundex = new HashMap<>();
    private final Map<String, Integer> family = new HashMap<>();
    private final Map<String, Integer> familySoundex = new HashMap<>();
    private final Map<String, Integer> postal = new HashMap<>();
    private final Map<String, Integer> phone = new HashMap<>();
    private final double total;

    ValueFrequencies(Collection<NormalizedRecord> records) {
        for (NormalizedRecord r : records) {
            countOnce(given, r.givenNames());
            countOnce(givenSoundex, soundexes(r.givenNames()));
            countOnce(family, r.familyParts());
            countOnce(familySoundex, soundexes(r.familyParts()));
            countOnce(postal, r.postalCodes());
            countOnce(phone, r.phones());
        }
        total = Math.max(1, records.size());
    }

    private static Set<String> soundexes(Collection<String> names) {
        Set<String> out = new HashSet<>();
        for (String n : names) {
            out.add(Soundex.of(n));
        }
        return out;
    }

    private static void countOnce(Map<String, Integer> map, Collection<String> values) {
        for (String v : new HashSet<>(values)) {
            if (!v.isEmpty()) {
                map.merge(v, 1, Integer::sum);
            }
        }
    }

    private double f(Map<String, Integer> map, String v) {
        return Math.max(MatchWeights.MIN_FREQUENCY, map.getOrDefault(v, 0) / total);
    }

    double given(String v) {
        return f(given, v);
    }

    double family(String v) {
        return f(family, v);
    }

    double postal(String v) {
        return f(postal, v);
    }

    double phone(String v) {
        return f(phone, v);
    }

    /**
     * u for a partial given-name agreement with {@code v}: the frequency of the other names that
     * sound alike or are its nicknames.
     */
    double givenPartial(String v, Nicknames nicknames) {
        double sum = Math.max(0, givenSoundex.getOrDefault(Soundex.of(v), 0) - given.getOrDefault(v, 0)) / total;
        for (String n : nicknames.relatedTo(v)) {
            sum += given.getOrDefault(n, 0) / total;
        }
        return Math.max(MatchWeights.MIN_FREQUENCY, sum);
    }

    double familyPartial(String v) {
        double sum = Math.max(0, familySoundex.getOrDefault(Soundex.of(v), 0) - family.getOrDefault(v, 0)) / total;
        return Math.max(MatchWeights.MIN_FREQUENCY, sum);
    }

    /** The most frequent of a record's values (the cautious choice when several agree). */
    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(MatchWeights.MIN_FREQUENCY);
    }
}
