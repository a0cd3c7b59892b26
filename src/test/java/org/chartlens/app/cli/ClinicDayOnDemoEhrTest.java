package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chartlens.app.CacheRetention;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.ListSync;
import org.chartlens.app.ReferralList;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.AuditAction;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.Retention;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.chartlens.ui.port.ReferralsPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 section 5, the clinic day, on the real demo EHR: two organizations (Veracity, InSync),
 * three patients synced at each. The referral list orders by due day and audits every change
 * without the reason; {@code sync --list today} pulls exactly the persons due today and names the
 * organization whose sign-in is gone, then the one that cannot be reached, for the person it failed; retention purges exactly the
 * charts on no list and not opened for 30 days, audited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClinicDayOnDemoEhrTest {
    private static final String REASON = "referred by Dr Okafor, cardiology";
    @TempDir
    static Path data;

    private static final Map<String, DemoEhr> EHRS = new LinkedHashMap<>();
    private static ChartLensContext ctx;
    private static final LocalDate TODAY = LocalDate.now();

    @BeforeAll
    static void signInAndSyncTwoOrganizations() throws Exception {
        ctx = context();
        for (String profile : List.of("veracity", "insync")) {
            DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile(profile).autoApprove(true).build());
            EHRS.put(profile, ehr);
            Organization preset = OrganizationDirectory.loadPresets().get(profile).organization();
            ctx.organizations().save(preset.withFhirBase(ehr.fhirBase()).withFlow(Organization.Flow.PKCE)
                    .withClientId("chartlens").withScopes(List.of("openid", "fhirUser", "offline_access", "user/*.read")));
            Organization org = ctx.organization(profile);
            Session s = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            SyncResult r = ctx.sync(org).run(new SyncRequest(ehr.patientIds().subList(0, 3), s.patient(), false,
                    Set.copyOf(s.grantedScopes()), null), SyncListener.NONE);
            assertTrue(r.ok(), profile + ": " + r.summary());
        }
    }

    private static ChartLensContext context() {
        ChartLensContext c = new ChartLensContext(data, PassphraseSource.fixed("clinic-day-pass".toCharArray()),
                Map.of("CHARTLENS_SECRET_STORE", "file"));
        c.auditSource("test:clinic-day");
        return c;
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        EHRS.values().forEach(DemoEhr::close);
    }

    private static PatientRef rec(String profile, int i) {
        return new PatientRef(profile, EHRS.get(profile).patientIds().get(i));
    }

    private static List<AuditEvent> events(AuditAction action) {
        return ctx.cache().auditLog(null, null).stream().filter(e -> e.event().equals(action.key())).toList();
    }

    @Test
    @Order(1)
    void theListIsOrderedByDueDayAndEveryChangeIsAuditedWithoutTheReason() {
        var list = ctx.cache().referrals();
        list.add(rec("veracity", 1), TODAY.plusDays(1), "follow-up", "test:referrals");
        list.add(rec("veracity", 0), TODAY, REASON, "test:referrals");
        list.add(rec("insync", 0), TODAY, "new patient, nephrology", "test:referrals");
        list.add(rec("veracity", 2), TODAY.minusDays(2), "overdue review", "test:referrals");
        assertThrows(IllegalArgumentException.class, () -> list.add(rec("veracity", 0), TODAY, "again", "test:referrals"),
                "one entry per person");
        assertThrows(IllegalArgumentException.class, () -> list.add(new PatientRef("veracity", "not-cached"), TODAY, "",
                "test:referrals"));

        List<ReferralsPort.Entry> entries = ReferralList.entries(ctx.cache(), new OrganizationNames(ctx.organizations().list()));
        assertEquals(List.of(rec("veracity", 2), rec("veracity", 0), rec("insync", 0), rec("veracity", 1)),
                entries.stream().map(e -> e.records().get(0)).toList(), "by due day, then by when added");
        assertEquals(REASON, entries.get(1).reason());
        assertFalse(entries.get(1).name().isBlank(), "the name as the organization sent it");
        assertTrue(entries.get(2).organizations().get(0).startsWith("InSync"), entries.get(2).organizations().toString());

        // the tomorrow one becomes overdue by three days: it moves to the top
        list.change(rec("veracity", 1), TODAY.minusDays(3), "follow-up", "test:referrals");
        assertEquals(rec("veracity", 1), list.list().get(0).person().records().get(0));
        // the overdue review is done elsewhere: off the list
        list.remove(rec("veracity", 2), "test:referrals");
        assertThrows(IllegalArgumentException.class, () -> list.remove(rec("veracity", 2), "test:referrals"));
        assertEquals(3, list.list().size());

        assertEquals(4, events(AuditAction.REFERRAL_ADDED).size());
        assertEquals(1, events(AuditAction.REFERRAL_CHANGED).size());
        assertEquals("veracity", events(AuditAction.REFERRAL_REMOVED).get(0).org());
        assertEquals(rec("veracity", 2).id(), events(AuditAction.REFERRAL_REMOVED).get(0).patientId());
        assertTrue(events(AuditAction.REFERRAL_CHANGED).get(0).detail().endsWith("changed: due"),
                events(AuditAction.REFERRAL_CHANGED).get(0).detail());
        for (AuditEvent e : ctx.cache().auditLog(null, null)) {
            String d = e.detail() == null ? "" : e.detail();
            assertFalse(d.contains("Okafor") || d.contains("cardiology") || d.contains(TODAY.toString()),
                    "no reason, no day in the audit log: " + d);
        }
        assertTrue(events(AuditAction.REFERRAL_ADDED).stream().allMatch(e -> "test:referrals".equals(e.source())));
    }

    @Test
    @Order(2)
    void syncListTodayPullsExactlyThePersonsDueTodayAndNamesTheOrganizationThatFailed() throws Exception {
        Map<PatientRef, Optional<Instant>> before = new HashMap<>();
        for (String p : EHRS.keySet()) {
            for (int i = 0; i < 3; i++) {
                before.put(rec(p, i), ctx.cache().lastSynced(p, rec(p, i).id()));
            }
        }
        Thread.sleep(5); // a later sync is later on the clock
        // InSync's sign-in is gone tonight (an unreachable server is reported alike, after the retries)
        ctx.auth().signOut(ctx.organization("insync"));

        ListSync.Outcome o = ListSync.run(ctx, ReferralsCommand.day("today"), org -> SyncListener.NONE);
        assertEquals(List.of(List.of(rec("veracity", 0)), List.of(rec("insync", 0))),
                o.persons().stream().map(ListSync.PersonOutcome::records).toList(), "exactly the two due today");
        assertTrue(o.persons().get(0).ok(), o.persons().get(0).failures().toString());
        ListSync.PersonOutcome insync = o.persons().get(1);
        assertFalse(insync.ok());
        assertEquals(rec("insync", 0).qualified() + ": not signed in, or the sign-in expired: run 'chartlens login insync'",
                insync.failures().get(0));
        assertFalse(o.ok());

        // only Veracity's record due today was pulled again; nobody else's sync moved
        for (Map.Entry<PatientRef, Optional<Instant>> e : before.entrySet()) {
            Optional<Instant> now = ctx.cache().lastSynced(e.getKey().org(), e.getKey().id());
            if (e.getKey().equals(rec("veracity", 0))) {
                assertTrue(now.orElseThrow().isAfter(e.getValue().orElseThrow()), "pulled again");
            } else {
                assertEquals(e.getValue(), now, e.getKey() + " was not due today");
            }
        }

        // the command's report: person and record ids, never names; exit 1
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ListSyncReport.print(o, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(o.persons().get(0).personId() + "\t" + rec("veracity", 0).qualified() + " \tok"), text);
        assertTrue(text.contains("NOT PULLED: " + rec("insync", 0).qualified()), text);
        assertTrue(text.contains("1 of 2 persons due pulled completely"), text);
        String name = ReferralList.entries(ctx.cache(), new OrganizationNames(List.of())).get(1).name();
        assertFalse(text.contains(name), "no names in a scheduled task's output");
        assertTrue(events(AuditAction.SYNC).stream().anyMatch(e -> "veracity".equals(e.org())
                && rec("veracity", 0).id().equals(e.patientId())), "the sync is audited");

        // signed in again, but InSync's server is down: named unreachable, after one request's retries
        ctx.auth().signInWithBrowser(ctx.organization("insync"), null, new ScriptedBrowser(), Duration.ofSeconds(30));
        EHRS.get("insync").close();
        ctx.close();
        ctx = context(); // a new process, as the scheduled task is
        ListSync.Outcome down = ListSync.run(ctx, TODAY, org -> SyncListener.NONE);
        assertTrue(down.persons().get(0).ok(), down.persons().get(0).failures().toString());
        assertTrue(down.persons().get(1).failures().get(0).startsWith(rec("insync", 0).qualified()
                + ": organization unreachable: "), down.persons().get(1).failures().toString());
    }

    @Test
    @Order(3)
    void retentionPurgesExactlyTheChartsOnNoListNotOpenedFor30DaysAndAuditsIt() {
        // on the list: veracity 0 and 1, insync 0; off it: veracity 2 (removed), insync 1 and 2
        ctx.audit(AuditAction.CHART_OPENED, "insync", rec("insync", 1).id(), "tab=summary"); // opened today
        Instant now = Instant.now();
        // the first purge ran 40 days ago: it started the clock of every chart it had not seen opened
        assertEquals(List.of(), CacheRetention.apply(ctx.cache(), 30, now.minus(Duration.ofDays(40)), "test:retention")
                .records());
        Retention.Purged p = CacheRetention.apply(ctx.cache(), 30, now, "test:retention");
        assertEquals(Set.of(rec("veracity", 2), rec("insync", 2)), Set.copyOf(p.records()));
        assertTrue(p.resources() > 2, "their whole charts");
        Set<PatientRef> left = Set.copyOf(ctx.cache().patients().stream().map(c -> new PatientRef(c.org(), c.id())).toList());
        assertEquals(Set.of(rec("veracity", 0), rec("veracity", 1), rec("insync", 0), rec("insync", 1)), left);
        assertTrue(ctx.cache().chart("insync", rec("insync", 2).id()).isEmpty());
        List<AuditEvent> purged = events(AuditAction.PURGE_PATIENT);
        assertEquals(Set.of(rec("veracity", 2).id(), rec("insync", 2).id()),
                Set.copyOf(purged.stream().map(AuditEvent::patientId).toList()));
        assertTrue(purged.stream().allMatch(e -> "test:retention".equals(e.source())
                && e.detail().contains("not opened for 30 days")), purged.toString());
        assertTrue(events(AuditAction.PURGE_OLDER_THAN).get(0).detail().startsWith("not opened for 30 days: 2 records"));
        // nothing more to purge; 0 days keeps everything
        assertEquals(List.of(), CacheRetention.apply(ctx.cache(), 30, now, "test:retention").records());
        assertEquals(List.of(), CacheRetention.apply(ctx.cache(), 0, now.plus(Duration.ofDays(400)), "test:retention").records());
        assertEquals(4, ctx.cache().patients().size());
        List<CachedPatient> stillThere = ctx.cache().patients();
        assertFalse(stillThere.isEmpty());
    }
}
