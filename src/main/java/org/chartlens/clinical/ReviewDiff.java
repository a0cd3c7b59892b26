package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.chartlens.domain.Coded;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.ReviewMark;
import org.chartlens.domain.ReviewedResource;
import org.chartlens.domain.Source;

/**
 * What arrived or changed since a reviewer's last "Mark reviewed" (issue 17): per record, each
 * resource now cached that the mark did not know is NEW, each whose content hash differs is
 * CHANGED (a new {@code meta.lastUpdated} alone is not a change, {@link ContentHashes}); resources
 * the mark knew that are gone are counted as removed. A person's records are compared each with
 * the reviewer's mark of that record; a record never reviewed while others were counts as all new;
 * when no record was reviewed there is nothing to compare ({@link #reviewed()} false). Pure:
 * built by {@link ChartQuery#changesSince}. Immutable.
 *
 * <p>{@code reviewer}: compared for; {@code since}: the earliest of the records' last marks, or null
 * when never reviewed; {@code items}: new and changed resources by organization, type, date
 * (newest first); {@code removed}: resources known at the review that are no longer cached.
 */
public final class ReviewDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String reviewer;
    private final Instant since;
    private final List<Item> items;
    private final int removed;
    private final Map<String, Item> byKey = new HashMap<>();

    public ReviewDiff(String reviewer, Instant since, List<Item> items, int removed) {
        this.reviewer = reviewer;
        this.since = since;
        this.items = List.copyOf(items);
        this.removed = removed;
        for (Item i : this.items) {
            byKey.put(i.key(), i);
        }
    }

    public String reviewer() {
        return reviewer;
    }

    public Instant since() {
        return since;
    }

    public List<Item> items() {
        return items;
    }

    public int removed() {
        return removed;
    }

    /** Nothing to compare (no reviewer, or never reviewed). */
    public static ReviewDiff none(String reviewer) {
        return new ReviewDiff(reviewer, null, List.of(), 0);
    }

    public enum Kind { NEW, CHANGED }

    /**
     * One new or changed resource.
     *
     * @param label      what it is in words ("Hypertension", "Influenza vaccine"), from its code
     * @param effective  its clinical date as given, or ""
     * @param json       the JSON now cached
     * @param beforeJson the JSON the reviewer saw (CHANGED only; null when not kept)
     */
    public record Item(Kind kind, String org, String type, String id, String label, String effective,
                       String json, String beforeJson) {
        public String key() {
            return ReviewedResource.key(org, type, id);
        }

        public String reference() {
            return type + "/" + id;
        }
    }

    /**
     * Compares each record's resources now with the reviewer's last mark of it.
     *
     * @param marks      per record, the reviewer's last mark (absent: never reviewed)
     * @param current    per record, its cached chart now
     * @param beforeJson the reviewed JSON by content hash
     */
    public static ReviewDiff between(String reviewer, Map<PatientRef, Optional<ReviewMark>> marks,
                                     Map<PatientRef, List<RawResource>> current,
                                     Function<String, Optional<String>> beforeJson) {
        Instant since = marks.values().stream().flatMap(Optional::stream).map(ReviewMark::at)
                .min(Instant::compareTo).orElse(null);
        if (since == null) {
            return none(reviewer);
        }
        List<Item> items = new ArrayList<>();
        int removed = 0;
        for (Map.Entry<PatientRef, List<RawResource>> e : current.entrySet()) {
            Optional<ReviewMark> mark = marks.getOrDefault(e.getKey(), Optional.empty());
            Map<String, ReviewedResource> known = new HashMap<>();
            mark.ifPresent(m -> m.resources().forEach(r -> known.put(r.key(), r)));
            int seen = 0;
            for (RawResource r : e.getValue()) {
                if (r.patientId() == null) {
                    continue;
                }
                ReviewedResource was = known.get(ReviewedResource.key(r.org(), r.type(), r.id()));
                if (was == null) {
                    items.add(item(Kind.NEW, r, null));
                    continue;
                }
                seen++;
                if (was.rawHash().equals(ContentHashes.raw(r.json()))
                        || was.contentHash().equals(ContentHashes.content(r.json()))) {
                    continue;
                }
                items.add(item(Kind.CHANGED, r, beforeJson.apply(was.contentHash()).orElse(null)));
            }
            removed += known.size() - seen;
        }
        items.sort(java.util.Comparator.comparing(Item::org).thenComparing(Item::type)
                .thenComparing(Item::effective, java.util.Comparator.reverseOrder()).thenComparing(Item::id));
        return new ReviewDiff(reviewer, since, items, removed);
    }

    private static Item item(Kind kind, RawResource r, String before) {
        return new Item(kind, r.org(), r.type(), r.id(), label(r), r.effective() == null ? "" : r.effective(),
                r.json(), before);
    }

    /** What a resource is, in words, from the code a view would show. */
    static String label(RawResource r) {
        JsonNode n;
        try {
            n = JSON.readTree(r.json());
        } catch (IOException e) {
            return r.type();
        }
        for (String field : new String[] {"code", "vaccineCode", "medicationCodeableConcept", "type", "class"}) {
            JsonNode c = n.get(field);
            if (c != null && !c.isNull()) {
                Coded coded = FhirNodes.coded(c);
                if (coded != Coded.NONE) {
                    return coded.label();
                }
            }
        }
        if ("Patient".equals(r.type())) {
            return "Demographics";
        }
        return r.type();
    }

    /**
     * The top-level elements whose content differs between two versions of a resource, in the
     * order of the newer one then the removed ones ("clinicalStatus", "note"); {@code meta}'s
     * stamps are not a difference. Empty when either is missing or not JSON.
     */
    public static List<String> changedFields(String before, String after) {
        if (before == null || after == null) {
            return List.of();
        }
        JsonNode a;
        JsonNode b;
        try {
            a = JSON.readTree(before);
            b = JSON.readTree(after);
        } catch (IOException e) {
            return List.of();
        }
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        b.fieldNames().forEachRemaining(names::add);
        a.fieldNames().forEachRemaining(names::add);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            JsonNode x = a.get(n);
            JsonNode y = b.get(n);
            if ("meta".equals(n)) {
                if (!ContentHashes.content("{\"meta\":" + x + "}").equals(ContentHashes.content("{\"meta\":" + y + "}"))) {
                    out.add(n);
                }
            } else if (x == null || !x.equals(y)) {
                out.add(n);
            }
        }
        return out;
    }

    /** True when the reviewer has reviewed at least one of the records. */
    public boolean reviewed() {
        return since != null;
    }

    public long newCount() {
        return items.stream().filter(i -> i.kind() == Kind.NEW).count();
    }

    public long changedCount() {
        return items.stream().filter(i -> i.kind() == Kind.CHANGED).count();
    }

    /** NEW, CHANGED or null for one resource of a row (any of a merged row's organizations). */
    public Kind kindOf(Source s) {
        if (s == null || items.isEmpty()) {
            return null;
        }
        Kind out = null;
        for (Source one : s.all()) {
            Item i = byKey.get(ReviewedResource.key(one.org(), one.type(), one.id()));
            if (i != null && (out == null || i.kind() == Kind.NEW)) {
                out = i.kind();
            }
        }
        return out;
    }

    /** The item of one resource, or null when it is neither new nor changed. */
    public Item item(String org, String type, String id) {
        return byKey.get(ReviewedResource.key(org, type, id));
    }

    /** The items grouped by organization id, in the order of {@link #items}. */
    public Map<String, List<Item>> byOrganization() {
        Map<String, List<Item>> out = new LinkedHashMap<>();
        for (Item i : items) {
            out.computeIfAbsent(i.org(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /**
     * "7 new since 14 Nov", "3 new, 2 changed since 14 Nov 2025", "Nothing new since 14 Nov",
     * "Not reviewed yet" (dates in {@code zone}; the year only when not this year's).
     */
    public String describe(ZoneId zone, LocalDate today) {
        if (!reviewed()) {
            return "Not reviewed yet";
        }
        LocalDate d = since.atZone(zone).toLocalDate();
        String date = DateTimeFormatter.ofPattern(d.getYear() == today.getYear() ? "d MMM" : "d MMM yyyy", Locale.UK)
                .format(d);
        long n = newCount();
        long c = changedCount();
        if (n == 0 && c == 0) {
            return "Nothing new since " + date;
        }
        String counts = c == 0 ? n + " new" : n == 0 ? c + " changed" : n + " new, " + c + " changed";
        return counts + " since " + date;
    }
}
