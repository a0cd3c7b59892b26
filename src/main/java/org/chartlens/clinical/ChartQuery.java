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
        List<org.chartlens.domain.RawResource> all = store.chartResources(ref.org(), ref.id());
        RestrictedRecords.Split split = RestrictedRecords.split(all, d.infer());
        if (!split.any()) {
            return new Built(ChartModels.build(all, units, today), Restrictions.NONE);
        }
        Restrictions r = new Restrictions(split.hidden(), d.showRestricted());
        if (d.showRestricted()) {
            return new Built(ChartModels.build(all, units, today), r);
        }
        return new Built(ChartModels.build(split.open(), units, today), r);
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
        List<Built> built = refs.stream().map(r -> build(store, r, units, today, disclosure)).toList();
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
}
