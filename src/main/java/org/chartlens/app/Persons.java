package org.chartlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.identity.Candidate;
import org.chartlens.identity.CandidateFinder;
import org.chartlens.identity.CandidateSearch;
import org.chartlens.identity.FhirPatients;
import org.chartlens.identity.PatientRecord;
import org.chartlens.identity.RecordKey;
import org.chartlens.identity.RecordPair;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartCache;
import org.chartlens.store.PersonWarning;

/**
 * Persons over the cache (issue 14, decision 0602): the one place that puts the store's links
 * ({@link org.chartlens.store.PersonLinks}) and the matcher ({@link CandidateFinder}, decision
 * 0600) together. Lists one row per person, proposes the pairs to link (after every sync and
 * import, and whenever asked: never linked without the user), and links, rejects and unlinks with
 * the warnings the matcher finds. Used by the command line and the desktop's ports.
 *
 * <p>Thread safe (no state but the cache and the names); every method is blocking: it reads the
 * cache and parses every cached Patient, so call it off the FX thread.
 */
public final class Persons {
    /** One record of a person, as a user reads it. */
    public record Record(PatientRef ref, String organization, String name, String birthDate, Instant lastSynced) {
    }

    /**
     * One person as the worklist and {@code chartlens persons} list it.
     *
     * @param possibleMatches how many other persons the matcher proposes to link with this one
     */
    public record Row(String id, String name, String birthDate, List<Record> records, List<String> warnings,
                      int possibleMatches) {
        public Row {
            records = List.copyOf(records);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A proposed link, in words: organization names instead of ids.
     *
     * @param preselected a strong candidate (a shared identifier, the same birth date, no conflict):
     *                    it may be ticked in advance, the user still confirms
     */
    public record Proposal(Record a, Record b, String personA, String personB, double score, boolean preselected,
                           List<String> evidence, List<String> conflicts) {
    }

    /** Everything read once: rows, proposals and what generation did. */
    public record Snapshot(List<Row> persons, List<Proposal> proposals, CandidateSearch search) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChartCache cache;
    private final Function<String, String> organizationNames;
    private final CandidateFinder finder = new CandidateFinder();

    /** @param organizationNames organization id -> the name a user reads */
    public Persons(ChartCache cache, Function<String, String> organizationNames) {
        this.cache = cache;
        this.organizationNames = organizationNames;
    }

    /** Over the context's cache, with the names of its organization directory. */
    public static Persons of(ChartLensContext ctx) {
        return new Persons(ctx.cache(), new org.chartlens.connect.OrganizationNames(ctx.organizations().list()));
    }

    /** Reads the cache once: every person (one row each) and the proposals, highest score first. */
    public Snapshot snapshot() {
        List<CachedPatient> patients = cache.patients();
        Map<PatientRef, CachedPatient> byRef = new LinkedHashMap<>();
        Map<PatientRef, PatientRecord> records = new HashMap<>();
        for (CachedPatient p : patients) {
            PatientRef ref = new PatientRef(p.org(), p.id());
            byRef.put(ref, p);
            records.put(ref, record(p.org(), p.json()));
        }
        Map<PatientRef, Person> personOf = new HashMap<>();
        Set<RecordPair> skip = new HashSet<>();
        for (Person person : cache.persons().linkedPersons()) {
            List<PatientRef> rs = person.records();
            for (int i = 0; i < rs.size(); i++) {
                personOf.put(rs.get(i), person);
                for (int j = i + 1; j < rs.size(); j++) {
                    skip.add(RecordPair.of(key(rs.get(i)), key(rs.get(j))));
                }
            }
        }
        for (List<PatientRef> pair : cache.persons().rejectedPairs()) {
            skip.add(RecordPair.of(key(pair.get(0)), key(pair.get(1))));
        }
        for (PatientRef ref : byRef.keySet()) {
            personOf.computeIfAbsent(ref, Person::single);
        }
        CandidateSearch search = finder.find(records.values(), skip);
        Map<String, Set<String>> matches = new HashMap<>();
        List<Proposal> proposals = new ArrayList<>();
        Map<PatientRef, Record> shown = new HashMap<>();
        Function<PatientRef, Record> show = r -> shown.computeIfAbsent(r, x -> record(x, byRef.get(x), records.get(x)));
        Pattern orgs = organizationsInWords();
        for (Candidate c : search.candidates()) {
            PatientRef a = ref(c.pair().first());
            PatientRef b = ref(c.pair().second());
            String pa = personOf.get(a).id();
            String pb = personOf.get(b).id();
            matches.computeIfAbsent(pa, k -> new HashSet<>()).add(pb);
            matches.computeIfAbsent(pb, k -> new HashSet<>()).add(pa);
            proposals.add(new Proposal(show.apply(a), show.apply(b), pa, pb, c.score(), c.strong(),
                    c.evidence().stream().map(e -> inWords(e.text(), orgs)).toList(),
                    c.conflicts().stream().map(t -> inWords(t, orgs)).toList()));
        }
        Map<String, Person> persons = new LinkedHashMap<>();
        for (PatientRef ref : byRef.keySet()) {
            Person p = personOf.get(ref);
            persons.putIfAbsent(p.id(), p);
        }
        List<Row> rows = new ArrayList<>();
        for (Person p : persons.values()) {
            List<Record> rs = p.records().stream().map(show).toList();
            Record first = rs.get(0);
            rows.add(new Row(p.id(), first.name(), first.birthDate(), rs, p.warnings(),
                    matches.getOrDefault(p.id(), Set.of()).size()));
        }
        rows.sort(Comparator.comparing((Row r) -> r.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(r -> r.birthDate() == null ? "" : r.birthDate()).thenComparing(Row::id));
        return new Snapshot(rows, proposals, search);
    }

    /** The person named by a person id or any of its records ({@code ID}, {@code ORG:ID}). */
    public Person resolve(String text) {
        return ChartQuery.resolvePerson(cache, text);
    }

    /**
     * Links the persons of two records (each {@code ID} or {@code ORG:ID}) into one, keeping as
     * warnings whatever the matcher finds in conflict between any two of their records (sex,
     * birth date, an identifier system with different values); audited from {@code source}.
     *
     * @throws IllegalArgumentException unknown record, a record with itself, already one person
     */
    public Person link(String a, String b, String source) {
        PatientRef ra = ChartQuery.resolve(cache, a);
        PatientRef rb = ChartQuery.resolve(cache, b);
        List<PersonWarning> warnings = new ArrayList<>();
        Pattern orgs = organizationsInWords();
        if (!ra.equals(rb)) {
            for (PatientRef x : cache.personOf(ra).records()) {
                for (PatientRef y : cache.personOf(rb).records()) {
                    Candidate c = finder.compare(record(x), record(y), List.of());
                    for (String conflict : c.conflicts()) {
                        warnings.add(new PersonWarning(x, y, inWords(conflict, orgs)));
                    }
                }
            }
        }
        return cache.persons().link(ra, rb, warnings, source);
    }

    /** Remembers that two records are not the same person; audited from {@code source}. */
    public void reject(String a, String b, String source) {
        cache.persons().reject(ChartQuery.resolve(cache, a), ChartQuery.resolve(cache, b), source);
    }

    /** Takes one record out of its person; returns the person the others form. Audited. */
    public Person unlink(String record, String source) {
        return cache.persons().unlink(ChartQuery.resolve(cache, record), source);
    }

    /** One record as a user reads it. */
    public Record describe(PatientRef ref) {
        CachedPatient p = new CachedPatient(ref.org(), ref.id(), json(ref), cache.lastSynced(ref.org(), ref.id()).orElse(null));
        return record(ref, p, record(ref.org(), p.json()));
    }

    /**
     * The matcher's words with organization names instead of ids (the matcher names a record's
     * organization by its id: "at ORG", "(ORG)", "ORG writes").
     */
    String inWords(String text) {
        return inWords(text, organizationsInWords());
    }

    private String inWords(String text, Pattern organizations) {
        if (organizations == null) {
            return text;
        }
        Matcher m = organizations.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(organizationNames.apply(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Where the matcher's words name a cached organization by id; null when none is cached. */
    private Pattern organizationsInWords() {
        Set<String> ids = new java.util.TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        ids.addAll(cache.organizations());
        if (ids.isEmpty()) {
            return null;
        }
        StringBuilder alternatives = new StringBuilder();
        for (String id : ids) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(id));
        }
        return Pattern.compile("(?<=\\bat |\\(|; |^)(" + alternatives + ")(?=[,);]| writes|$)");
    }

    private Record record(PatientRef ref, CachedPatient p, PatientRecord r) {
        return new Record(ref, organizationNames.apply(ref.org()), displayName(p == null ? null : p.json()),
                r == null || r.birthDate() == null ? null : r.birthDate().toString(), p == null ? null : p.lastSynced());
    }

    private PatientRecord record(PatientRef ref) {
        return record(ref.org(), json(ref));
    }

    private String json(PatientRef ref) {
        return cache.resource(ref.org(), "Patient", ref.id()).map(r -> r.json())
                .orElseThrow(() -> new IllegalArgumentException("no cached patient " + ref.qualified()));
    }

    private static PatientRecord record(String org, String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return FhirPatients.fromFhir(org, n);
        } catch (java.io.IOException e) {
            return new PatientRecord(new RecordKey(org, "?"), List.of(), null, null, List.of(), List.of(), List.of());
        }
    }

    /** "Given Family" from the official (else first) name, else its text, else "(no name)". */
    static String displayName(String json) {
        JsonNode patient;
        try {
            patient = json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return "(no name)";
        }
        JsonNode chosen = null;
        for (JsonNode n : patient.path("name")) {
            if (chosen == null || "official".equals(n.path("use").asText())) {
                chosen = n;
            }
            if ("official".equals(n.path("use").asText())) {
                break;
            }
        }
        if (chosen == null) {
            return "(no name)";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode g : chosen.path("given")) {
            sb.append(g.asText()).append(' ');
        }
        sb.append(chosen.path("family").asText(""));
        String s = sb.toString().trim();
        return s.isEmpty() ? chosen.path("text").asText("(no name)") : s;
    }

    private static RecordKey key(PatientRef r) {
        return new RecordKey(r.org(), r.id());
    }

    private static PatientRef ref(RecordKey k) {
        return new PatientRef(k.organizationId(), k.fhirId());
    }
}
