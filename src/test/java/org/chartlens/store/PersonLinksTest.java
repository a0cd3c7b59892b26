package org.chartlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persons in the cache: linking, warnings, rejecting, unlinking, purging (decision 0602). */
class PersonLinksTest {
    @TempDir
    Path dir;

    private byte[] key;

    private static final PatientRef A = new PatientRef("alpha", "a1");
    private static final PatientRef B = new PatientRef("beta", "b1");
    private static final PatientRef C = new PatientRef("gamma", "c1");

    private ChartCache cache() {
        key = ChartCacheTest.key();
        ChartCache cache = ChartCache.open(dir.resolve("cache.db"), key);
        cache.putAll(List.of(ChartCacheTest.patient("alpha", "a1", "Lovelace"),
                ChartCacheTest.patient("beta", "b1", "Lovelace"), ChartCacheTest.patient("gamma", "c1", "Lovelace"),
                ChartCacheTest.condition("alpha", "cond1", "a1", "pr1")));
        return cache;
    }

    @Test
    void aRecordNobodyLinkedIsAPersonOfOneWithAStableId() {
        try (ChartCache cache = cache()) {
            Person p = cache.personOf(A);
            assertEquals(List.of(A), p.records());
            assertEquals(Person.idOf(A), p.id());
            assertTrue(p.id().matches("P-[0-9A-Z]{10}"), p.id());
            assertEquals(p, cache.person(p.id()).orElseThrow());
            assertTrue(cache.person("P-0000000000").isEmpty());
        }
    }

    @Test
    void linkingKeepsTheRecordsAsSentAndNamesThePersonByTheFirstRecordsId() {
        try (ChartCache cache = cache()) {
            List<StoredResource> before = cache.chart("alpha", "a1");
            Person ab = cache.persons().link(A, B, List.of(), "test");
            assertEquals(Person.idOf(A), ab.id());
            assertEquals(2, ab.records().size());
            assertEquals(ab, cache.personOf(B));
            // B's own id still finds the person B is part of
            assertEquals(ab, cache.person(Person.idOf(B)).orElseThrow());
            Person abc = cache.persons().link(C, B, List.of(), "test");
            assertEquals(ab.id(), abc.id(), "the larger person keeps its id");
            assertEquals(3, abc.records().size());
            assertEquals(before, cache.chart("alpha", "a1"), "records stay as each organization sent them");
            assertEquals(List.of(abc), cache.persons().linkedPersons());
        }
    }

    @Test
    void unknownSelfAndRepeatedLinksAreRefusedInWords() {
        try (ChartCache cache = cache()) {
            PatientRef unknown = new PatientRef("alpha", "nobody");
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> cache.persons().link(A, unknown, List.of(), "t")).getMessage().contains("no cached patient alpha:nobody"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> cache.persons().link(A, A, List.of(), "t")).getMessage().contains("cannot be linked to itself"));
            cache.persons().link(A, B, List.of(), "t");
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> cache.persons().link(B, A, List.of(), "t")).getMessage().contains("already are one person"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> cache.persons().reject(B, A, "t")).getMessage().contains("unlink"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> cache.persons().unlink(C, "t")).getMessage().contains("not linked"));
        }
    }

    @Test
    void warningsStayWhileBothRecordsAreLinkedAndUnlinkRestoresTheSeparateRecords() {
        try (ChartCache cache = cache()) {
            cache.persons().link(A, B, List.of(new PersonWarning(A, B, "birth dates differ")), "t");
            Person abc = cache.persons().link(A, C, List.of(new PersonWarning(C, A, "sex differs")), "t");
            assertEquals(List.of("birth dates differ", "sex differs"), abc.warnings());
            Person left = cache.persons().unlink(A, "t");
            // A's id was the person's: the others take the id of the first of them
            assertEquals(List.of(B, C), left.records());
            assertNotEquals(Person.idOf(A), left.id());
            assertEquals(List.of(), left.warnings(), "the warnings went with A");
            assertEquals(Person.single(A), cache.personOf(A));
            cache.persons().unlink(B, "t");
            for (PatientRef r : List.of(A, B, C)) {
                assertEquals(Person.single(r), cache.personOf(r));
            }
            assertEquals(List.of(), cache.persons().linkedPersons());
        }
    }

    @Test
    void rejectedPairsAreRememberedAcrossOpensAndForgottenByALink() {
        try (ChartCache cache = cache()) {
            cache.persons().reject(B, A, "t");
        }
        try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), key)) {
            assertEquals(List.of(List.of(A, B)), List.copyOf(cache.persons().rejectedPairs()));
            cache.persons().link(A, B, List.of(), "t");
            assertTrue(cache.persons().rejectedPairs().isEmpty());
        }
    }

    @Test
    void aPurgedRecordLeavesItsPersonWithTheOthers() {
        try (ChartCache cache = cache()) {
            Person abc = cache.persons().link(A, B, List.of(), "t");
            abc = cache.persons().link(A, C, List.of(), "t");
            cache.purgePatient("beta", "b1");
            Person left = cache.personOf(A);
            assertEquals(List.of(A, C), left.records());
            assertEquals(abc.id(), left.id());
            cache.purgeOrganization("gamma");
            assertFalse(cache.personOf(A).linked());
        }
    }

    @Test
    void linkRejectAndUnlinkAreAuditedWithWhoAndWhen() {
        try (ChartCache cache = cache()) {
            cache.persons().link(A, B, List.of(new PersonWarning(A, B, "birth dates differ (1950-01-02 ...)")), "cli:link");
            cache.persons().reject(A, C, "cli:link");
            cache.persons().unlink(B, "cli:unlink");
            List<AuditEvent> events = cache.auditLog(null, null).stream()
                    .filter(e -> e.event().startsWith("link") || e.event().equals("unlink")).toList();
            assertEquals(List.of("link", "link-rejected", "unlink"), events.stream().map(AuditEvent::event).toList());
            assertEquals("alpha", events.get(0).org());
            assertTrue(events.get(0).detail().contains("beta:b1") && events.get(0).detail().contains("1 warning"),
                    events.get(0).detail());
            assertFalse(events.get(0).detail().contains("1950"), "no PHI in the audit log");
            events.forEach(e -> assertTrue(e.who() != null && !e.who().isBlank() && e.at() != null, e.toString()));
            assertEquals("cli:unlink", events.get(2).source());
            assertTrue(cache.verifyAudit().intact());
        }
    }
}
