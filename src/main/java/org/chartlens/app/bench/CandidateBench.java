package org.chartlens.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.chartlens.identity.CandidateFinder;
import org.chartlens.identity.CandidateSearch;
import org.chartlens.identity.PatientRecord;
import org.chartlens.identity.RecordKey;

/**
 * Issue 14's benchmark of person-link candidates: generation over 1,000 and 10,000 synthetic
 * cached patients (target: linear growth, under 2 s for 10,000). The patients are spread over
 * five organizations; a fifth of the records are another organization's copy of a person, some
 * with the variations real servers show (nickname, upper case, day and month swapped, another
 * postal code, no SSN). Deterministic (fixed seed). {@link BenchSuite} adds {@link #run} (the
 * matcher alone) and {@link #fromCache} (the whole path: cached Patients read, parsed, matched
 * and listed one row per person, as {@code chartlens persons} and the worklist do).
 */
public final class CandidateBench {
    private static final String[] GIVEN = {"William", "Bill", "Robert", "Bob", "James", "Jim", "Mary", "Patricia",
        "Jennifer", "Linda", "Elizabeth", "Liz", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa",
        "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Dorothy", "Carol",
        "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy",
        "Shirley", "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Samantha", "Katherine",
        "Christine", "Debra", "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria", "Heather", "Diane",
        "Virginia", "Julie", "Joyce", "Victoria", "Olivia", "Kelly", "Christina", "Lauren", "Joan", "Evelyn",
        "Judith", "Megan", "Andrea", "Cheryl", "Hannah", "Jacqueline", "Martha", "Gloria", "Teresa", "Ann",
        "Sara", "Madison", "Frances", "Kathryn", "Janice", "Jean", "Abigail", "Alice", "Judy", "Sophia", "Grace",
        "Denise", "Amber", "Doris", "Marilyn", "Danielle", "Beverly", "Isabella", "Theresa", "Diana", "Natalie",
        "John", "Michael", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher", "Daniel", "Matthew",
        "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George",
        "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan",
        "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Frank",
        "Patrick", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "José", "Adam", "Nathan", "Henry"};
    private static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
        "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
        "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
        "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
        "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson",
        "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez",
        "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Hegmann", "Bechtelar",
        "Satterfield", "Crist", "Dicki", "Heller", "Donnelly", "Hauck", "Stiedemann", "Gutmann", "Gerlach"};
    private static final String SSN = "http://hl7.org/fhir/sid/us-ssn";

    private CandidateBench() {
    }

    /**
     * Times candidate generation for 1,000 and 10,000 records ({@code warmups} unrecorded runs,
     * then {@code runs}), and the growth ratio; figures named for the report.
     */
    public static List<Figure> run(int warmups, int runs, PrintStream log) throws Exception {
        CandidateFinder finder = new CandidateFinder();
        List<Figure> out = new ArrayList<>();
        Figure[] small = measure(finder, 1_000, warmups, runs, log);
        Figure[] large = measure(finder, 10_000, warmups, runs, log);
        small[0].target("< 200 ms", small[0].median() < 200);
        large[0].target("< 2000 ms", large[0].median() < 2000);
        out.addAll(List.of(small[0], large[0], small[1], large[1]));
        double ratio = large[1].median() / small[1].median();
        out.add(new Figure("14. candidate generation growth, 10,000 / 1,000 records (CPU time)", "ratio").add(ratio)
                .target("<= 15 (linear: 10)", ratio <= 15).note("comparing all pairs would grow 100x"));
        return out;
    }

    /**
     * The whole path over a real encrypted cache holding {@code n} synthetic Patients (the same
     * records as {@link #run}): {@link org.chartlens.app.Persons#snapshot()} reads them, parses them,
     * proposes links and lists one row per person.
     */
    public static Figure fromCache(java.nio.file.Path workDir, int n, int warmups, int runs, PrintStream log)
            throws Exception {
        java.nio.file.Files.createDirectories(workDir);
        java.nio.file.Path file = workDir.resolve("candidates-" + n + ".db");
        java.nio.file.Files.deleteIfExists(file);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (org.chartlens.store.ChartCache cache = org.chartlens.store.ChartCache.open(file, key)) {
            List<org.chartlens.store.StoredResource> rows = new ArrayList<>(n);
            for (PatientRecord r : synthetic(n, 14L)) {
                rows.add(new org.chartlens.store.StoredResource(r.key().organizationId(), "Patient", r.key().fhirId(),
                        r.key().fhirId(), null, null, null, fhirJson(r)));
            }
            cache.putAll(rows);
            org.chartlens.app.Persons persons = new org.chartlens.app.Persons(cache, id -> id);
            String label = String.format(Locale.ROOT, "14. persons and candidates from the cache, %,d patients "
                    + "(read + parse + match + list)", n);
            Figure f = new Figure(label, "ms");
            org.chartlens.app.Persons.Snapshot last = null;
            for (int i = 0; i < warmups + runs; i++) {
                long t0 = System.nanoTime();
                last = persons.snapshot();
                if (i >= warmups) {
                    f.add((System.nanoTime() - t0) / 1e6);
                }
            }
            f.note(String.format(Locale.ROOT, "%,d persons listed, %,d proposals, %,d pairs compared",
                    last.persons().size(), last.proposals().size(), last.search().comparedPairs()));
            log.println("bench: " + label + ": median " + Math.round(f.median()) + " ms");
            return f;
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file + suffix));
            }
        }
    }

    /** A synthetic record as a FHIR Patient, as a server would send it. */
    static String fhirJson(PatientRecord r) {
        com.fasterxml.jackson.databind.node.ObjectNode p = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode();
        p.put("resourceType", "Patient").put("id", r.key().fhirId());
        for (PatientRecord.Identifier i : r.identifiers()) {
            p.withArray("identifier").addObject().put("system", i.system()).put("value", i.value());
        }
        for (PatientRecord.Name n : r.names()) {
            com.fasterxml.jackson.databind.node.ObjectNode name = p.withArray("name").addObject().put("family", n.family());
            n.given().forEach(name.putArray("given")::add);
        }
        r.phones().forEach(ph -> p.withArray("telecom").addObject().put("system", "phone").put("value", ph));
        p.put("gender", r.sex());
        p.put("birthDate", r.birthDate() == null ? null : r.birthDate().toString());
        r.postalCodes().forEach(z -> p.withArray("address").addObject().put("postalCode", z));
        return p.toString();
    }

    /** Wall-clock and CPU-time figures (the finder runs on one thread; CPU time is what a loaded machine does not inflate). */
    private static Figure[] measure(CandidateFinder finder, int n, int warmups, int runs, PrintStream log) {
        List<PatientRecord> records = synthetic(n, 14L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String label = String.format(Locale.ROOT, "14. person-link candidates, %,d records", n);
        Figure wall = new Figure(label, "ms");
        Figure cpu = new Figure(label + " (CPU time)", "ms");
        CandidateSearch last = null;
        for (int i = 0; i < warmups + runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            last = finder.find(records, Set.of());
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            if (i >= warmups) {
                wall.add((t1 - t0) / 1e6);
                cpu.add((c1 - c0) / 1e6);
            }
        }
        wall.note(String.format(Locale.ROOT, "%,d pairs compared (all pairs: %,d), %,d candidates, %,d strong",
                last.comparedPairs(), (long) n * (n - 1) / 2, last.candidates().size(),
                last.candidates().stream().filter(c -> c.strong()).count()));
        log.println("bench: " + label + ": median " + Math.round(wall.median()) + " ms wall, " + Math.round(cpu.median())
                + " ms CPU; " + last.comparedPairs() + " pairs compared, " + last.candidates().size() + " candidates");
        return new Figure[] {wall, cpu};
    }

    /** {@code n} records over five organizations; about a fifth are copies of a person at another one. */
    static List<PatientRecord> synthetic(int n, long seed) {
        Random rnd = new Random(seed);
        List<PatientRecord> out = new ArrayList<>(n);
        List<PatientRecord> originals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String org = "org" + (i % 5);
            if (!originals.isEmpty() && rnd.nextInt(5) == 0) {
                PatientRecord p = originals.get(rnd.nextInt(originals.size()));
                out.add(copy(p, new RecordKey(p.key().organizationId().equals(org) ? "org" + ((i + 1) % 5) : org,
                        "c" + i), rnd));
                continue;
            }
            String given = GIVEN[rnd.nextInt(GIVEN.length)];
            String family = FAMILY[rnd.nextInt(FAMILY.length)];
            LocalDate born = LocalDate.of(1930, 1, 1).plusDays(rnd.nextInt(90 * 365));
            PatientRecord p = new PatientRecord(new RecordKey(org, "p" + i),
                    List.of(new PatientRecord.Name(family, List.of(given))), born, rnd.nextBoolean() ? "female" : "male",
                    List.of(String.valueOf(43000 + rnd.nextInt(300))),
                    List.of(String.format(Locale.ROOT, "555-%03d-%04d", rnd.nextInt(1000), rnd.nextInt(10000))),
                    List.of(new PatientRecord.Identifier("urn:oid:2.16.840.1.113883.19.5." + org, "MRN" + i),
                            new PatientRecord.Identifier(SSN, String.format(Locale.ROOT, "999-%02d-%04d", i % 100, i))));
            originals.add(p);
            out.add(p);
        }
        return out;
    }

    private static PatientRecord copy(PatientRecord p, RecordKey key, Random rnd) {
        PatientRecord.Name name = p.names().get(0);
        String family = name.family();
        LocalDate born = p.birthDate();
        List<String> zips = p.postalCodes();
        List<PatientRecord.Identifier> ids = new ArrayList<>();
        ids.add(new PatientRecord.Identifier("urn:oid:2.16.840.1.113883.19.5." + key.organizationId(), "MRN" + key.fhirId()));
        switch (rnd.nextInt(5)) {
            case 0 -> family = family.toUpperCase(Locale.ROOT);
            case 1 -> born = born.getDayOfMonth() <= 12 ? LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()) : born;
            case 2 -> zips = List.of(String.valueOf(43000 + rnd.nextInt(300)));
            default -> {
            }
        }
        if (rnd.nextInt(4) != 0) {
            ids.add(p.identifiers().get(1)); // the SSN, unless this organization does not record it
        }
        return new PatientRecord(key, List.of(new PatientRecord.Name(family, name.given())), born, p.sex(), zips,
                p.phones(), ids);
    }

    /** Standalone: {@code java ... CandidateBench [RUNS]}. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (Figure f : run(2, runs, System.out)) {
            System.out.println(f.name() + ": median " + f.median() + " " + f.unit() + " (min " + f.min() + ", max "
                    + f.max() + ")");
        }
    }
}
