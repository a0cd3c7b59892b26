package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.HiddenRecord;
import org.chartlens.domain.Restrictions;
import org.chartlens.domain.Source;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;

/**
 * Puts the hidden records on a masked chart's timeline as grey "restricted" items with no label:
 * where and when something is hidden, from which organization and why, never what (issue 18).
 * Pure, stateless.
 */
final class MaskedTimeline {
    /** The {@link Source#type()} of a masked item (no resource: no id, no JSON). */
    static final String TYPE = Restrictions.MASKED_TYPE;

    private MaskedTimeline() {
    }

    static ChartModel with(ChartModel m, List<HiddenRecord> hidden) {
        if (hidden.isEmpty()) {
            return m;
        }
        Timeline t = m.timeline();
        Map<TimelineLane, List<TimelineItem>> lanes = new EnumMap<>(TimelineLane.class);
        t.lanes().forEach((k, v) -> lanes.put(k, new ArrayList<>(v)));
        long first = t.first();
        long last = t.last();
        boolean empty = t.isEmpty();
        for (HiddenRecord h : hidden) {
            TimelineLane lane = lane(h.type());
            if (lane == null || h.when().instant() == null) {
                continue;
            }
            long at = h.when().instant().toEpochMilli();
            String detail = Restrictions.line(1, false) + " · reason: " + h.why().reason();
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(new TimelineItem(lane, "", at, at, false,
                    h.when().dateOnly(), detail, new Source(h.org(), TYPE, "")));
            first = empty ? at : Math.min(first, at);
            last = empty ? at : Math.max(last, at);
            empty = false;
        }
        Map<TimelineLane, List<TimelineItem>> frozen = new EnumMap<>(TimelineLane.class);
        lanes.forEach((k, v) -> {
            v.sort(Comparator.comparingLong(TimelineItem::start));
            frozen.put(k, List.copyOf(v));
        });
        return new ChartModel(m.patient(), m.problems(), m.vitals(), new Timeline(frozen, first, last, t.undated()),
                m.medications(), m.allergies(), m.immunizations(), m.encounters(), m.labs(), m.documents(),
                m.coverage(), m.claims(), m.warnings(), m.medicationGroups());
    }

    static TimelineLane lane(String type) {
        return switch (type) {
            case "Encounter" -> TimelineLane.ENCOUNTERS;
            case "Condition" -> TimelineLane.CONDITIONS;
            case "Procedure" -> TimelineLane.PROCEDURES;
            case "MedicationRequest", "MedicationStatement", "MedicationDispense", "MedicationAdministration" ->
                    TimelineLane.MEDICATIONS;
            case "Immunization" -> TimelineLane.IMMUNIZATIONS;
            case "DiagnosticReport" -> TimelineLane.LAB_REPORTS;
            case "DocumentReference" -> TimelineLane.DOCUMENTS;
            default -> null;
        };
    }
}
