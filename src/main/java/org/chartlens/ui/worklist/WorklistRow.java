package org.chartlens.ui.worklist;

import java.time.Instant;
import java.util.List;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.PatientSummary;
import org.chartlens.domain.Person;
import org.chartlens.ui.port.PersonsPort;

/**
 * One worklist line: one person (issue 14), that is one record or several linked ones. Immutable.
 *
 * @param org        the first record's organization id
 * @param id         the first record's patient id there
 * @param summary    name, DOB, age, sex, identifiers (of the first record)
 * @param lastSynced when the first record was last synced, or null
 * @param stale      true when some record is older than the staleness limit (or never synced)
 * @param searchText lower-case text the search box matches (every record's name, ids, identifiers, organization)
 * @param personId   the person's id ({@code P-...})
 * @param records    the person's records, first record first, each with its organization's name and last sync
 * @param possibleMatches how many other persons are proposed as the same human
 * @param warnings   what the linked records disagree on, in words
 */
public record WorklistRow(String org, String id, PatientSummary summary, Instant lastSynced,
                          boolean stale, String searchText, String personId, List<PersonsPort.Record> records,
                          int possibleMatches, List<String> warnings) {
    public WorklistRow {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }

    /** One record alone (a person of one), its organization named by its id. */
    public WorklistRow(String org, String id, PatientSummary summary, Instant lastSynced, boolean stale, String searchText) {
        this(org, id, summary, lastSynced, stale, searchText, Person.idOf(new PatientRef(org, id)),
                List.of(new PersonsPort.Record(new PatientRef(org, id), org, summary.name(),
                        summary.birthDate() == null ? null : summary.birthDate().dateOnly(), lastSynced)), 0, List.of());
    }

    /** The records as the chart reads them, first record first. */
    public List<PatientRef> refs() {
        return records.stream().map(PersonsPort.Record::ref).toList();
    }

    /** More than one record: a linked person. */
    public boolean linked() {
        return records.size() > 1;
    }
}
