package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.domain.EncounterEntry;
import org.chartlens.domain.ImmunizationEntry;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.Problem;
import org.chartlens.domain.Source;
import org.chartlens.domain.Timeline;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.TimelineLane;

/** Builds the timeline lanes from the other models (no second parse). Stateless, thread safe. */
public final class Timelines {
    private Timelines() {
    }

    public static Timeline of(ParsedChart chart, List<Problem> problems,
                              List<MedicationEntry> meds, List<ImmunizationEntry> imms,
                              List<EncounterEntry> encounters, List<LabReport> labs,
                              List<DocumentEntry> docs) {
        Map<TimelineLane, List<TimelineItem>> procedures = new EnumMap<>(TimelineLane.class);
        int undatedProcedures = procedures(chart, procedures);
        return of(procedures.getOrDefault(TimelineLane.PROCEDURES, List.of()), undatedProcedures, problems, meds,
                imms, encounters, labs, docs);
    }

    /**
     * What a person's chart needs of one record's timeline ({@link PersonCharts#merge} rebuilds
     * the other lanes from the merged lists): the procedures lane, and the same {@code undated}
     * count as {@link #of} (the other lists' undated items counted, not drawn). Issue 21.
     */
    static Timeline proceduresOnly(ParsedChart chart, List<Problem> problems,
                                   List<MedicationEntry> meds, List<ImmunizationEntry> imms,
                                   List<EncounterEntry> encounters, List<LabReport> labs,
                                   List<DocumentEntry> docs) {
        Map<TimelineLane, List<TimelineItem>> lanes = new EnumMap<>(TimelineLane.class);
        long undated = procedures(chart, lanes)
                + encounters.stream().filter(e -> e.start().instant() == null).count()
                + problems.stream().filter(p -> p.onset().instant() == null).count()
                + meds.stream().filter(m -> m.authored().instant() == null).count()
                + imms.stream().filter(i -> i.date().instant() == null).count()
                + labs.stream().filter(l -> l.source() != null && l.when().instant() == null).count()
                + docs.stream().filter(d -> d.date().instant() == null).count();
        List<TimelineItem> items = new ArrayList<>(lanes.getOrDefault(TimelineLane.PROCEDURES, List.of()));
        items.sort(Comparator.comparingLong(TimelineItem::start));
        long first = items.isEmpty() ? System.currentTimeMillis() : items.get(0).start();
        long last = items.stream().mapToLong(TimelineItem::end).max().orElse(first);
        return new Timeline(items.isEmpty() ? Map.of() : Map.of(TimelineLane.PROCEDURES, List.copyOf(items)),
                first, last, (int) undated);
    }

    /** The chart's procedures as timeline items into {@code lanes}; returns how many had no readable date. */
    private static int procedures(ParsedChart chart, Map<TimelineLane, List<TimelineItem>> procedures) {
        int[] undatedProcedures = {0};
        for (ResourceTree r : chart.all("Procedure")) {
            JsonNode n = r.node();
            ChartDate s = n.hasNonNull("performedDateTime") ? FhirNodes.date(n, "performedDateTime")
                    : FhirNodes.date(n, "performedPeriod", "start");
            ChartDate e = FhirNodes.date(n, "performedPeriod", "end");
            add(procedures, undatedProcedures, TimelineLane.PROCEDURES, FhirNodes.coded(n.get("code")).label(), s, e, false,
                    join(n.path("status").asText(""), FhirNodes.ref(n.get("location"))), r.source());
        }
        return undatedProcedures[0];
    }

    /**
     * The timeline from the other tabs' models and already built procedure items (a person's
     * chart merges those across records, issue 14).
     *
     * @param undatedProcedures procedures left out for want of a readable date
     */
    public static Timeline of(List<TimelineItem> procedureItems, int undatedProcedures, List<Problem> problems,
                              List<MedicationEntry> meds, List<ImmunizationEntry> imms,
                              List<EncounterEntry> encounters, List<LabReport> labs,
                              List<DocumentEntry> docs) {
        Map<TimelineLane, List<TimelineItem>> lanes = new EnumMap<>(TimelineLane.class);
        int[] undated = {undatedProcedures};
        for (EncounterEntry e : encounters) {
            add(lanes, undated, TimelineLane.ENCOUNTERS, e.type().label(), e.start(), e.end(), false,
                    join(e.encounterClass(), e.practitioner(), e.provider()), e.source());
        }
        for (Problem p : problems) {
            add(lanes, undated, TimelineLane.CONDITIONS, p.code().label(), p.onset(), p.abatement(),
                    p.active(), join(p.clinicalStatus(), p.category()), p.source(), ProblemLists.clinicalWeight(p));
        }
        if (!procedureItems.isEmpty()) {
            lanes.put(TimelineLane.PROCEDURES, new ArrayList<>(procedureItems));
        }
        for (MedicationEntry m : meds) {
            add(lanes, undated, TimelineLane.MEDICATIONS, m.medication().label(), m.authored(), m.end(),
                    m.active() && !m.end().isPresent(), join(m.status(), m.dosage(), m.prescriber()),
                    m.source());
        }
        for (ImmunizationEntry i : imms) {
            add(lanes, undated, TimelineLane.IMMUNIZATIONS, i.vaccine().label(), i.date(), ChartDate.NONE,
                    false, join(i.status(), i.performer()), i.source());
        }
        for (LabReport l : labs) {
            if (l.source() == null) {
                continue;
            }
            add(lanes, undated, TimelineLane.LAB_REPORTS, l.name().label(), l.when(), ChartDate.NONE,
                    false, l.results().size() + " results, " + l.abnormalCount() + " flagged", l.source());
        }
        for (DocumentEntry d : docs) {
            add(lanes, undated, TimelineLane.DOCUMENTS, d.type().label(), d.date(), ChartDate.NONE, false,
                    join(d.author(), d.custodian()), d.source());
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (List<TimelineItem> l : lanes.values()) {
            l.sort(Comparator.comparingLong(TimelineItem::start));
            for (TimelineItem i : l) {
                first = Math.min(first, i.start());
                last = Math.max(last, i.ongoing() ? System.currentTimeMillis() : i.end());
            }
        }
        Map<TimelineLane, List<TimelineItem>> frozen = new EnumMap<>(TimelineLane.class);
        lanes.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        if (first == Long.MAX_VALUE) {
            first = last = System.currentTimeMillis();
        }
        return new Timeline(frozen, first, last, undated[0]);
    }

    private static void add(Map<TimelineLane, List<TimelineItem>> lanes, int[] undated,
                            TimelineLane lane, String label, ChartDate start, ChartDate end,
                            boolean ongoing, String detail, Source src) {
        add(lanes, undated, lane, label, start, end, ongoing, detail, src, 0);
    }

    private static void add(Map<TimelineLane, List<TimelineItem>> lanes, int[] undated,
                            TimelineLane lane, String label, ChartDate start, ChartDate end,
                            boolean ongoing, String detail, Source src, int weight) {
        if (start.instant() == null) {
            undated[0]++;
            return;
        }
        long s = start.instant().toEpochMilli();
        long e = end.instant() == null ? s : Math.max(s, end.instant().toEpochMilli());
        String when = start.display() + (end.isPresent() ? " – " + end.display() : ongoing ? " – ongoing" : "");
        lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(
                new TimelineItem(lane, label, s, e, ongoing, when, detail, src, weight));
    }

    static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(" · ");
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    /** Convenience for callers that already have the whole model. */
    public static Timeline of(ParsedChart chart, ChartModel m) {
        List<Problem> all = new ArrayList<>(m.problems().active());
        all.addAll(m.problems().inactive());
        return of(chart, all, m.medications(), m.immunizations(), m.encounters(), m.labs(), m.documents());
    }
}
