package org.chartlens.ui.chart;

/**
 * The timeline's horizontal mapping for one drawing: the time range shown on a canvas of a
 * given width, the lane labels taking the left {@link TimelineView#LANE_LABEL} pixels. Immutable.
 *
 * @param start first instant shown, epoch millis
 * @param end   last instant shown, epoch millis
 * @param width canvas width in pixels
 */
record TimeScale(long start, long end, double width) {

    double plotWidth() {
        return Math.max(1, width - TimelineView.LANE_LABEL - 10);
    }

    /** Where along the plot {@code x} falls, 0 to 1. */
    double fraction(double x) {
        return Math.max(0, Math.min(1, (x - TimelineView.LANE_LABEL) / plotWidth()));
    }

    double xOf(long t) {
        return TimelineView.LANE_LABEL + (t - start) / (double) (end - start) * plotWidth();
    }
}
