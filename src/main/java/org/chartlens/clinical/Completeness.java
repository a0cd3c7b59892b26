package org.chartlens.clinical;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.chartlens.domain.CompletenessMap;
import org.chartlens.domain.CompletenessMap.Cell;
import org.chartlens.domain.CompletenessMap.Fix;
import org.chartlens.domain.CompletenessMap.Row;
import org.chartlens.domain.CompletenessMap.Status;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.SignInState;

/**
 * The completeness map's rules (issue 17), pure: from what the cache holds per record and type, the
 * sync state per organization and type, and each organization's sign-in, every cell's status, its
 * words and its fix, and the banner's one line. {@link ChartQuery#completeness} reads the inputs.
 * Stateless, thread safe.
 */
public final class Completeness {
    /** The columns: the types a chart's tabs show, most consequential first, with their words. */
    public static final Map<String, String> TYPES = types();
    /** The banner's line when nothing needs attention. */
    public static final String COMPLETE = "Nothing missing: every type was pulled at every organization";
    /** A sign-in ending within this many days is said in the banner. */
    static final long GRANT_WARNING_DAYS = 7;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /**
     * Types whose absence the banner names even when the server does not offer them: not knowing a
     * patient's allergies or medications matters on every screen; a pharmacy without problems does not.
     */
    static final java.util.Set<String> ALWAYS_SAID = java.util.Set.of("AllergyIntolerance", "MedicationRequest");

    private Completeness() {
    }

    private static Map<String, String> types() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AllergyIntolerance", "Allergies");
        m.put("MedicationRequest", "Medications");
        m.put("Condition", "Problems");
        m.put("Observation", "Results and vitals");
        m.put("DiagnosticReport", "Reports");
        m.put("Immunization", "Immunizations");
        m.put("Procedure", "Procedures");
        m.put("Encounter", "Encounters");
        m.put("DocumentReference", "Documents");
        m.put("CarePlan", "Care plans");
        m.put("Coverage", "Coverage");
        m.put("ExplanationOfBenefit", "Claims");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * What the cache holds for one record.
     *
     * @param counts     resource type -> how many
     * @param lastSynced when the record's sync last completed, or null
     */
    public record Holding(PatientRef record, Map<String, Integer> counts, Instant lastSynced) {
    }

    /**
     * The sync state of one organization x type (the store's freshness, in clinical's words).
     *
     * @param state "ok", "failed", "unsupported" or "not-granted"
     */
    public record Pull(String org, String type, String state, Instant lastSuccess, String lastError,
                       Instant lastErrorAt) {
    }

    /**
     * @param signIns org id -> its sign-in; an organization absent here is shown without sign-in words
     * @param names   org id -> the organization's name
     * @param zone    dates are shown in this zone
     */
    public static CompletenessMap build(List<Holding> holdings, List<Pull> pulls, Map<String, SignInState> signIns,
                                        Function<String, String> names, Instant now, ZoneId zone) {
        Map<String, Pull> byOrgType = new LinkedHashMap<>();
        for (Pull p : pulls) {
            byOrgType.put(p.org() + "\n" + p.type(), p);
        }
        List<Row> rows = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (Holding h : holdings) {
            SignInState sign = signIns.get(h.record().org());
            Row row = row(h, sign, names.apply(h.record().org()), now, zone);
            rows.add(row);
            // a sign-in ending soon still syncs; one that ended, or none, does not
            boolean canSync = sign == null || !sign.signInNeeded() || (sign.signedIn()
                    && (sign.refreshGrantEnds() == null || now.isBefore(sign.refreshGrantEnds())));
            boolean imported = sign != null && !sign.signInNeeded();
            // a synced record whose organization kept no state per type (an older cache, a test
            // store): what is held is all that can be said, without calling the rest missing
            boolean noTypeState = h.lastSynced() != null
                    && pulls.stream().noneMatch(p -> p.org().equals(h.record().org()));
            for (Map.Entry<String, String> t : TYPES.entrySet()) {
                cells.add(cell(h, t.getKey(), t.getValue(), byOrgType.get(h.record().org() + "\n" + t.getKey()),
                        canSync, imported || noTypeState, imported, now, zone));
            }
        }
        String line = summary(rows, cells);
        return new CompletenessMap(rows, List.copyOf(TYPES.keySet()), cells, line, !line.equals(COMPLETE));
    }

    static Row row(Holding h, SignInState s, String orgName, Instant now, ZoneId zone) {
        if (s == null) {
            return new Row(h.record(), orgName, h.lastSynced(), "", Fix.NONE, null);
        }
        if (!s.signInNeeded()) {
            return new Row(h.record(), orgName, h.lastSynced(), "imported; nothing to sign in to", Fix.NONE, null);
        }
        if (!s.signedIn()) {
            return new Row(h.record(), orgName, h.lastSynced(), "not signed in", Fix.SIGN_IN_AGAIN, null);
        }
        Instant end = s.refreshGrantEnds();
        if (end == null) {
            return new Row(h.record(), orgName, h.lastSynced(), "signed in",
                    Fix.NONE, null);
        }
        long days = Math.floorDiv(Duration.between(now, end).toHours(), 24);
        if (!now.isBefore(end)) {
            return new Row(h.record(), orgName, h.lastSynced(), "the sign-in ran out on " + date(end, zone),
                    Fix.SIGN_IN_AGAIN, days);
        }
        if (days < GRANT_WARNING_DAYS) {
            return new Row(h.record(), orgName, h.lastSynced(), "the sign-in runs out " + inDays(days) + " ("
                    + date(end, zone) + ")", Fix.SIGN_IN_AGAIN, days);
        }
        return new Row(h.record(), orgName, h.lastSynced(), "signed in until " + date(end, zone), Fix.NONE, days);
    }

    /** @param onlyHeld say only what is held (imported files; no state per type was kept) */
    static Cell cell(Holding h, String type, String label, Pull pull, boolean canSync, boolean onlyHeld,
                     boolean imported, Instant now, ZoneId zone) {
        int count = h.counts().getOrDefault(type, 0);
        String held = count > 0 ? "; " + count + " held from before" : "";
        Fix sync = canSync ? Fix.SYNC_NOW : Fix.SIGN_IN_AGAIN;
        if (onlyHeld) {
            return count > 0 ? new Cell(h.record(), type, label, count, h.lastSynced(), Status.HELD,
                    count + (imported ? " imported" : " held"), Fix.NONE)
                    : new Cell(h.record(), type, label, 0, h.lastSynced(), Status.NONE_THERE,
                    imported ? "none in the imported files" : "none held", Fix.NONE);
        }
        String state = pull == null ? null : pull.state();
        if ("not-granted".equals(state)) {
            return new Cell(h.record(), type, label, count, null, Status.NOT_GRANTED, "not granted at sign-in" + held,
                    Fix.SIGN_IN_AGAIN);
        }
        if ("unsupported".equals(state)) {
            return new Cell(h.record(), type, label, count, null, Status.UNSUPPORTED,
                    "not offered by this organization's server" + held, Fix.NONE);
        }
        if ("failed".equals(state)) {
            String when = pull.lastErrorAt() == null ? "" : " (" + when(pull.lastErrorAt(), now, zone) + ")";
            String why = pull.lastError() == null || pull.lastError().isBlank() ? "" : ": " + pull.lastError();
            return new Cell(h.record(), type, label, count, pull.lastSuccess(), Status.FAILED,
                    "failed at the last sync" + when + why + held, sync);
        }
        Instant pulled = h.lastSynced() != null ? h.lastSynced() : pull == null ? null : pull.lastSuccess();
        if (count == 0 && (h.lastSynced() == null || pull == null)) {
            return new Cell(h.record(), type, label, 0, null, Status.NEVER_PULLED, "never pulled", sync);
        }
        if (count == 0) {
            return new Cell(h.record(), type, label, 0, pulled, Status.NONE_THERE,
                    "none there (pulled " + when(pulled, now, zone) + ")", Fix.NONE);
        }
        return new Cell(h.record(), type, label, count, pulled, Status.HELD,
                count + (pulled == null ? ", sync not completed" : ", pulled " + when(pulled, now, zone)), Fix.NONE);
    }

    /** The banner's line: the first gap by type importance, how many more, and a sign-in ending soon. */
    static String summary(List<Row> rows, List<Cell> cells) {
        List<String> parts = new ArrayList<>();
        List<Cell> gaps = new ArrayList<>();
        for (String type : TYPES.keySet()) {
            cells.stream().filter(c -> c.type().equals(type) && c.status().unknown()
                    && (c.status() != Status.UNSUPPORTED || ALWAYS_SAID.contains(type))).forEach(gaps::add);
        }
        if (!gaps.isEmpty()) {
            Cell first = gaps.get(0);
            String name = rows.stream().filter(r -> r.record().equals(first.record())).findFirst()
                    .map(Row::orgName).orElse(first.record().org());
            parts.add(first.label() + " unknown at " + name + ": " + shortWhy(first.status())
                    + (gaps.size() > 1 ? " (" + (gaps.size() - 1) + " more " + (gaps.size() == 2 ? "gap" : "gaps") + ")" : ""));
        }
        for (Row r : rows) {
            if (r.grantDaysLeft() != null && r.accessFix() == Fix.SIGN_IN_AGAIN) {
                parts.add(r.grantDaysLeft() < 0 || r.access().startsWith("the sign-in ran out")
                        ? "sign-in at " + r.orgName() + " has run out"
                        : "sign-in at " + r.orgName() + " runs out " + inDays(r.grantDaysLeft()));
            } else if (r.accessFix() == Fix.SIGN_IN_AGAIN) {
                parts.add("not signed in at " + r.orgName());
            }
        }
        if (parts.isEmpty()) {
            return COMPLETE;
        }
        String line = String.join(" · ", parts);
        return Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    static String shortWhy(Status s) {
        return switch (s) {
            case NOT_GRANTED -> "not granted";
            case UNSUPPORTED -> "not offered there";
            case FAILED -> "the last sync failed";
            case NEVER_PULLED -> "never pulled";
            default -> "";
        };
    }

    private static String inDays(long days) {
        return days <= 0 ? "within a day" : "in " + days + (days == 1 ? " day" : " days");
    }

    /** "today 08:30" for today, else the date. */
    private static String when(Instant t, Instant now, ZoneId zone) {
        if (t != null && t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
            return "today " + TIME.format(t.atZone(zone));
        }
        return date(t, zone);
    }

    private static String date(Instant t, ZoneId zone) {
        return t == null ? "unknown date" : DATE.format(t.atZone(zone));
    }
}
