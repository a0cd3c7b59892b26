package org.chartlens.ui.port;

import java.time.Instant;
import java.util.List;
import org.chartlens.domain.PatientRef;

/**
 * Persons (issue 14, decision 0602) as the desktop reads and changes them: one row per person
 * (records not linked are persons of one), the proposed links in words, and link, "not the same
 * person" and unlink, each recorded in the audit log by the app with the view as its source.
 * Candidates are computed on each {@link #snapshot()}, never linked without the user. Thread safe;
 * every method blocks (call it from the task executor, never on the FX thread).
 */
public interface PersonsPort {
    /** No persons and no proposals (modes without matching): every cached record is a person of one. */
    PersonsPort NONE = new PersonsPort() {
        @Override
        public Snapshot snapshot() {
            return Snapshot.EMPTY;
        }

        @Override
        public void link(PatientRef a, PatientRef b, String source) {
            throw new UnsupportedOperationException("Linking records is not available in this mode.");
        }

        @Override
        public void reject(PatientRef a, PatientRef b, String source) {
            throw new UnsupportedOperationException("Linking records is not available in this mode.");
        }

        @Override
        public void unlink(PatientRef record, String source) {
            throw new UnsupportedOperationException("Unlinking records is not available in this mode.");
        }
    };

    /**
     * One record of a person as a user reads it.
     *
     * @param organization the organization's readable name (never its id)
     * @param lastSynced   when the record was last synced, or null
     */
    record Record(PatientRef ref, String organization, String name, String birthDate, Instant lastSynced) {
    }

    /**
     * A record's demographics as its organization sent them, for comparing two side by side.
     *
     * @param sex         FHIR administrative gender as sent, or null
     * @param identifiers "value (system)" per identifier
     */
    record Demographics(List<String> names, String birthDate, String sex, List<String> identifiers,
                        List<String> postalCodes, List<String> phones) {
        public static final Demographics NONE = new Demographics(List.of(), null, null, List.of(), List.of(), List.of());

        public Demographics {
            names = List.copyOf(names);
            identifiers = List.copyOf(identifiers);
            postalCodes = List.copyOf(postalCodes);
            phones = List.copyOf(phones);
        }
    }

    /**
     * One person.
     *
     * @param possibleMatches how many other persons are proposed as the same human
     * @param warnings        what linked records disagree on (sex, birth date), in words
     */
    record Person(String id, String name, String birthDate, List<Record> records, List<String> warnings,
                  int possibleMatches) {
        public Person {
            records = List.copyOf(records);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A proposed link between two records (of two persons), in words.
     *
     * @param preselected strong: a shared identifier and the same birth date, nothing in conflict
     *                    (ticked in advance; the user still confirms)
     * @param conflicts   what the two records disagree on (sex, birth date, ...); linking them
     *                    anyway keeps these as warnings on the person
     */
    record Proposal(Record a, Record b, Demographics demographicsA, Demographics demographicsB, String personA,
                    String personB, double score, boolean preselected, List<String> evidence, List<String> conflicts) {
        public Proposal {
            evidence = List.copyOf(evidence);
            conflicts = List.copyOf(conflicts);
        }

        /** True when it concerns the person {@code id}. */
        public boolean concerns(String id) {
            return personA.equals(id) || personB.equals(id);
        }

        /** Linking asks the user to confirm first: the records disagree on something. */
        public boolean needsConfirmation() {
            return !conflicts.isEmpty();
        }
    }

    /** Everything read at once: persons (sorted by name) and proposals (highest score first). */
    record Snapshot(List<Person> persons, List<Proposal> proposals) {
        public static final Snapshot EMPTY = new Snapshot(List.of(), List.of());

        public Snapshot {
            persons = List.copyOf(persons);
            proposals = List.copyOf(proposals);
        }
    }

    /** Reads the cache once: every person and the proposals. Blocking. */
    Snapshot snapshot();

    /**
     * Links the persons of two records into one (whatever they disagree on is kept as a warning).
     *
     * @param source the view, e.g. "view:worklist"
     */
    void link(PatientRef a, PatientRef b, String source);

    /** Remembers that two records are not the same person: never proposed again. */
    void reject(PatientRef a, PatientRef b, String source);

    /** Takes one record out of its person; the others stay linked. */
    void unlink(PatientRef record, String source);
}
