package org.chartlens.ui.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.chart.PatientBanner;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.port.PersonsPort;

/**
 * The worklist's rows as persons (issue 14): the cache's records (one {@link WorklistRow} each)
 * joined with the persons the {@link PersonsPort} read. A person's records become one row (the
 * first record's name, birth date and identifiers; every record's text searchable); a record the
 * persons' read does not know yet (it came with a sync since) stays a person of one. Pure.
 *
 * @param rows      one per person, sorted by name
 * @param records   how many records the rows stand for
 * @param proposals how many proposed links wait for review
 * @param legend    the worklist's organizations, named, each with its colour (organization ids in
 *                  alphabetical order, so a colour stays with its organization from read to read)
 */
public record PersonRows(List<WorklistRow> rows, int records, int proposals, OrgLegend legend) {
    /** Joins; blocking-free. */
    public static PersonRows of(List<WorklistRow> records, PersonsPort.Snapshot persons) {
        Map<PatientRef, WorklistRow> byRef = new LinkedHashMap<>();
        for (WorklistRow r : records) {
            byRef.put(new PatientRef(r.org(), r.id()), r);
        }
        Map<String, String> names = new LinkedHashMap<>();
        Set<PatientRef> placed = new HashSet<>();
        List<WorklistRow> out = new ArrayList<>();
        for (PersonsPort.Person p : persons.persons()) {
            List<PersonsPort.Record> present = p.records().stream().filter(r -> byRef.containsKey(r.ref())).toList();
            if (present.isEmpty()) {
                continue;
            }
            present.forEach(r -> names.put(r.ref().org(), r.organization()));
            WorklistRow first = byRef.get(present.get(0).ref());
            StringBuilder hay = new StringBuilder(p.id().toLowerCase(Locale.ROOT));
            boolean stale = false;
            for (PersonsPort.Record r : present) {
                WorklistRow w = byRef.get(r.ref());
                placed.add(r.ref());
                hay.append(' ').append(w.searchText()).append(' ').append(r.organization().toLowerCase(Locale.ROOT));
                stale |= w.stale();
            }
            out.add(new WorklistRow(first.org(), first.id(), first.summary(), first.lastSynced(), stale, hay.toString(),
                    p.id(), present, p.possibleMatches(), p.warnings()));
        }
        for (Map.Entry<PatientRef, WorklistRow> e : byRef.entrySet()) {
            if (!placed.contains(e.getKey())) {
                out.add(e.getValue());
                names.putIfAbsent(e.getKey().org(), e.getKey().org());
            }
        }
        out.sort(Comparator.comparing((WorklistRow r) -> r.summary().name().toLowerCase(Locale.ROOT))
                .thenComparing(WorklistRow::personId));
        // the colours of every view: the chart's legend takes these (OrgColours, by organization id)
        OrgLegend legend = new OrgLegend(List.copyOf(new TreeSet<>(names.keySet())), id -> names.getOrDefault(id, id),
                org.chartlens.ui.common.OrgColours.of(names.keySet()));
        return new PersonRows(out, byRef.size(), persons.proposals().size(), legend);
    }

    /**
     * The newest sync of each organization of a row, one line each in the order of its
     * organizations' chips ({@link #organizations}): "5 min ago" ("⚠ out of date" after 24 h,
     * "never synced").
     */
    public static List<String> syncedByOrganization(WorklistRow r, Instant now) {
        Map<String, Instant> newest = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (PersonsPort.Record rec : r.records()) {
            String org = rec.ref().org();
            names.putIfAbsent(org, rec.organization());
            if (rec.lastSynced() != null && (newest.get(org) == null || rec.lastSynced().isAfter(newest.get(org)))) {
                newest.put(org, rec.lastSynced());
            }
        }
        List<String> out = new ArrayList<>();
        for (String org : names.keySet()) {
            Instant t = newest.get(org);
            String when = t == null ? "never synced"
                    : PatientBanner.ago(t, now) + (Duration.between(t, now).compareTo(PatientBanner.STALE) > 0
                    ? "  ⚠ out of date" : "");
            out.add(when);
        }
        return out;
    }

    /** The row's organizations' names, each once, in record order (as its chips). */
    public static List<String> organizations(WorklistRow r) {
        return r.records().stream().map(PersonsPort.Record::organization).distinct().toList();
    }
}
