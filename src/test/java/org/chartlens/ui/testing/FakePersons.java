package org.chartlens.ui.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.PersonsPort;

/**
 * A {@link PersonsPort} over a fixed list of proposals that records every call: a link or a
 * rejection takes the pair's proposals away (as the app's matcher does for linked and rejected pairs).
 */
public final class FakePersons implements PersonsPort {
    public final List<String> calls = new ArrayList<>();
    private final List<Proposal> proposals;
    private List<Person> persons = List.of();

    public FakePersons(List<Proposal> proposals) {
        this.proposals = new ArrayList<>(proposals);
    }

    public FakePersons withPersons(List<Person> p) {
        persons = p;
        return this;
    }

    public static Record record(String org, String orgName, String id, String name, String birthDate) {
        return new Record(new PatientRef(org, id), orgName, name, birthDate, Instant.parse("2026-12-05T08:00:00Z"));
    }

    public static Proposal proposal(Record a, Record b, boolean strong, List<String> conflicts) {
        Demographics da = new Demographics(List.of(a.name()), a.birthDate(), "female", List.of("M-" + a.ref().id()),
                List.of("02139"), List.of());
        Demographics db = new Demographics(List.of(b.name()), b.birthDate(), "female", List.of("M-" + b.ref().id()),
                List.of("02139"), List.of());
        return new Proposal(a, b, da, db, "P-" + a.ref().id(), "P-" + b.ref().id(), strong ? 18.5 : 9.1, strong,
                List.of("same birth date " + a.birthDate()), conflicts);
    }

    @Override
    public synchronized Snapshot snapshot() {
        calls.add("snapshot");
        return new Snapshot(persons, proposals);
    }

    @Override
    public synchronized void link(PatientRef a, PatientRef b, String source) {
        calls.add("link " + a.qualified() + " " + b.qualified() + " " + source);
        proposals.removeIf(p -> p.a().ref().equals(a) && p.b().ref().equals(b));
    }

    @Override
    public synchronized void reject(PatientRef a, PatientRef b, String source) {
        calls.add("reject " + a.qualified() + " " + b.qualified() + " " + source);
        proposals.removeIf(p -> p.a().ref().equals(a) && p.b().ref().equals(b));
    }

    @Override
    public synchronized void unlink(PatientRef record, String source) {
        calls.add("unlink " + record.qualified() + " " + source);
    }
}
