package org.chartlens.ui.worklist;

import static org.chartlens.ui.testing.FakePersons.proposal;
import static org.chartlens.ui.testing.FakePersons.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.PatientSummary;
import org.chartlens.ui.port.PersonsPort;
import org.chartlens.ui.port.PersonsPort.Record;
import org.junit.jupiter.api.Test;

/** The worklist's rows as persons: linked records one row, the rest persons of one, sync per organization. */
class PersonRowsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    private static WorklistRow cached(String org, String id, String name, Instant synced) {
        PatientSummary s = new PatientSummary(name, new ChartDate("1980-04-02", Instant.parse("1980-04-02T00:00:00Z"),
                ChartDate.Precision.DAY), "46", "female", null, List.of(), null);
        return new WorklistRow(org, id, s, synced, false, (name + " " + id + " " + org).toLowerCase());
    }

    @Test
    void linkedRecordsAreOneRowWithTheirOrganizationsAndTheRestStayPersonsOfOne() {
        Record c = record("credible", "Credible Clinic", "c1", "Ana Rivera", "1980-04-02");
        Record i = new Record(new org.chartlens.domain.PatientRef("insync", "i1"), "InSync Hospital", "Ana Rivera-Lopez",
                "1980-04-02", NOW.minusSeconds(3 * 24 * 3600));
        Record v = record("veracity", "Veracity Pharmacy", "v1", "Ana Rivera", "1980-02-04");
        PersonsPort.Snapshot snapshot = new PersonsPort.Snapshot(List.of(
                new PersonsPort.Person("P-ANA", "Ana Rivera", "1980-04-02", List.of(c, i), List.of(), 1)),
                List.of(proposal(i, v, false, List.of("birth date"))));
        List<WorklistRow> cache = List.of(cached("credible", "c1", "Ana Rivera", NOW), cached("insync", "i1",
                "Ana Rivera-Lopez", NOW.minusSeconds(3 * 24 * 3600)), cached("veracity", "v1", "Ana Rivera", NOW),
                cached("credible", "c9", "Zoe Park", null));

        PersonRows read = PersonRows.of(cache, snapshot);
        assertEquals(3, read.rows().size(), "Ana's two linked records are one row; Veracity's and Zoe's their own");
        assertEquals(4, read.records());
        assertEquals(1, read.proposals());
        WorklistRow ana = read.rows().stream().filter(r -> r.personId().equals("P-ANA")).findFirst().orElseThrow();
        assertTrue(ana.linked());
        assertEquals(1, ana.possibleMatches());
        assertTrue(ana.searchText().contains("rivera-lopez") && ana.searchText().contains("insync hospital"),
                "every record's name and organization can be searched");
        assertEquals(List.of("1 h ago", "3 days ago  ⚠ out of date"), PersonRows.syncedByOrganization(ana, NOW));
        assertEquals(List.of("Credible Clinic", "InSync Hospital"), PersonRows.organizations(ana), "in the same order");
        WorklistRow zoe = read.rows().get(2);
        assertFalse(zoe.linked());
        assertEquals(List.of("never synced"), PersonRows.syncedByOrganization(zoe, NOW));
        assertEquals("Credible Clinic", read.legend().name("credible"));
        assertEquals(List.of("credible", "insync", "veracity"), read.legend().orgs(), "colours by organization id, stable");
    }
}
