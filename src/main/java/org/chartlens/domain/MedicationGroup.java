package org.chartlens.domain;

import java.util.List;

/**
 * One medication (by RxNorm code where present, else by its text) with all its orders,
 * statements, dispenses and administrations. Immutable.
 *
 * @param medication the drug
 * @param status     status now: that of the latest order or statement
 * @param current    true when the latest order or statement is active or on-hold
 * @param first      date of the first order/statement/event
 * @param latest     date of the latest
 * @param prescriber the latest prescriber, or ""
 * @param dosage     the latest dosage in words, or ""
 * @param entries    every order, statement and event, newest first (for expansion)
 */
public record MedicationGroup(Coded medication, String status, boolean current, ChartDate first,
                              ChartDate latest, String prescriber, String dosage,
                              List<MedicationEntry> entries) {
    public MedicationGroup {
        entries = List.copyOf(entries);
    }

    /** The organizations that recorded any of this medication's entries, each once. */
    public List<String> orgs() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (MedicationEntry e : entries) {
            if (e.source() != null) {
                out.addAll(e.source().orgs());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Each organization's own status now: the status of its latest order or statement (of its
     * latest entry when it has none). Organizations disagree when these differ (active at one,
     * stopped at another), which the views show side by side. Entries are newest first.
     */
    public List<Source.OrgValue> statusByOrg() {
        java.util.Map<String, String> latest = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> anyLatest = new java.util.LinkedHashMap<>();
        for (MedicationEntry e : entries) {
            if (e.source() == null) {
                continue;
            }
            boolean order = e.source().type().equals("MedicationRequest") || e.source().type().equals("MedicationStatement");
            Source.Difference d = e.source().difference("status");
            for (Source s : e.source().all()) {
                String v = e.status();
                if (d != null) {
                    for (Source.OrgValue ov : d.values()) {
                        if (ov.org().equals(s.org())) {
                            v = ov.value();
                        }
                    }
                }
                anyLatest.putIfAbsent(s.org(), v);
                if (order) {
                    latest.putIfAbsent(s.org(), v);
                }
            }
        }
        List<Source.OrgValue> out = new java.util.ArrayList<>();
        for (String org : anyLatest.keySet()) {
            out.add(new Source.OrgValue(org, latest.getOrDefault(org, anyLatest.get(org))));
        }
        return out;
    }

    /** True when organizations' current statuses differ (see {@link #statusByOrg()}). */
    public boolean statusesDiffer() {
        return statusByOrg().stream().map(Source.OrgValue::value).distinct().count() > 1;
    }

    /** Number of orders, statements and fills in this group. */
    public int count() {
        return entries.size();
    }
}
