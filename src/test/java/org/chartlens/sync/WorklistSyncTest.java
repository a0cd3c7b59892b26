package org.chartlens.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.chartlens.connect.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15.1/15.2: with user/ scopes a plain sync refreshes the patients already on the worklist
 * from that organization (and the sign-in's patient), never the whole server; enumerating every
 * patient is explicit and says how many before the first chart. The demo organization keeps
 * pulling all its demo patients by default. Against the InSync profile, signed in for real.
 */
class WorklistSyncTest {
    @TempDir
    Path dir;

    /** What the run said it would pull, and what happened in which order. */
    static final class Recorder implements SyncListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void patientsChosen(int count, String how) {
            events.add("chosen " + count + ": " + how);
        }

        @Override
        public void progress(SyncProgress p) {
            if (p.patientsDone() > 0) {
                events.add("done " + p.patientsDone());
            }
        }
    }

    @Test
    void aPlainSyncRefreshesTheWorklistOnlyAndAllPatientsIsExplicit() throws Exception {
        try (DemoFixture f = new DemoFixture("insync", dir)) {
            ChartSync sync = f.sync();
            SyncRequest plain = SyncRequest.byDefault(f.org).withScopes(f.request().grantedScopes());
            assertEquals(SyncRequest.worklist().withScopes(f.request().grantedScopes()), plain);

            // nothing on the worklist yet: nothing is pulled, nothing listed
            Recorder empty = new Recorder();
            SyncResult r0 = sync.run(plain, empty);
            assertTrue(r0.ok(), r0.summary());
            assertEquals(List.of(), r0.patients());
            assertTrue(f.cache.patients().isEmpty(), "no patient was enumerated");
            assertEquals(List.of("chosen 0: the worklist's patients from insync"), empty.events);

            // find and choose one: it is on the worklist; the next plain sync refreshes exactly it
            String ryan = sync.finder().find(new PatientQuery(null, "Ryan", null, null, null, null)).candidates().get(0).id();
            assertTrue(sync.run(new SyncRequest(List.of(ryan), null, false, plain.grantedScopes(), null),
                    SyncListener.NONE).ok());
            Recorder refresh = new Recorder();
            SyncResult r1 = sync.run(plain, refresh);
            assertEquals(List.of(ryan), r1.patients());
            assertEquals("chosen 1: the worklist's patients from insync", refresh.events.get(0));

            // the sign-in's patient is refreshed with the worklist
            String other = f.ehr.patientIds().get(2);
            SyncResult r2 = sync.run(plain.withContextPatient(other), SyncListener.NONE);
            assertEquals(new TreeSet<>(List.of(ryan, other)), new TreeSet<>(r2.patients()));

            // every patient only when asked, with the count said before the first chart is pulled
            Recorder all = new Recorder();
            SyncResult r3 = sync.run(plain.withAllPatients(true), all);
            assertTrue(r3.ok(), r3.summary());
            assertEquals(new TreeSet<>(f.ehr.patientIds()), new TreeSet<>(r3.patients()));
            assertEquals("chosen " + f.ehr.patientIds().size() + ": every patient insync lists", all.events.get(0),
                    all.events.toString());
            assertEquals(1, all.events.stream().filter(e -> e.startsWith("chosen")).count());
        }
    }

    @Test
    void theDemoOrganizationPullsAllItsDemoPatientsByDefault() {
        Organization demo = new Organization("demo", "Demo", java.net.URI.create("http://127.0.0.1/fhir"),
                Organization.Flow.PKCE, "chartlens", List.of("user/*.read"), null, "demo", true, "");
        assertTrue(SyncRequest.byDefault(demo).allPatients());
        assertTrue(!SyncRequest.byDefault(demo.withFhirBase(java.net.URI.create("https://ehr.example/fhir")))
                .patientIds().iterator().hasNext());
        Organization hospital = new Organization("h", "Hospital", java.net.URI.create("https://ehr.example/fhir"),
                Organization.Flow.PKCE, "x", List.of("user/*.read"), null, null, false, "");
        assertTrue(!SyncRequest.byDefault(hospital).allPatients());
    }
}
