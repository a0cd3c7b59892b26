package org.chartlens.domain;

/**
 * One item on the timeline: a point (start == end) or a span. Times are epoch millis for fast
 * drawing; {@code ongoing} spans run to "now". Immutable.
 *
 * @param lane    the lane
 * @param label   short text
 * @param start   start, epoch millis
 * @param end     end, epoch millis (== start for points)
 * @param ongoing true for a span with no end (active condition, active medication)
 * @param when    the dates as given, for the details pane ("2019-04-01 - 2020")
 * @param detail  one or two lines for the details pane
 * @param source  organization and resource
 * @param weight  clinical weight for label priority (higher first): conditions use
 *                clinical.ProblemLists.clinicalWeight (active disorders 3 ... findings 0); others 0
 */
public record TimelineItem(TimelineLane lane, String label, long start, long end, boolean ongoing,
                           String when, String detail, Source source, int weight) {

    public TimelineItem(TimelineLane lane, String label, long start, long end, boolean ongoing,
                        String when, String detail, Source source) {
        this(lane, label, start, end, ongoing, when, detail, source, 0);
    }

    public boolean isSpan() {
        return ongoing || end > start;
    }
}
