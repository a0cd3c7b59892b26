package org.chartlens.ui.chart;

import javafx.event.Event;
import javafx.event.EventType;
import org.chartlens.domain.PatientRef;

/**
 * The user asked, from a person's chart banner, to take one record out of the person (issue 14).
 * Bubbles up to the window, which unlinks through the persons port and reopens the chart.
 */
public final class UnlinkRequested extends Event {
    public static final EventType<UnlinkRequested> TYPE = new EventType<>(Event.ANY, "PERSON_UNLINK_REQUESTED");
    private final transient PatientRef record;

    public UnlinkRequested(PatientRef record) {
        super(TYPE);
        this.record = record;
    }

    /** The record to take out. */
    public PatientRef record() {
        return record;
    }
}
