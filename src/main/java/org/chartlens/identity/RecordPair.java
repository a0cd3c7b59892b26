package org.chartlens.identity;

import java.util.Objects;

/** Two records, unordered: {@link #of} puts them in a fixed order, so (a, b) equals (b, a). */
public record RecordPair(RecordKey first, RecordKey second) {
    public RecordPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.compareTo(second) > 0) {
            throw new IllegalArgumentException("use RecordPair.of: the first key must sort first");
        }
    }

    public static RecordPair of(RecordKey a, RecordKey b) {
        return a.compareTo(b) <= 0 ? new RecordPair(a, b) : new RecordPair(b, a);
    }

    @Override
    public String toString() {
        return first + " " + second;
    }
}
