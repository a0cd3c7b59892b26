package org.chartlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;

/**
 * Persons in the cache (issue 14, decision 0602): which records a user linked as one person, the
 * pairs a user said are not the same person, and the warnings kept on a person. A separate fact:
 * the records stay exactly as each organization sent them, and unlinking restores them as they
 * were. Only persons of more than one record have rows ({@code person_link}); every other cached
 * record is a person of one ({@link Person#single}). Link, reject and unlink are audited in the
 * same transaction as the change. Only records whose Patient is cached count: a record removed
 * from the cache leaves its person with the others.
 *
 * <p>Thread safe; every method does disk I/O, so never call one on the FX thread.
 */
public final class PersonLinks {
    private final CacheConnections db;
    private final AuditLog audit;

    PersonLinks(CacheConnections db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The person {@code record} belongs to (itself alone when not linked). */
    public Person personOf(PatientRef record) {
        return db.read(c -> personOf(c, record));
    }

    /**
     * The person with this id: a linked person's id, or the id a cached record has on its own
     * ({@link Person#idOf}: then the person that record is part of now). Empty when unknown.
     */
    public Optional<Person> person(String personId) {
        return db.read(c -> {
            List<PatientRef> members = members(c, personId);
            if (!members.isEmpty()) {
                return Optional.of(new Person(personId, members, warnings(c, members)));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT org, id FROM resource WHERE type = 'Patient'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PatientRef r = new PatientRef(rs.getString(1), rs.getString(2));
                    if (Person.idOf(r).equals(personId)) {
                        return Optional.of(personOf(c, r));
                    }
                }
            }
            return Optional.<Person>empty();
        });
    }

    /** Every person of more than one cached record, with its warnings (persons of one are not listed). */
    public List<Person> linkedPersons() {
        return db.read(c -> {
            Map<String, List<PatientRef>> groups = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.person, l.org, l.patient FROM person_link l"
                    + " JOIN resource r ON r.type = 'Patient' AND r.org = l.org AND r.id = l.patient"
                    + " ORDER BY l.person, l.linked_at, l.org, l.patient");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new PatientRef(rs.getString(2), rs.getString(3)));
                }
            }
            List<Person> out = new ArrayList<>();
            for (Map.Entry<String, List<PatientRef>> g : groups.entrySet()) {
                out.add(new Person(g.getKey(), g.getValue(), warnings(c, g.getValue())));
            }
            return out;
        });
    }

    /** The pairs a user said are not the same person, each as two records in a fixed order. */
    public Set<List<PatientRef>> rejectedPairs() {
        return db.read(c -> {
            Set<List<PatientRef>> out = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT org_a, patient_a, org_b, patient_b FROM person_reject ORDER BY rejected_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(List.of(new PatientRef(rs.getString(1), rs.getString(2)),
                            new PatientRef(rs.getString(3), rs.getString(4))));
                }
            }
            return out;
        });
    }

    /**
     * Links the persons of two cached records into one (the user confirmed they are the same
     * human), keeps {@code warnings}, forgets any "not the same person" said between them, and
     * records a {@link AuditAction#LINK} event from {@code source}. The merged person keeps the
     * id of the larger of the two (of {@code a}'s on a tie).
     *
     * @throws IllegalArgumentException when a record is not cached, is {@code b} itself, or both
     *         already are one person
     */
    public Person link(PatientRef a, PatientRef b, List<PersonWarning> warnings, String source) {
        Person[] out = new Person[1];
        db.write("link two records as one person", c -> {
            requireCached(c, a);
            requireCached(c, b);
            if (a.equals(b)) {
                throw new IllegalArgumentException(a.qualified() + " cannot be linked to itself");
            }
            Person pa = personOf(c, a);
            Person pb = personOf(c, b);
            if (pa.id().equals(pb.id())) {
                throw new IllegalArgumentException(a.qualified() + " and " + b.qualified()
                        + " already are one person (" + pa.id() + ")");
            }
            String id = pb.records().size() > pa.records().size() ? pb.id() : pa.id();
            long now = System.currentTimeMillis();
            for (Person p : List.of(pa, pb)) {
                for (PatientRef r : p.records()) {
                    CacheConnections.update(c, "INSERT INTO person_link(org, patient, person, linked_at) VALUES (?,?,?,?)"
                            + " ON CONFLICT(org, patient) DO UPDATE SET person = excluded.person", r.org(), r.id(), id, now);
                    for (PatientRef o : (p == pa ? pb : pa).records()) {
                        List<PatientRef> pair = ordered(r, o);
                        CacheConnections.update(c, "DELETE FROM person_reject WHERE org_a = ? AND patient_a = ?"
                                + " AND org_b = ? AND patient_b = ?", pair.get(0).org(), pair.get(0).id(),
                                pair.get(1).org(), pair.get(1).id());
                    }
                }
            }
            for (PersonWarning w : warnings) {
                List<PatientRef> pair = ordered(w.a(), w.b());
                CacheConnections.update(c, "INSERT OR IGNORE INTO person_warning(org_a, patient_a, org_b, patient_b, text)"
                        + " VALUES (?,?,?,?,?)", pair.get(0).org(), pair.get(0).id(), pair.get(1).org(),
                        pair.get(1).id(), w.text());
            }
            out[0] = personOf(c, a);
            audit.append(c, AuditAction.LINK.key(), a.org(), a.id(), "with " + b.qualified() + " as " + id + ", "
                    + out[0].records().size() + " records" + (warnings.isEmpty() ? "" : ", " + warnings.size()
                    + " warning(s)"), source);
        });
        return out[0];
    }

    /**
     * Remembers that two cached records are not the same person (never proposed again) and
     * records a {@link AuditAction#LINK_REJECTED} event from {@code source}.
     *
     * @throws IllegalArgumentException when a record is not cached, both are one record, or they
     *         are linked (unlink first)
     */
    public void reject(PatientRef a, PatientRef b, String source) {
        db.write("remember two records as different people", c -> {
            requireCached(c, a);
            requireCached(c, b);
            if (a.equals(b)) {
                throw new IllegalArgumentException(a.qualified() + " is one record; there is no pair to reject");
            }
            Person pa = personOf(c, a);
            if (pa.records().contains(b)) {
                throw new IllegalArgumentException(a.qualified() + " and " + b.qualified() + " are linked as one person ("
                        + pa.id() + "); unlink one of them first ('chartlens unlink ORG:ID')");
            }
            List<PatientRef> pair = ordered(a, b);
            CacheConnections.update(c, "INSERT OR IGNORE INTO person_reject(org_a, patient_a, org_b, patient_b, rejected_at)"
                    + " VALUES (?,?,?,?,?)", pair.get(0).org(), pair.get(0).id(), pair.get(1).org(), pair.get(1).id(),
                    System.currentTimeMillis());
            audit.append(c, AuditAction.LINK_REJECTED.key(), a.org(), a.id(), "not the same person as " + b.qualified(),
                    source);
        });
    }

    /**
     * Takes one record out of its person: it is a person of one again (its own id), the others
     * stay one person with their warnings between them; records an {@link AuditAction#UNLINK}
     * event from {@code source}. Returns the person the others form now (or the one left).
     *
     * @throws IllegalArgumentException when the record is not linked to any other
     */
    public Person unlink(PatientRef record, String source) {
        Person[] out = new Person[1];
        db.write("unlink a record from its person", c -> {
            Person before = personOf(c, record);
            if (!before.linked()) {
                throw new IllegalArgumentException(record.qualified() + " is not linked to any other record");
            }
            String rest = detach(c, record);
            out[0] = personOf(c, before.records().stream().filter(r -> !r.equals(record)).findFirst().orElseThrow());
            audit.append(c, AuditAction.UNLINK.key(), record.org(), record.id(), "from " + before.id() + ", "
                    + out[0].records().size() + " record(s) left as " + rest, source);
        });
        return out[0];
    }

    // ------------------------------------------------------------------ inside a transaction

    /**
     * Takes {@code record} out of its linked person inside the caller's transaction (unlink, and
     * purging a record): its rows and its warnings go; a person left with one record is no longer
     * stored; when the person had the record's own id, the others take the id of the first of
     * them. Returns the id the others have afterwards (the record's own when it was not linked).
     */
    static String detach(Connection c, PatientRef record) throws SQLException {
        String person = groupOf(c, record);
        CacheConnections.update(c, "DELETE FROM person_link WHERE org = ? AND patient = ?", record.org(), record.id());
        CacheConnections.update(c, "DELETE FROM person_warning WHERE (org_a = ? AND patient_a = ?) OR (org_b = ? AND patient_b = ?)",
                record.org(), record.id(), record.org(), record.id());
        if (person == null) {
            return Person.idOf(record);
        }
        List<PatientRef> rest = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT org, patient FROM person_link WHERE person = ? ORDER BY linked_at, org, patient")) {
            ps.setString(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rest.add(new PatientRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        if (rest.size() <= 1) {
            CacheConnections.update(c, "DELETE FROM person_link WHERE person = ?", person);
            return rest.isEmpty() ? person : Person.idOf(rest.get(0));
        }
        if (person.equals(Person.idOf(record))) {
            String next = Person.idOf(rest.get(0));
            CacheConnections.update(c, "UPDATE person_link SET person = ? WHERE person = ?", next, person);
            return next;
        }
        return person;
    }

    /** Detaches every linked record of one organization (purging it). */
    static void detachOrganization(Connection c, String org) throws SQLException {
        List<PatientRef> linked = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT patient FROM person_link WHERE org = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    linked.add(new PatientRef(org, rs.getString(1)));
                }
            }
        }
        for (PatientRef r : linked) {
            detach(c, r);
        }
        CacheConnections.update(c, "DELETE FROM person_reject WHERE org_a = ? OR org_b = ?", org, org);
    }

    static Person personOf(Connection c, PatientRef record) throws SQLException {
        String person = groupOf(c, record);
        if (person == null) {
            return Person.single(record);
        }
        List<PatientRef> members = members(c, person);
        return members.isEmpty() ? Person.single(record) : new Person(person, members, warnings(c, members));
    }

    private static String groupOf(Connection c, PatientRef record) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT person FROM person_link WHERE org = ? AND patient = ?")) {
            ps.setString(1, record.org());
            ps.setString(2, record.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The cached records of a linked person, in the order they were linked. */
    private static List<PatientRef> members(Connection c, String person) throws SQLException {
        List<PatientRef> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.org, l.patient FROM person_link l"
                + " JOIN resource r ON r.type = 'Patient' AND r.org = l.org AND r.id = l.patient"
                + " WHERE l.person = ? ORDER BY l.linked_at, l.org, l.patient")) {
            ps.setString(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PatientRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static List<String> warnings(Connection c, List<PatientRef> members) throws SQLException {
        if (members.size() < 2) {
            return List.of();
        }
        Set<PatientRef> in = Set.copyOf(members);
        Set<String> out = new LinkedHashSet<>();
        for (PatientRef m : members) {
            try (PreparedStatement ps = c.prepareStatement("SELECT org_b, patient_b, text FROM person_warning"
                    + " WHERE org_a = ? AND patient_a = ? ORDER BY rowid")) {
                ps.setString(1, m.org());
                ps.setString(2, m.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (in.contains(new PatientRef(rs.getString(1), rs.getString(2)))) {
                            out.add(rs.getString(3));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static void requireCached(Connection c, PatientRef r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM resource WHERE type = 'Patient' AND org = ? AND id = ?")) {
            ps.setString(1, r.org());
            ps.setString(2, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no cached patient " + r.qualified() + " (see 'chartlens patients')");
                }
            }
        }
    }

    /** Two records in the order the tables keep them (organization, then id). */
    static List<PatientRef> ordered(PatientRef a, PatientRef b) {
        int cmp = a.org().compareTo(b.org());
        if (cmp == 0) {
            cmp = a.id().compareTo(b.id());
        }
        return cmp <= 0 ? List.of(a, b) : List.of(b, a);
    }
}
