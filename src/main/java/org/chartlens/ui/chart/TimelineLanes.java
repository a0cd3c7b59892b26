package org.chartlens.ui.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;
import org.chartlens.ui.common.OrgLegend;

/**
 * The timeline's lanes as drawn: one per kind of item (encounters, conditions, ...), or, for a
 * person's chart (issue 14), one per organization with every item it recorded (an item several
 * organizations recorded is in each of their lanes; marks keep their kind's colour). No JavaFX;
 * immutable.
 *
 * @param lanes top to bottom
 */
record TimelineLanes(List<Lane> lanes) {
    TimelineLanes {
        lanes = List.copyOf(lanes);
    }

    /**
     * One lane.
     *
     * @param key    stable id ("conditions", "org:clinic") for filters and tests
     * @param label  the name drawn at the lane's left
     * @param items  sorted by start
     * @param packed true when spans are packed into rows (else one row)
     * @param swatch the organization's colour drawn beside the name, or null
     */
    record Lane(String key, String label, List<TimelineItem> items, boolean packed, String swatch) {
        Lane {
            items = List.copyOf(items);
        }
    }

    static TimelineLanes byKind(Timeline t) {
        List<Lane> out = new ArrayList<>();
        for (TimelineLane l : TimelineLane.values()) {
            out.add(new Lane(l.name().toLowerCase(java.util.Locale.ROOT), l.label(), t.lane(l),
                    l == TimelineLane.CONDITIONS || l == TimelineLane.MEDICATIONS, null));
        }
        return new TimelineLanes(out);
    }

    static TimelineLanes byOrganization(Timeline t, OrgLegend legend) {
        List<Lane> out = new ArrayList<>();
        for (String org : legend.orgs()) {
            List<TimelineItem> items = new ArrayList<>();
            for (TimelineLane l : TimelineLane.values()) {
                for (TimelineItem it : t.lane(l)) {
                    if (it.source() != null && it.source().orgs().contains(org)) {
                        items.add(it);
                    }
                }
            }
            items.sort(Comparator.comparingLong(TimelineItem::start));
            out.add(new Lane("org:" + org, legend.name(org), items, true, legend.colour(org)));
        }
        return new TimelineLanes(out);
    }
}
