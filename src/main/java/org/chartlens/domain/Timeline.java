package org.chartlens.domain;

import java.util.List;
import java.util.Map;

/**
 * Timeline items per lane, each list sorted by start. Items without a readable date are counted
 * in {@code undated} (the view says how many) rather than drawn at a made-up time. Immutable.
 */
public record Timeline(Map<TimelineLane, List<TimelineItem>> lanes, long first, long last,
                       int undated) {
    public Timeline {
        lanes = Map.copyOf(lanes);
    }

    public List<TimelineItem> lane(TimelineLane l) {
        return lanes.getOrDefault(l, List.of());
    }

    public int size() {
        return lanes.values().stream().mapToInt(List::size).sum();
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
