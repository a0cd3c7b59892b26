package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.connect.Organization;
import org.chartlens.domain.PatientRef;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.store.AuditAction;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 section 1 on the real demo EHR: sign in, sync, Alice marks the chart reviewed; the
 * server edits three resources, re-sends three with only a new {@code meta.lastUpdated} and adds
 * two; an incremental sync brings all eight; Alice sees exactly the three edited as changed and
 * the two added as new (never the re-stamped ones), with the before/after. Bob, on the same
 * workstation, reviews after that sync and then sees only what came after his own review.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewOnDemoEhrTest {
    @TempDir
    static Path data;

    private static DemoEhr ehr;
    private static ChartLensContext ctx;
    private static Organization org;
    private static Session session;
    private static PatientRef patient;
    private static DemoEhr.ChartChange first;

    @BeforeAll
    static void signInAndSync() throws Exception {
        ctx = new ChartLensContext(data, PassphraseSource.fixed("review-test-pass".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"));
        ctx.auditSource("test:review");
        ctx.startEmbeddedDemo("demo");
        ehr = ctx.embeddedDemo("demo").orElseThrow();
        org = ctx.organization("demo");
        session = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
        patient = new PatientRef("demo", ehr.patientIds().get(0));
        sync();
    }

    private static void sync() throws InterruptedException {
        SyncResult r = ctx.sync(org).run(SyncRequest.patients(patient.id()).withContextPatient(session.patient())
                .withScopes(Set.copyOf(session.grantedScopes())), SyncListener.NONE);
        assertTrue(r.ok(), r.summary());
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private static ReviewDiff diff(String reviewer) {
        return ChartQuery.changesSince(ctx.cache(), List.of(patient), reviewer);
    }

    private static Set<String> refs(ReviewDiff d, ReviewDiff.Kind kind) {
        Set<String> out = new TreeSet<>();
        d.items().stream().filter(i -> i.kind() == kind).forEach(i -> out.add(i.reference()));
        return out;
    }

    @Test
    @Order(1)
    void beforeAnyReviewNothingIsComparedAndAReviewIsAudited() {
        assertFalse(diff("alice").reviewed());
        Reviews.mark(ctx.cache(), List.of(patient), "alice", "test:review");
        ReviewDiff d = diff("alice");
        assertTrue(d.reviewed());
        assertEquals(List.of(), d.items(), "nothing new right after the review");
        assertTrue(ctx.cache().auditEvents(null, "demo", patient.id()).stream()
                .anyMatch(e -> e.event().equals(AuditAction.REVIEW_MARK.key())));
    }

    @Test
    @Order(2)
    void aSyncThatBringsEditsStampsAndNewResourcesShowsExactlyTheEditsAndTheNew() throws Exception {
        first = ehr.changeChart(patient.id(), 3, 3, 2);
        assertEquals(3, first.edited().size());
        assertEquals(3, first.touched().size());
        assertEquals(2, first.added().size());
        sync();
        // the re-stamped ones did arrive (their lastUpdated is in the cache) ...
        for (String ref : first.touched()) {
            String[] p = ref.split("/");
            String json = ctx.cache().resource("demo", p[0], p[1]).orElseThrow().json();
            assertTrue(json.contains("lastUpdated"), ref);
        }
        ReviewDiff d = diff("alice");
        // ... and still only the edited ones are "changed"
        assertEquals(new TreeSet<>(first.edited()), refs(d, ReviewDiff.Kind.CHANGED));
        assertEquals(new TreeSet<>(first.added()), refs(d, ReviewDiff.Kind.NEW));
        for (ReviewDiff.Item i : d.items()) {
            if (i.kind() == ReviewDiff.Kind.CHANGED) {
                assertNotNull(i.beforeJson(), "the reviewed version is kept for the before/after");
                assertNotEquals(i.beforeJson(), i.json());
                assertTrue(i.json().contains("Amended at the demo EHR") && !i.beforeJson().contains("Amended"));
            }
        }
        assertTrue(d.describe(java.time.ZoneId.systemDefault(), java.time.LocalDate.now()).startsWith("2 new, 3 changed since "),
                d.describe(java.time.ZoneId.systemDefault(), java.time.LocalDate.now()));
    }

    @Test
    @Order(3)
    void twoReviewersOnOneWorkstationEachSeeTheirOwnNew() throws Exception {
        Reviews.mark(ctx.cache(), List.of(patient), "bob", "test:review");
        assertEquals(List.of(), diff("bob").items());
        DemoEhr.ChartChange second = ehr.changeChart(patient.id(), 0, 0, 1);
        sync();
        ReviewDiff bob = diff("bob");
        assertEquals(new TreeSet<>(second.added()), refs(bob, ReviewDiff.Kind.NEW));
        assertEquals(Set.of(), refs(bob, ReviewDiff.Kind.CHANGED));
        ReviewDiff alice = diff("alice");
        Set<String> aliceNew = new TreeSet<>(first.added());
        aliceNew.addAll(second.added());
        assertEquals(aliceNew, refs(alice, ReviewDiff.Kind.NEW));
        assertEquals(new TreeSet<>(first.edited()), refs(alice, ReviewDiff.Kind.CHANGED));
        assertFalse(diff("carol").reviewed(), "a third reviewer has not reviewed this chart");
    }

    @Test
    @Order(4)
    void aNewReviewClearsTheReviewersNewAndWorksOfflineAfterTheServerStops() {
        ehr.close();
        Reviews.mark(ctx.cache(), List.of(patient), "alice", "test:review");
        assertEquals(List.of(), diff("alice").items());
        assertEquals(1, diff("bob").items().size(), "bob's new stays his until he reviews");
    }
}
