package org.chartlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.domain.Referral;

/**
 * The referral list (issue 17, the clinic day): persons due on a day, with the user's reason. One
 * entry per person, kept on the person's first record; read back as the person linked now (two
 * records each listed and linked later read as one entry: the earlier due day, both reasons).
 * Adding, changing and removing are audited in the same transaction ({@code referral-added},
 * {@code referral-changed}, {@code referral-removed}; the detail never holds the reason or the day).
 * Purging a record forgets its entry; retention never purges a listed person.
 *
 * <p>Thread safe; every method does disk I/O, so never call one on the FX thread.
 */
public final class Referrals {
    private final CacheConnections db;
    private final AuditLog audit;

    Referrals(CacheConnections db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Every person on the list, by due day (then by when they were added). */
    public List<Referral> list() {
        return db.read(Referrals::list);
    }

    /** The entry of the person {@code record} belongs to, if listed. */
    public Optional<Referral> of(PatientRef record) {
        return db.read(c -> find(c, PersonLinks.personOf(c, record)));
    }

    /**
     * Puts the person of {@code record} on the list; audited from {@code source}.
     *
     * @throws IllegalArgumentException when the record is not cached or the person is already listed
     */
    public Referral add(PatientRef record, LocalDate due, String reason, String source) {
        Referral[] out = new Referral[1];
        db.write("put a person on the referral list", c -> {
            Person p = cachedPerson(c, record);
            Optional<Referral> was = find(c, p);
            if (was.isPresent()) {
                throw new IllegalArgumentException(p.id() + " is already on the referral list (due " + was.get().due()
                        + "); change it with 'chartlens referrals edit'");
            }
            out[0] = put(c, p, due, reason, Instant.now());
            audit.append(c, AuditAction.REFERRAL_ADDED.key(), p.records().get(0).org(), p.records().get(0).id(),
                    "person " + p.id(), source);
        });
        return out[0];
    }

    /**
     * Changes the due day and reason of a listed person; audited (which fields changed, not their values).
     *
     * @throws IllegalArgumentException when the person is not on the list
     */
    public Referral change(PatientRef record, LocalDate due, String reason, String source) {
        Referral[] out = new Referral[1];
        db.write("change a referral", c -> {
            Person p = PersonLinks.personOf(c, record);
            Referral was = find(c, p).orElseThrow(() -> notListed(p));
            delete(c, p);
            out[0] = put(c, p, due, reason, was.addedAt());
            String what = (was.due().equals(out[0].due()) ? "" : " due") + (was.reason().equals(out[0].reason()) ? "" : " reason");
            audit.append(c, AuditAction.REFERRAL_CHANGED.key(), p.records().get(0).org(), p.records().get(0).id(),
                    "person " + p.id() + (what.isEmpty() ? ", nothing changed" : ", changed:" + what), source);
        });
        return out[0];
    }

    /**
     * Takes the person of {@code record} off the list; audited.
     *
     * @throws IllegalArgumentException when the person is not on the list
     */
    public void remove(PatientRef record, String source) {
        db.write("take a person off the referral list", c -> {
            Person p = PersonLinks.personOf(c, record);
            find(c, p).orElseThrow(() -> notListed(p));
            delete(c, p);
            audit.append(c, AuditAction.REFERRAL_REMOVED.key(), p.records().get(0).org(), p.records().get(0).id(),
                    "person " + p.id(), source);
        });
    }

    private static IllegalArgumentException notListed(Person p) {
        return new IllegalArgumentException(p.id() + " is not on the referral list (see 'chartlens referrals')");
    }

    // ------------------------------------------------------------------ inside a transaction

    /** Every record of every listed person (retention keeps them). */
    static Set<PatientRef> listedRecords(Connection c) throws SQLException {
        Set<PatientRef> out = new HashSet<>();
        for (Referral r : list(c)) {
            out.addAll(r.person().records());
        }
        return out;
    }

    /** Forgets the entry kept on one record, or on every record of an organization ({@code patient} null). */
    static void forget(Connection c, String org, String patient) throws SQLException {
        if (patient == null) {
            CacheConnections.update(c, "DELETE FROM referral WHERE org = ?", org);
        } else {
            CacheConnections.update(c, "DELETE FROM referral WHERE org = ? AND patient = ?", org, patient);
        }
    }

    private static List<Referral> list(Connection c) throws SQLException {
        Map<String, Referral> byPerson = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT org, patient, due, reason, added_at FROM referral ORDER BY due, added_at, org, patient");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Person p = PersonLinks.personOf(c, new PatientRef(rs.getString(1), rs.getString(2)));
                Referral r = new Referral(p, LocalDate.parse(rs.getString(3)), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)));
                // rows come by due day: a person listed twice (records linked later) keeps the earlier day
                byPerson.merge(p.id(), r, (a, b) -> new Referral(a.person(), a.due(),
                        a.reason().equals(b.reason()) || b.reason().isEmpty() ? a.reason()
                                : a.reason().isEmpty() ? b.reason() : a.reason() + "; " + b.reason(), a.addedAt()));
            }
        }
        List<Referral> out = new ArrayList<>(byPerson.values());
        out.sort(Comparator.comparing(Referral::due).thenComparing(Referral::addedAt));
        return out;
    }

    private static Optional<Referral> find(Connection c, Person p) throws SQLException {
        return list(c).stream().filter(r -> r.person().id().equals(p.id())).findFirst();
    }

    private static Referral put(Connection c, Person p, LocalDate due, String reason, Instant added)
            throws SQLException {
        if (due == null) {
            throw new IllegalArgumentException("a referral needs a due day");
        }
        Referral r = new Referral(p, due, reason, added);
        PatientRef first = p.records().get(0);
        CacheConnections.update(c, "INSERT INTO referral(org, patient, due, reason, added_at, changed_at)"
                + " VALUES (?,?,?,?,?,?)", first.org(), first.id(), due.toString(), r.reason(),
                added.toEpochMilli(), System.currentTimeMillis());
        return r;
    }

    private static void delete(Connection c, Person p) throws SQLException {
        for (PatientRef r : p.records()) {
            forget(c, r.org(), r.id());
        }
    }

    private static Person cachedPerson(Connection c, PatientRef record) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM resource WHERE type = 'Patient' AND org = ? AND id = ?")) {
            ps.setString(1, record.org());
            ps.setString(2, record.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no cached patient " + record.qualified() + " (see 'chartlens patients')");
                }
            }
        }
        return PersonLinks.personOf(c, record);
    }
}
