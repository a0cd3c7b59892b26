package org.chartlens.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.chartlens.clinical.ChartData;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.PatientSummary;
import org.chartlens.domain.Source;
import org.chartlens.store.Freshness;

/**
 * The referral summary's content from one chart (a person's linked records merged, or one record):
 * who, the sources and how fresh each is, the clinical sections ({@link ClinicalSections}), what is
 * missing and the reviewer's notes. Every row names the organizations it came from. The chart is
 * taken as given: whatever was left out or masked before (restricted records) stays out, and the
 * summary says how many and why ({@link RestrictedContent}); included ones are marked, Part 2 ones
 * with the redisclosure notice.
 * Stateless, thread safe; linear in the chart.
 */
public final class ReferralSummary {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private ReferralSummary() {
    }

    /** The summary of {@code chart} as of {@code options.printedAt()}. */
    public static SummaryDocument build(ChartData chart, SummaryOptions options) {
        Function<String, String> names = options.names();
        ZoneId zone = options.printedAt().getZone();
        PatientSummary p = chart.model().patient();
        String dob = p.birthDate().isPresent() ? p.birthDate().dateOnly() : "unknown";
        List<String> intro = new ArrayList<>();
        intro.add("Born " + dob + (p.age().isEmpty() ? "" : " (" + p.age() + ")") + " · " + p.sex()
                + (p.deceased() != null ? " · deceased " + p.deceased() : ""));
        intro.add((chart.isPerson() ? "Records: " : "Record: ") + String.join("; ", chart.records().stream()
                .map(r -> names.apply(r.org()) + " (" + r.id() + ")").toList()));
        if (p.source() != null) {
            for (Source.Difference d : p.source().differences()) {
                intro.add("The records differ on " + d.field() + ": " + d.describe(names));
            }
        }
        String ids = identifiers(p, names);
        if (!ids.isEmpty()) {
            intro.add("Identifiers: " + ids);
        }
        intro.add("From ChartLens's copy of each organization's record as last synced (see Sources); "
                + "each row names the organizations that recorded it.");
        intro.addAll(RestrictedContent.intro(chart, names));
        List<SummaryDocument.Section> sections = new ArrayList<>();
        sections.add(sources(chart, names, zone));
        ClinicalSections clinical = new ClinicalSections(chart, names, options.marks());
        sections.add(clinical.problems());
        sections.add(clinical.medications());
        sections.add(clinical.allergies());
        sections.add(clinical.abnormalResults());
        sections.add(clinical.encounters());
        sections.add(clinical.immunizations());
        sections.add(missing(chart, names, zone));
        sections.add(notes(options.notes(), zone));
        return new SummaryDocument(p.name(), p.name() + " · born " + dob, when(options.printedAt().toInstant(), zone)
                + " " + zoneName(zone), intro, sections);
    }

    /** "UTC", "UTC+01:00", "CET". */
    static String zoneName(ZoneId zone) {
        if (zone instanceof java.time.ZoneOffset o) {
            return o.getTotalSeconds() == 0 ? "UTC" : "UTC" + o.getId();
        }
        return zone.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? "never" : WHEN.format(at.atZone(zone));
    }

    /** "MRN C123 (Clinic, Hospital); DL S999 (Clinic)": each identifier once with its organizations. */
    static String identifiers(PatientSummary p, Function<String, String> names) {
        Map<String, List<String>> orgsOf = new LinkedHashMap<>();
        for (Identifier i : p.identifiers()) {
            List<String> orgs = orgsOf.computeIfAbsent(i.label() + " " + i.value(), k -> new ArrayList<>());
            String n = i.org() == null ? "" : names.apply(i.org());
            if (!n.isEmpty() && !orgs.contains(n)) {
                orgs.add(n);
            }
        }
        List<String> out = new ArrayList<>();
        orgsOf.forEach((id, orgs) -> out.add(orgs.isEmpty() ? id : id + " (" + String.join(", ", orgs) + ")"));
        return String.join("; ", out);
    }

    /** One row per record: where it is, when it was last synced, how many types arrived and when last. */
    static SummaryDocument.Section sources(ChartData chart, Function<String, String> names, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        for (PatientRef r : chart.records()) {
            List<Freshness> f = chart.freshness().stream().filter(x -> x.org().equals(r.org())).toList();
            long ok = f.stream().filter(x -> "ok".equals(x.state()) && x.lastSuccess() != null).count();
            long missing = f.stream().filter(x -> !"ok".equals(x.state()) || x.lastSuccess() == null).count();
            Instant latest = f.stream().map(Freshness::lastSuccess).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            String types = f.isEmpty() ? "not known (imported, or never synced)"
                    : ok + " types pulled" + (latest == null ? "" : ", last " + when(latest, zone))
                    + (missing == 0 ? "" : "; " + missing + " missing (see What is missing)");
            rows.add(List.of(names.apply(r.org()), r.id(), when(chart.syncedByRecord().get(r), zone), types));
        }
        return new SummaryDocument.Section("Sources and freshness", "", List.of("Organization", "Record", "Last synced",
                "Resource types"), new float[] {3, 2.2f, 1.6f, 3.2f}, rows, "No records.");
    }

    /**
     * Types ChartLens knows it does not have, per organization, and why: not granted at sign-in,
     * not offered by the server, failed at the last sync, never pulled; records never synced.
     */
    static SummaryDocument.Section missing(ChartData chart, Function<String, String> names, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        for (PatientRef r : chart.records()) {
            if (!chart.syncedByRecord().containsKey(r) && chart.freshness().stream().anyMatch(x -> x.org().equals(r.org()))) {
                rows.add(List.of(names.apply(r.org()), "this record (" + r.id() + ")", "never synced"));
            }
        }
        for (String org : chart.orgs()) {
            for (Freshness f : chart.freshness()) {
                if (!f.org().equals(org)) {
                    continue;
                }
                String why = switch (f.state() == null ? "" : f.state()) {
                    case "not-granted" -> "not granted at sign-in (scope refused)";
                    case "unsupported" -> "not offered by this organization's server";
                    case "failed" -> "failed at the last sync" + (f.lastErrorAt() == null ? "" : " (" + when(f.lastErrorAt(), zone) + ")")
                            + (f.lastError() == null || f.lastError().isBlank() ? "" : ": " + f.lastError());
                    default -> f.lastSuccess() == null ? "never pulled" : "";
                };
                if (!why.isEmpty()) {
                    rows.add(List.of(names.apply(org), f.type(), why));
                }
            }
        }
        String empty = chart.freshness().isEmpty()
                ? "Not known: no sync state is kept for these records (imported files are taken as they are)."
                : "Nothing known to be missing: every resource type was pulled at every organization.";
        return new SummaryDocument.Section("What is missing", "A type missing here may hold facts this summary cannot show.",
                List.of("Organization", "Resource type", "Why"), new float[] {3, 2.2f, 4.8f}, rows, empty);
    }

    static SummaryDocument.Section notes(List<ReviewerNote> notes, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        for (ReviewerNote n : notes) {
            rows.add(List.of(when(n.at(), zone), n.reviewer(), n.text()));
        }
        return new SummaryDocument.Section("Reviewer's notes", "", List.of("When", "Reviewer", "Note"),
                new float[] {1.6f, 2f, 6.4f}, rows, "No notes.");
    }
}
