package org.chartlens.clinical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.Disclosure;
import org.chartlens.domain.Restrictions;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;

/**
 * Reading a chart: the one entry point from the cache to what the views, the command line, the
 * screenshots and the benchmark show. Reads through the {@link ChartStore} interface only, then
 * builds with the pure {@link ChartModels}. No JavaFX. Stateless, thread safe; every method is
 * blocking (reads the store), so call it off the FX thread.
 */
public final class ChartQuery {
    private ChartQuery() {
    }

    /**
     * Finds a cached patient from what a user typed: {@code ID} when that id is cached for one
     * organization only, or {@code ORG:ID}.
     *
     * @throws IllegalArgumentException with a plain reason when unknown or ambiguous
     */
    public static PatientRef resolve(ChartStore store, String text) {
        List<CachedPatient> all = store.patients();
        int colon = text.lastIndexOf(':'); // FHIR ids have no ':', organization ids may ("import:name")
        if (colon > 0) {
            // an organization id may hold a colon itself ("import:<file>"): match the whole ORG:ID
            return all.stream().filter(p -> text.length() == p.org().length() + 1 + p.id().length()
                            && text.startsWith(p.org()) && text.charAt(p.org().length()) == ':'
                            && text.endsWith(p.id())).findFirst()
                    .map(p -> new PatientRef(p.org(), p.id()))
                    .orElseThrow(() -> new IllegalArgumentException("no cached patient " + text
                            + " (see 'chartlens patients')"));
        }
        List<CachedPatient> matches = all.stream().filter(p -> p.id().equals(text)).toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no cached patient with id " + text + " (see 'chartlens patients')");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("patient id " + text + " is cached for several organizations; use ORG:ID ("
                    + String.join(", ", matches.stream().map(p -> p.org() + ":" + p.id()).toList()) + ")");
        }
        return new PatientRef(matches.get(0).org(), matches.get(0).id());
    }

    /**
     * Finds a person from what a user typed: a person id ({@code P-...}, see
     * {@code chartlens persons}), or any of its records as {@code ID} or {@code ORG:ID}. A record
     * nobody linked is a person of one. Blocking (reads the store).
     *
     * @throws IllegalArgumentException with a plain reason when unknown or ambiguous
     */
    public static Person resolvePerson(ChartStore store, String text) {
        if (text.startsWith("P-")) {
            java.util.Optional<Person> person = store.person(text);
            if (person.isPresent()) {
                return person.get();
            }
            if (store.patients().stream().noneMatch(p -> p.id().equals(text))) {
                throw new IllegalArgumentException("no person " + text + " in the cache (see 'chartlens persons')");
            }
        }
        return store.personOf(resolve(store, text));
    }

    /**
     * The whole chart of one patient: every tab's model, the organization's freshness and when
     * the patient was last synced. Cost: one chart read and one model build (under a second
     * for the 8,862-resource Synthea chart).
     *
     * @param today the date ages and "older reading" marks are counted from
     */
    public static ChartData open(ChartStore store, PatientRef ref, UnitSystem units, LocalDate today) {
        return open(store, ref, units, today, Disclosure.MASKED);
    }

    /**
     * {@link #open}, restricted records (issue 18, decision 0701) masked or, after the glass is
     * broken, shown: {@code disclosure.showRestricted()} is for a caller that recorded the
     * break-the-glass event first.
     */
    public static ChartData open(ChartStore store, PatientRef ref, UnitSystem units, LocalDate today,
                                 Disclosure disclosure) {
        long t0 = System.nanoTime();
        Built b = build(store, ref, units, today, disclosure);
        Instant synced = store.lastSynced(ref.org(), ref.id()).orElse(null);
        return new ChartData(ref.org(), ref.id(), masked(b.model(), b.restrictions()), store.freshness(ref.org()), synced,
                (System.nanoTime() - t0) / 1_000_000, List.of(ref),
                synced == null ? java.util.Map.of() : java.util.Map.of(ref, synced), b.restrictions());
    }

    /** A masked chart's model with its hidden records as grey timeline items; a shown one as it is. */
    private static ChartModel masked(ChartModel m, Restrictions r) {
        return r.masked() ? MaskedTimeline.with(m, r.records()) : m;
    }

    private record Built(ChartModel model, Restrictions restrictions) {
    }

    /** One record's model: restricted resources left out (masked) or shown. */
    private static Built build(ChartStore store, PatientRef ref, UnitSystem units, LocalDate today, Disclosure d) {
        return build(store.chartResources(ref.org(), ref.id()), units, today, d, false);
    }

    /** @param forMerge a person's record: its timeline is left to the merge ({@link ChartModels#buildForMerge}) */
    private static Built build(List<org.chartlens.domain.RawResource> all, UnitSystem units, LocalDate today,
                               Disclosure d, boolean forMerge) {
        RestrictedRecords.Split split = RestrictedRecords.split(all, d.infer());
        List<org.chartlens.domain.RawResource> shown = !split.any() || d.showRestricted() ? all : split.open();
        ChartModel model = forMerge ? ChartModels.buildForMerge(shown, units, today)
                : ChartModels.build(shown, units, today);
        return new Built(model, split.any() ? new Restrictions(split.hidden(), d.showRestricted()) : Restrictions.NONE);
    }

    /**
     * One chart for a person: several linked records (organization + FHIR id, issue 14), each
     * read and built as {@link #open} does, then merged tab by tab ({@link PersonCharts}): the
     * same fact from several organizations is one item naming them all, disagreements are kept
     * side by side. One record gives exactly {@link #open}. The records are built one after the other (each build is parallel inside; five at once only add memory pressure).
     *
     * @param records at least one; duplicates are ignored
     */
    public static ChartData openPerson(ChartStore store, List<PatientRef> records, UnitSystem units, LocalDate today) {
        return openPerson(store, records, units, today, Disclosure.MASKED);
    }

    /** {@link #openPerson}, restricted records masked or shown as {@link #open} with a disclosure does. */
    public static ChartData openPerson(ChartStore store, List<PatientRef> records, UnitSystem units, LocalDate today,
                                       Disclosure disclosure) {
        List<PatientRef> refs = List.copyOf(new java.util.LinkedHashSet<>(records));
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("no patient records to open");
        }
        if (refs.size() == 1) {
            return open(store, refs.get(0), units, today, disclosure);
        }
        long t0 = System.nanoTime();
        List<Built> built = buildInTurn(store, refs, units, today, disclosure);
        ChartModel merged = PersonCharts.merge(built.stream().map(Built::model).toList());
        Restrictions restrictions = Restrictions.NONE;
        for (Built b : built) {
            restrictions = restrictions.plus(b.restrictions());
        }
        restrictions = new Restrictions(restrictions.records(), restrictions.any() && disclosure.showRestricted());
        List<org.chartlens.store.Freshness> fresh = new java.util.ArrayList<>();
        java.util.Map<PatientRef, Instant> synced = new java.util.LinkedHashMap<>();
        java.util.Set<String> orgs = new java.util.HashSet<>();
        for (PatientRef r : refs) {
            if (orgs.add(r.org())) {
                fresh.addAll(store.freshness(r.org()));
            }
            store.lastSynced(r.org(), r.id()).ifPresent(i -> synced.put(r, i));
        }
        PatientRef first = refs.get(0);
        return new ChartData(first.org(), first.id(), masked(merged, restrictions), fresh, synced.get(first),
                (System.nanoTime() - t0) / 1_000_000, refs, synced, restrictions);
    }

    /**
     * Every record's model, in record order: one record is parsed and built while the next one is
     * read (the read is mostly SQLite decrypting pages, on one core), so at most two records'
     * rows and one parsed chart are alive at a time (issue 21).
     */
    private static List<Built> buildInTurn(ChartStore store, List<PatientRef> refs, UnitSystem units,
                                           LocalDate today, Disclosure disclosure) {
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chartlens-person-read");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Built> models = new java.util.ArrayList<>(refs.size());
            java.util.concurrent.Future<List<org.chartlens.domain.RawResource>> next = reader.submit(
                    () -> store.chartResources(refs.get(0).org(), refs.get(0).id()));
            for (int i = 0; i < refs.size(); i++) {
                List<org.chartlens.domain.RawResource> rows = await(next);
                if (i + 1 < refs.size()) {
                    PatientRef r = refs.get(i + 1);
                    next = reader.submit(() -> store.chartResources(r.org(), r.id()));
                }
                models.add(build(rows, units, today, disclosure, true));
            }
            return models;
        } finally {
            reader.shutdownNow();
        }
    }

    private static <T> T await(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a chart", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The records that have restricted records (issue 18), for the worklist: a label that masks on
     * a resource of theirs, or, with {@code infer}, a code ChartLens infers is substance-use
     * treatment. One read of the cache's labelled resources (a partial index), plus, with
     * {@code infer}, one of every resource's code (its JSON unread). No content leaves. Blocking.
     */
    public static java.util.Set<PatientRef> withRestrictedRecords(ChartStore store, boolean infer) {
        return RestrictedRecords.holders(store.labelledResources(), infer ? store.codedResources() : List.of(), infer);
    }

    /**
     * The raw JSON of the resource a row's {@link org.chartlens.domain.Source} names ("raw JSON and
     * source", a document's inline content), as the cache holds it now: rows keep the name, not the
     * JSON. Empty when the cache no longer holds it (removed at the organization, purged) and for a
     * masked placeholder, which names no resource. One look-up by identity. Blocking.
     *
     * <p>The resource may have changed since the chart was read: when what the cache holds now is
     * restricted on its own account (a label that masks, or ChartLens's inference when it is on)
     * and {@code disclosure} does not show restricted records, its JSON is not returned
     * ({@link RestrictedSinceOpened}). Restrictions that reach it only through another resource
     * show when the chart is read again.
     *
     * @throws RestrictedSinceOpened the resource is restricted now and the glass is not broken
     */
    public static java.util.Optional<String> resourceJson(ChartStore store, org.chartlens.domain.Source one,
                                                          Disclosure disclosure) {
        if (one == null || Restrictions.isMasked(one) || one.id().isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<org.chartlens.domain.RawResource> row = store.rawResource(one.org(), one.type(), one.id());
        if (row.isPresent() && !disclosure.showRestricted()
                && !RestrictedRecords.split(List.of(row.get()), disclosure.infer()).restricted().isEmpty()) {
            throw new RestrictedSinceOpened();
        }
        return row.map(org.chartlens.domain.RawResource::json);
    }

    /** The resource a row names is restricted now (it was not when the chart was read); no content. */
    public static final class RestrictedSinceOpened extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RestrictedSinceOpened() {
            super("restricted since the chart was read", null, false, false);
        }
    }

    /**
     * What arrived or changed in these records since {@code reviewer}'s last "Mark reviewed" of
     * them (issue 17, {@link ReviewDiff}). Reads the marks, and each reviewed record's chart once
     * more (records never reviewed are read only when another one was). Restricted records (issue
     * 18) are left out, as a masked chart leaves them out. Blocking.
     */
    public static ReviewDiff changesSince(ChartStore store, List<PatientRef> records, String reviewer) {
        return changesSince(store, records, reviewer, Disclosure.MASKED);
    }

    /**
     * {@link #changesSince}, restricted records left out unless {@code disclosure} shows them
     * (the glass broken and recorded by the caller).
     */
    public static ReviewDiff changesSince(ChartStore store, List<PatientRef> records, String reviewer,
                                          Disclosure disclosure) {
        if (reviewer == null || reviewer.isBlank()) {
            return ReviewDiff.none(reviewer);
        }
        java.util.Map<PatientRef, java.util.Optional<org.chartlens.domain.ReviewMark>> marks = new java.util.LinkedHashMap<>();
        for (PatientRef r : new java.util.LinkedHashSet<>(records)) {
            marks.put(r, store.lastReview(reviewer, r));
        }
        if (marks.values().stream().noneMatch(java.util.Optional::isPresent)) {
            return ReviewDiff.none(reviewer);
        }
        java.util.Map<PatientRef, List<org.chartlens.domain.RawResource>> current = new java.util.LinkedHashMap<>();
        for (PatientRef r : marks.keySet()) {
            current.put(r, store.chartResources(r.org(), r.id()));
        }
        ReviewDiff diff = ReviewDiff.between(reviewer, marks, current, store::reviewedJson);
        if (disclosure.showRestricted()) {
            return diff;
        }
        java.util.Set<String> hidden = new java.util.HashSet<>();
        for (List<org.chartlens.domain.RawResource> chart : current.values()) {
            for (org.chartlens.domain.RawResource raw : RestrictedRecords.split(chart, disclosure.infer())
                    .restricted().keySet()) {
                hidden.add(org.chartlens.domain.ReviewedResource.key(raw.org(), raw.type(), raw.id()));
            }
        }
        return hidden.isEmpty() ? diff : new ReviewDiff(diff.reviewer(), diff.since(),
                diff.items().stream().filter(i -> !hidden.contains(i.key())).toList(), diff.removed());
    }

    /**
     * What a review of these records knows now: each record's resources with their hashes, and
     * each one's JSON by content hash (kept for a later before/after). For the writer of marks
     * ({@code store.ReviewMarks.mark}). Blocking.
     */
    public static java.util.Map<PatientRef, Snapshot> reviewSnapshot(ChartStore store, List<PatientRef> records) {
        java.util.Map<PatientRef, Snapshot> out = new java.util.LinkedHashMap<>();
        for (PatientRef r : new java.util.LinkedHashSet<>(records)) {
            List<org.chartlens.domain.RawResource> chart = store.chartResources(r.org(), r.id());
            List<org.chartlens.domain.ReviewedResource> known = ContentHashes.of(chart);
            java.util.Map<String, String> json = new java.util.HashMap<>();
            int i = 0;
            for (org.chartlens.domain.RawResource raw : chart) {
                if (raw.patientId() != null) {
                    json.put(known.get(i++).contentHash(), raw.json());
                }
            }
            out.put(r, new Snapshot(known, json));
        }
        return out;
    }

    /** One record's resources as a review knows them, and their JSON by content hash. */
    public record Snapshot(List<org.chartlens.domain.ReviewedResource> resources, java.util.Map<String, String> json) {
    }

    /**
     * The completeness map of one record or a person's records (issue 17): per record and type what
     * the cache holds, the organization's sync state per type, and each sign-in, through the pure
     * {@link Completeness}. Blocking: one count query per record and one freshness read
     * per organization.
     *
     * @param signIns org id -> its sign-in (from the auth layer, via the caller); absent: not said
     * @param names   org id -> the organization's name
     */
    public static org.chartlens.domain.CompletenessMap completeness(ChartStore store, List<PatientRef> records,
            java.util.Map<String, org.chartlens.domain.SignInState> signIns,
            java.util.function.Function<String, String> names, Instant now, java.time.ZoneId zone) {
        List<PatientRef> refs = List.copyOf(new java.util.LinkedHashSet<>(records));
        List<Completeness.Holding> holdings = new java.util.ArrayList<>();
        List<Completeness.Pull> pulls = new java.util.ArrayList<>();
        java.util.Set<String> orgs = new java.util.HashSet<>();
        for (PatientRef r : refs) {
            holdings.add(new Completeness.Holding(r, store.countsByType(r.org(), r.id()),
                    store.lastSynced(r.org(), r.id()).orElse(null)));
            if (orgs.add(r.org())) {
                for (org.chartlens.store.Freshness f : store.freshness(r.org())) {
                    pulls.add(new Completeness.Pull(f.org(), f.type(), f.state(), f.lastSuccess(), f.lastError(),
                            f.lastErrorAt()));
                }
            }
        }
        return Completeness.build(holdings, pulls, signIns, names, now, zone);
    }
}
