package org.chartlens.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.identity.FhirPatients;
import org.chartlens.identity.PatientRecord;
import org.chartlens.store.ChartCache;
import org.chartlens.ui.port.ChangeSignal;
import org.chartlens.ui.port.ChangesPort.Kind;
import org.chartlens.ui.port.PersonsPort;

/**
 * The desktop's {@link PersonsPort} over {@link Persons} (issue 14): the worklist's persons and
 * the candidate dialog's proposals, with each proposed record's demographics as sent; link,
 * reject and unlink audited by the cache from the view's source, then published as a
 * {@link Kind#PERSONS} change so the views re-read. Thread safe; blocking; throws while locked.
 */
final class DesktopPersons implements PersonsPort {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<ChartCache> cache;
    private final ChartLensContext ctx;
    private final ChangeSignal changes;

    /** @param cache the open cache (throws while locked) */
    DesktopPersons(ChartLensContext ctx, Supplier<ChartCache> cache, ChangeSignal changes) {
        this.ctx = ctx;
        this.cache = cache;
        this.changes = changes;
    }

    private Persons persons() {
        return new Persons(cache.get(), new OrganizationNames(ctx.organizations().list()));
    }

    @Override
    public Snapshot snapshot() {
        Persons.Snapshot s = persons().snapshot();
        List<Person> rows = new ArrayList<>(s.persons().size());
        for (Persons.Row r : s.persons()) {
            rows.add(new Person(r.id(), r.name(), r.birthDate(), r.records().stream().map(DesktopPersons::record).toList(),
                    r.warnings(), r.possibleMatches()));
        }
        Map<PatientRef, Demographics> seen = new HashMap<>();
        List<Proposal> proposals = new ArrayList<>(s.proposals().size());
        for (Persons.Proposal p : s.proposals()) {
            proposals.add(new Proposal(record(p.a()), record(p.b()),
                    seen.computeIfAbsent(p.a().ref(), this::demographics), seen.computeIfAbsent(p.b().ref(), this::demographics),
                    p.personA(), p.personB(), p.score(), p.preselected(), p.evidence(), p.conflicts()));
        }
        return new Snapshot(rows, proposals);
    }

    @Override
    public void link(PatientRef a, PatientRef b, String source) {
        persons().link(a.qualified(), b.qualified(), source);
        changes.publish(Kind.PERSONS, null, null);
    }

    @Override
    public void reject(PatientRef a, PatientRef b, String source) {
        persons().reject(a.qualified(), b.qualified(), source);
        changes.publish(Kind.PERSONS, null, null);
    }

    @Override
    public void unlink(PatientRef record, String source) {
        persons().unlink(record.qualified(), source);
        changes.publish(Kind.PERSONS, null, null);
    }

    private static Record record(Persons.Record r) {
        return new Record(r.ref(), r.organization(), r.name(), r.birthDate(), r.lastSynced());
    }

    /** The record's Patient as sent: names, birth date, sex, identifiers, postal codes, phones. */
    Demographics demographics(PatientRef ref) {
        String json = cache.get().resource(ref.org(), "Patient", ref.id()).map(r -> r.json()).orElse(null);
        if (json == null) {
            return Demographics.NONE;
        }
        PatientRecord p;
        try {
            p = FhirPatients.fromFhir(ref.org(), JSON.readTree(json));
        } catch (IOException e) {
            return Demographics.NONE;
        }
        List<String> names = new ArrayList<>();
        for (PatientRecord.Name n : p.names()) {
            String given = String.join(" ", n.given());
            String full = (given + " " + (n.family() == null ? "" : n.family())).trim();
            if (!full.isEmpty() && !names.contains(full)) {
                names.add(full);
            }
        }
        List<String> ids = p.identifiers().stream()
                .map(i -> i.value() + (i.system() == null || i.system().isBlank() ? "" : " (" + i.system() + ")")).toList();
        return new Demographics(names, p.birthDate() == null ? null : p.birthDate().toString(), p.sex(), ids,
                p.postalCodes(), p.phones());
    }
}
