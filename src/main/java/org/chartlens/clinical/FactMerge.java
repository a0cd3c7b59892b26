package org.chartlens.clinical;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.Source;

/**
 * Merges one kind of item across the records of a person (issue 14): the same coded concept
 * (system + code) on the same date or an overlapping period, or the same business identifier,
 * becomes one item whose {@link Source} names every record, with each field the records disagree
 * on kept value by value ({@link Source.Difference}). Items of one record are never merged with
 * each other, so a single record comes out unchanged. Pure, no I/O; a new instance per list.
 *
 * <p>Cost: O(n) hash look-ups for point items (same key and day); spans are compared with the
 * other spans of their key only. Identifiers (read when the chart was parsed, {@link Source.Keys})
 * are compared only for items that found no partner by code.
 *
 * @param <T> the item type
 */
final class FactMerge<T> {
    /** How to read one kind of item. */
    interface Kind<T> {
        Source source(T item);

        /** "system|code" of the concept, or null when the item has no code (merged by identifier only). */
        String key(T item);

        /** The date the item happened or started. */
        ChartDate start(T item);

        /** Its end, or NONE for a point; {@link #ongoing} spans run on. */
        default ChartDate end(T item) {
            return ChartDate.NONE;
        }

        default boolean ongoing(T item) {
            return false;
        }

        /** The fields compared between records, in display order (name -> value). */
        Map<String, String> fields(T item);

        /** The same item with another source. */
        T withSource(T item, Source source);

        /**
         * The merged item from its representative (first in {@code members}), its merged source and
         * every member in order; by default the representative with the merged source.
         */
        default T combine(T rep, Source merged, List<T> members) {
            return withSource(rep, merged);
        }

        /** Which member stands for the merged item: the first preferred one, else the first. */
        default boolean preferred(T item) {
            return false;
        }
    }

    private record Member<T>(int record, T item) {
    }

    private static final class Cluster<T> {
        final List<Member<T>> members = new ArrayList<>();

        boolean has(int record) {
            for (Member<T> m : members) {
                if (m.record() == record) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Kind<T> kind;

    FactMerge(Kind<T> kind) {
        this.kind = kind;
    }

    /** One list per record, in record order; the merged list keeps first-seen order. */
    List<T> merge(List<List<T>> perRecord) {
        if (perRecord.size() == 1) {
            return perRecord.get(0);
        }
        List<Cluster<T>> clusters = new ArrayList<>();
        Map<String, List<Cluster<T>>> byKeyAndDate = new HashMap<>();
        Map<String, List<Cluster<T>>> spansByKey = new HashMap<>();
        for (int r = 0; r < perRecord.size(); r++) {
            for (T item : perRecord.get(r)) {
                String key = kind.key(item);
                Cluster<T> target = null;
                String dateKey = key == null ? null : key + "@" + day(kind.start(item));
                if (key != null) {
                    target = free(byKeyAndDate.get(dateKey), r, item, true);
                    if (target == null && isSpan(item)) {
                        target = free(spansByKey.get(key), r, item, false);
                    }
                }
                if (target == null) {
                    target = new Cluster<>();
                    clusters.add(target);
                    if (key != null) {
                        byKeyAndDate.computeIfAbsent(dateKey, k -> new ArrayList<>()).add(target);
                        if (isSpan(item)) {
                            spansByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(target);
                        }
                    }
                }
                target.members.add(new Member<>(r, item));
            }
        }
        clusters = byIdentifier(clusters);
        List<T> out = new ArrayList<>(clusters.size());
        for (Cluster<T> c : clusters) {
            out.add(build(c));
        }
        return out;
    }

    /** The first cluster without a member of {@code record} that is on the same date or overlaps. */
    private Cluster<T> free(List<Cluster<T>> candidates, int record, T item, boolean sameDate) {
        if (candidates == null) {
            return null;
        }
        for (Cluster<T> c : candidates) {
            if (c.has(record)) {
                continue;
            }
            T first = c.members.get(0).item();
            if (sameDate ? sameTime(kind.start(first), kind.start(item)) : overlaps(first, item)) {
                return c;
            }
        }
        return null;
    }

    private boolean isSpan(T item) {
        return kind.ongoing(item) || kind.end(item).instant() != null;
    }

    private boolean overlaps(T a, T b) {
        long as = kind.start(a).millisOr(Long.MIN_VALUE);
        long bs = kind.start(b).millisOr(Long.MIN_VALUE);
        long ae = kind.ongoing(a) ? Long.MAX_VALUE : kind.end(a).millisOr(as);
        long be = kind.ongoing(b) ? Long.MAX_VALUE : kind.end(b).millisOr(bs);
        return as <= be && bs <= ae;
    }

    /** Both times known to the minute: the same minute; otherwise the same day (or both undated). */
    static boolean sameTime(ChartDate a, ChartDate b) {
        if (a.instant() == null || b.instant() == null) {
            return a.instant() == null && b.instant() == null;
        }
        if (a.precision() == ChartDate.Precision.TIME && b.precision() == ChartDate.Precision.TIME) {
            return a.instant().truncatedTo(ChronoUnit.MINUTES).equals(b.instant().truncatedTo(ChronoUnit.MINUTES));
        }
        return day(a).equals(day(b));
    }

    static String day(ChartDate d) {
        if (d.instant() == null) {
            return "-";
        }
        String s = d.dateOnly();
        return s.length() >= 10 ? s.substring(0, 10) : d.instant().truncatedTo(ChronoUnit.DAYS).toString();
    }

    /** Joins single-record clusters that share a business identifier (system + value). */
    private List<Cluster<T>> byIdentifier(List<Cluster<T>> clusters) {
        Map<String, Cluster<T>> seen = new HashMap<>();
        List<Cluster<T>> out = new ArrayList<>(clusters.size());
        for (Cluster<T> c : clusters) {
            if (c.members.size() != 1) {
                out.add(c);
                continue;
            }
            Member<T> m = c.members.get(0);
            Source s = kind.source(m.item());
            Cluster<T> into = null;
            List<String> ids = s == null ? List.of() : s.keys().identifiers();
            for (String id : ids) {
                Cluster<T> other = seen.get(s.type() + "|" + id);
                if (other != null && !other.has(m.record())) {
                    into = other;
                    break;
                }
            }
            if (into != null) {
                into.members.add(m);
                continue;
            }
            for (String id : ids) {
                seen.putIfAbsent(s.type() + "|" + id, c);
            }
            out.add(c);
        }
        return out;
    }

    private T build(Cluster<T> c) {
        if (c.members.size() == 1) {
            return c.members.get(0).item();
        }
        Member<T> rep = c.members.get(0);
        for (Member<T> m : c.members) {
            if (kind.preferred(m.item())) {
                rep = m;
                break;
            }
        }
        List<Member<T>> ordered = new ArrayList<>(c.members.size());
        ordered.add(rep);
        for (Member<T> m : c.members) {
            if (m != rep) {
                ordered.add(m);
            }
        }
        Source first = kind.source(rep.item());
        if (first == null) {
            return rep.item();
        }
        List<Source> others = new ArrayList<>();
        for (Member<T> m : ordered.subList(1, ordered.size())) {
            Source s = kind.source(m.item());
            if (s != null) {
                others.add(s.withoutMerge());
            }
        }
        List<T> items = new ArrayList<>(ordered.size());
        for (Member<T> m : ordered) {
            items.add(m.item());
        }
        return kind.combine(rep.item(), first.withoutMerge().mergedWith(others,
                differences(ordered, kind::fields, kind::source)), items);
    }

    /** Fields whose values are not the same at every member, each member's value in order. */
    static <T> List<Source.Difference> differences(List<Member<T>> ordered, Function<T, Map<String, String>> fields,
                                                  Function<T, Source> source) {
        Map<String, List<Source.OrgValue>> values = new LinkedHashMap<>();
        for (Member<T> m : ordered) {
            Source s = source.apply(m.item());
            String org = s == null ? "" : s.org();
            fields.apply(m.item()).forEach((f, v) -> values.computeIfAbsent(f, k -> new ArrayList<>())
                    .add(new Source.OrgValue(org, v)));
        }
        List<Source.Difference> out = new ArrayList<>();
        values.forEach((f, vs) -> {
            if (vs.stream().map(Source.OrgValue::value).distinct().count() > 1) {
                out.add(new Source.Difference(f, vs));
            }
        });
        return out;
    }

    /** The fields of {@link Kind#fields} from name, value pairs (null values as ""). */
    static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }

    /** A tab merged on another thread, its failure as thrown there. */
    static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Convenience for a {@link Kind} from lambdas. */
    static <T> Kind<T> kind(Function<T, Source> source, Function<T, String> key, Function<T, ChartDate> start,
                            Function<T, Map<String, String>> fields, BiFunction<T, Source, T> withSource) {
        return new Kind<>() {
            @Override
            public Source source(T item) {
                return source.apply(item);
            }

            @Override
            public String key(T item) {
                return key.apply(item);
            }

            @Override
            public ChartDate start(T item) {
                return start.apply(item);
            }

            @Override
            public Map<String, String> fields(T item) {
                return fields.apply(item);
            }

            @Override
            public T withSource(T item, Source s) {
                return withSource.apply(item, s);
            }
        };
    }
}
