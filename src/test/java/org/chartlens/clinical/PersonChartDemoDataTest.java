package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Source;
import org.chartlens.domain.TimelineLane;
import org.chartlens.domain.UnitSystem;
import org.chartlens.domain.VitalSeries;
import org.chartlens.fhir.FhirJson;
import org.chartlens.store.ChartCache;
import org.chartlens.sync.ChartImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real demo data (issue 14): the same Synthea bundle imported as two organizations and opened as
 * one person gives exactly the single chart's counts on every tab, each item naming both.
 */
class PersonChartDemoDataTest {
    static final Path COLUMBUS = Path.of("/work/shared/fhir-data/synthea-columbus");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    static Path largestBundle() throws Exception {
        try (Stream<Path> s = Files.list(COLUMBUS)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("hospital")
                            && !p.getFileName().toString().startsWith("practitioner"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }

    @Test
    void theSameChartFromTwoOrganizationsHasTheSingleCountsWithTwoSourcesEach() throws Exception {
        Path bundle = largestBundle();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (ChartCache cache = ChartCache.open(dir.resolve("c.db"), key)) {
            for (String org : List.of("north", "south")) {
                Files.createDirectories(dir.resolve(org));
                Files.copy(bundle, dir.resolve(org).resolve(bundle.getFileName()));
                ChartImport.Result r = new ChartImport(cache, new FhirJson()).importPath(dir.resolve(org));
                assertEquals("import:" + org, r.org());
            }
            String id = cache.patients().get(0).id();
            PatientRef north = new PatientRef("import:north", id);
            PatientRef south = new PatientRef("import:south", id);
            ChartModel single = ChartQuery.open(cache, north, UnitSystem.METRIC, TODAY).model();
            ChartData data = ChartQuery.openPerson(cache, List.of(north, south), UnitSystem.METRIC, TODAY);
            ChartModel person = data.model();
            assertEquals(List.of("import:north", "import:south"), data.orgs());
            assertTrue(single.medications().size() > 50 && single.encounters().size() > 50, "a long chart");

            List<String> both = List.of("import:north", "import:south");
            same(single.problems().active(), person.problems().active(), x -> x.source(), both, "active problems");
            same(single.problems().inactive(), person.problems().inactive(), x -> x.source(), both, "inactive problems");
            same(single.medications(), person.medications(), x -> x.source(), both, "medications");
            same(single.allergies(), person.allergies(), x -> x.source(), both, "allergies");
            same(single.immunizations(), person.immunizations(), x -> x.source(), both, "immunizations");
            same(single.encounters(), person.encounters(), x -> x.source(), both, "encounters");
            same(single.documents(), person.documents(), x -> x.source(), both, "documents");
            same(single.coverage(), person.coverage(), x -> x.source(), both, "coverage");
            same(single.claims(), person.claims(), x -> x.source(), both, "claims");
            same(single.labs(), person.labs(), x -> x.source() == null ? new Source("import:north", "", "", Source.Keys.NONE,
                    List.of(new Source("import:south", "", "")), List.of()) : x.source(), both, "lab reports");
            same(single.labs().stream().flatMap(r -> r.results().stream()).toList(),
                    person.labs().stream().flatMap(r -> r.results().stream()).toList(), x -> x.source(), both, "lab results");
            assertEquals(single.medicationGroups().size(), person.medicationGroups().size(), "medication groups");
            assertTrue(person.medicationGroups().stream().allMatch(g -> g.orgs().equals(both) && !g.statusesDiffer()));
            for (Map.Entry<org.chartlens.domain.VitalKind, VitalSeries> e : single.vitals().series().entrySet()) {
                same(e.getValue().readings(), person.vitals().get(e.getKey()).readings(), x -> x.source(), both,
                        e.getKey().label());
            }
            for (TimelineLane l : TimelineLane.values()) {
                same(single.timeline().lane(l), person.timeline().lane(l), x -> x.source(), both, l.label());
            }
            assertEquals(single.timeline().undated(), person.timeline().undated());
            assertEquals(both, person.patient().source().orgs());
            assertTrue(person.patient().source().differences().isEmpty());
        }
    }

    static <T> void same(List<T> single, List<T> merged, Function<T, Source> source, List<String> orgs, String what) {
        assertEquals(single.size(), merged.size(), what + ": as many items as one record has");
        for (T item : merged) {
            Source s = source.apply(item);
            assertEquals(orgs, s.orgs(), what + ": every item from both organizations");
            assertTrue(s.differences().isEmpty(), what + ": copies do not disagree " + s.differences());
        }
    }
}
