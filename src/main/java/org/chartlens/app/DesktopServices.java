package org.chartlens.app;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.chartlens.auth.AuthException;
import org.chartlens.auth.Browser;
import org.chartlens.auth.BrowserSignIn;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.auth.SignInStatus;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.OrganizationPreset;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.store.AuditAction;
import org.chartlens.sync.ChartSync;
import org.chartlens.sync.SyncProgress;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.port.CacheAuditPort;
import org.chartlens.ui.port.CachePort;
import org.chartlens.ui.port.ChangeSignal;
import org.chartlens.ui.port.ChangesPort.Kind;
import org.chartlens.ui.port.DemoPort;
import org.chartlens.ui.port.OrganizationStatus;
import org.chartlens.ui.port.OrganizationsPort;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.SignInPort;
import org.chartlens.ui.port.ServerCheck;
import org.chartlens.ui.port.SyncPort;
import org.chartlens.ui.port.SystemViewerPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's ports over the composition root: organizations, sign-in, sync, the demo
 * and the OS viewer here; the lock and the cache in {@link DesktopLock}; settings in
 * {@link DesktopSettings}. {@link #ports()} hands them to the UI. Thread safe; blocking methods
 * are called by the UI from its background executor only.
 */
public final class DesktopServices implements OrganizationsPort, SignInPort, SyncPort, DemoPort, SystemViewerPort {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopServices.class);
    private static final String DEMO = "demo";
    /** How long a browser sign-in waits for the user. */
    private static final Duration SIGN_IN_WAIT = Duration.ofMinutes(5);

    private final ChartLensContext ctx;
    private final DesktopLock lock;
    private final DesktopSettings settings;
    /** The syncs started here and not yet ended (cancelled when ChartLens locks). */
    private final Set<ChartSync.SyncTask> running = ConcurrentHashMap.newKeySet();
    /** The browser sign-in each organization waits for (at most one: a new attempt cancels the last). */
    private final Map<String, BrowserSignIn> attempts = new ConcurrentHashMap<>();
    private volatile Browser browser;
    private final ServerChecks checks = new ServerChecks();
    /** What changed (organizations, sign-ins, syncs): the views re-read on it. */
    private final ChangeSignal changes = new ChangeSignal();

    public DesktopServices(Path dataDir, Map<String, String> env) {
        Path dir = DataDirectory.ensureOwnerOnly(dataDir);
        DesktopLock.PassphraseHolder passphrase = new DesktopLock.PassphraseHolder();
        String envPass = env.get(PassphraseSource.ENV);
        if (envPass != null && !envPass.isEmpty()) {
            passphrase.set(envPass.toCharArray());
        }
        this.ctx = new ChartLensContext(dir, passphrase, env);
        ctx.auditSource("desktop");
        this.settings = new DesktopSettings(dir, ctx, this::locked);
        this.lock = new DesktopLock(dir, env, passphrase, ctx, settings::applyRetention, this::cancelSyncs);
    }

    /**
     * Cancels every running sync (locking); returns their ends, which come within moments (a
     * cancel interrupts their HTTP exchanges) with what they received committed.
     */
    List<CompletableFuture<SyncResult>> cancelSyncs() {
        List<CompletableFuture<SyncResult>> ends = new ArrayList<>();
        for (ChartSync.SyncTask t : List.copyOf(running)) {
            t.cancel();
            ends.add(t.future());
        }
        return ends;
    }

    /** Keeps a started sync in {@link #running} until it ends. */
    private ChartSync.SyncTask track(ChartSync.SyncTask task) {
        running.add(task);
        task.future().whenComplete((r, e) -> running.remove(task));
        return task;
    }

    private boolean locked() {
        return lock.isLocked();
    }

    /** Retention at start (issue 17) on a thread of its own; the worklist re-reads when charts went. */
    void retentionAtStart() {
        CacheRetention.inBackground(this::locked, settings::applyRetention, () -> changes.publish(Kind.REFERRALS, null, null));
    }

    /** Every port of the desktop app, for the UI. */
    public ShellPorts ports() {
        CachePort cache = new CachePort() {
            @Override
            public ChartStore store() {
                return lock.store();
            }

            @Override
            public String rebuild(Listener progress) throws IOException, InterruptedException {
                return rebuildCache(progress);
            }
        };
        return new ShellPorts(cache, this, this, this, this, settings, lock, this, new CacheAuditPort(lock::cache),
                changes, new DesktopPersons(ctx, lock::cache, changes), new DesktopFind(ctx, this::resolved, this::locked),
                Reviews.port(settings::reviewerName, lock::cache)).withReferrals(ReferralList.port(lock::cache,
                        () -> new org.chartlens.connect.OrganizationNames(ctx.organizations().list()), changes))
                .withSummaries(DesktopSummaries.of(ctx, lock::cache, settings::reviewerName));
    }

    /**
     * The worklist's "Rebuild the cache": the same rebuild as {@code chartlens cache rebuild}
     * ({@link CacheRebuild}), audited from {@code view:worklist}; the demo organization gets its
     * embedded EHR started first. Blocking.
     */
    String rebuildCache(Listener progress) throws IOException, InterruptedException {
        if (locked()) {
            throw new IllegalStateException("ChartLens is locked.");
        }
        try {
            return CacheRebuild.run(ctx, "view:worklist", this::resolved, org -> adapter(org, progress)).summary();
        } finally {
            changes.publish(Kind.SYNCED, null, null); // the views re-read the new cache
        }
    }

    public ChartLensContext context() {
        return ctx;
    }

    @Override
    public List<Organization> organizations() {
        return ctx.organizations().added();
    }

    @Override
    public List<Organization> presets() {
        List<Organization> out = new ArrayList<>();
        for (OrganizationPreset p : OrganizationDirectory.loadPresets().values()) {
            out.add(p.organization());
        }
        return out;
    }

    @Override
    public Organization saveOrganization(Organization org) {
        Organization saved = ctx.organizations().save(org);
        changes.publish(Kind.ORGANIZATIONS, saved.id(), null);
        return saved;
    }

    @Override
    public ServerCheck check(URI fhirBase) {
        return checks.check(fhirBase, ctx.auth().signIn());
    }

    @Override
    public int cachedPatients(String orgId) {
        return locked() ? 0 : (int) ctx.cache().patients().stream().filter(p -> p.org().equals(orgId)).count();
    }

    @Override
    public void removeOrganization(String orgId, boolean keepCharts) {
        Organization org = ctx.organizations().require(orgId);
        if (org.sandboxProfile() == null) {
            ctx.auth().signOut(org);
        }
        if (!keepCharts) {
            ctx.cache().purgeOrganization(orgId); // recorded in the audit log by the cache
        }
        ctx.organizations().remove(orgId);
        changes.publish(Kind.ORGANIZATIONS, orgId, null);
    }

    @Override
    public OrganizationStatus status(String orgId) {
        Organization org = ctx.organizations().require(orgId);
        SignInStatus s = ctx.auth().status(org);
        return new OrganizationStatus(s.signedIn(), s.signedInAs(), s.patient(), s.grantedScopes(), s.refusedScopes(),
                s.accessTokenExpiresAt(), s.refreshGrantExpiresAt(),
                s.lastError() != null ? s.lastError() : s.refreshGrantWarning());
    }

    /** The organization ready to talk to: the demo one gets its embedded EHR started first. */
    private Organization resolved(String orgId) {
        Organization org = ctx.organizations().require(orgId);
        if (org.sandboxProfile() != null) {
            ctx.startEmbeddedDemo(org.sandboxProfile());
        }
        return ctx.organization(orgId);
    }

    @Override
    public OrganizationStatus signIn(String orgId) throws Exception {
        return signIn(orgId, "view:organizations");
    }

    /** The browser a sign-in to {@code org} opens (tests replace it). */
    Browser browserFor(Organization org) {
        Browser b = browser;
        if (b != null) {
            return b;
        }
        // The embedded demo EHR approves at once; no browser window is needed for it.
        return org.sandboxProfile() != null ? new ScriptedBrowser() : Browser.system();
    }

    /** TEST: every sign-in opens {@code b} instead of the system browser (null: the usual one). */
    public void useBrowser(Browser b) {
        browser = b;
    }

    @Override
    public PendingSignIn startSignIn(String orgId) throws Exception {
        Organization org = resolved(orgId);
        if (org.flow() != Organization.Flow.PKCE && org.flow() != Organization.Flow.SECRET) {
            return PendingSignIn.done(signIn(orgId, "view:organizations"));
        }
        BrowserSignIn attempt = ctx.auth().signIn().begin(org, ctx.auth().discover(org, null));
        BrowserSignIn before = attempts.put(orgId, attempt);
        if (before != null) {
            before.cancel();
        }
        Browser b = browserFor(org);
        try {
            b.open(attempt.authorizationUrl());
        } catch (AuthException | RuntimeException e) {
            attempts.remove(orgId, attempt);
            attempt.cancel();
            throw e;
        }
        CompletableFuture<OrganizationStatus> outcome = new CompletableFuture<>();
        awaitSignIn(org, attempt, outcome);
        return new PendingSignIn() {
            @Override
            public String link() {
                return attempt.authorizationUrl().toString();
            }

            @Override
            public void openAgain() throws Exception {
                browserFor(org).open(attempt.authorizationUrl());
            }

            @Override
            public void cancel() {
                attempts.remove(orgId, attempt);
                attempt.cancel();
            }

            @Override
            public CompletableFuture<OrganizationStatus> outcome() {
                return outcome;
            }
        };
    }

    /** Waits for the browser on a thread of its own (never a task executor's) and completes {@code outcome}. */
    private void awaitSignIn(Organization org, BrowserSignIn attempt, CompletableFuture<OrganizationStatus> outcome) {
        Thread t = new Thread(() -> {
            try {
                ctx.auth().completed(org, attempt, SIGN_IN_WAIT);
                ctx.cache().audit(AuditAction.SIGN_IN, org.id(), null,
                        "flow=" + org.flow().name().toLowerCase(Locale.ROOT), "view:organizations");
                outcome.complete(status(org.id()));
            } catch (Exception | Error e) {
                outcome.completeExceptionally(e);
            } finally {
                attempts.remove(org.id(), attempt);
                changes.publish(Kind.SIGN_IN, org.id(), null); // signed in, or the failure is its last error
            }
        }, "sign-in-" + org.id());
        t.setDaemon(true);
        t.start();
    }

    private OrganizationStatus signIn(String orgId, String source) throws Exception {
        try {
            return signInOnce(orgId, source);
        } finally {
            changes.publish(Kind.SIGN_IN, orgId, null); // signed in, or the failure is its last error
        }
    }

    private OrganizationStatus signInOnce(String orgId, String source) throws Exception {
        Organization org = resolved(orgId);
        switch (org.flow()) {
            case BACKEND -> ctx.auth().signInBackend(org, null);
            case PASSWORD -> throw new AuthException("This organization uses the password flow: sign in from the "
                    + "command line with 'chartlens login " + orgId + "' (the password is never stored).");
            default -> ctx.auth().signInWithBrowser(org, null, browserFor(org), SIGN_IN_WAIT);
        }
        ctx.cache().audit(AuditAction.SIGN_IN, orgId, null, "flow=" + org.flow().name().toLowerCase(Locale.ROOT), source);
        return status(orgId);
    }

    @Override
    public void signOut(String orgId) {
        ctx.auth().signOut(ctx.organizations().require(orgId));
        ctx.cache().audit(AuditAction.SIGN_OUT, orgId, null, null, "view:organizations");
        changes.publish(Kind.SIGN_IN, orgId, null);
    }

    @Override
    public Handle startSync(String orgId, String patientId, Listener listener) {
        Organization org = resolved(orgId);
        SyncRequest request = patientId != null ? SyncRequest.patients(patientId) : SyncRequest.byDefault(org);
        Session session = ctx.auth().session(org).orElse(null);
        if (session != null) {
            request = request.withScopes(new HashSet<>(session.grantedScopes()));
            if (patientId == null && session.patient() != null) {
                request = request.withContextPatient(session.patient());
            }
        }
        ChartSync.SyncTask task = track(ctx.sync(org).start(request, adapter(orgId, listener)));
        List<String> asked = request.patientIds();
        task.future().whenComplete((result, error) -> {
            auditSync(orgId, result != null ? result.patients() : asked, result, error);
            String failure = finishedMessage(result, error);
            changes.publish(Kind.SYNCED, orgId, failure);
            listener.finished(orgId, failure);
        });
        return task::cancel;
    }

    /** One audit event per sync run, from the sync's thread; a locked app cannot record it (logged). */
    private void auditSync(String orgId, List<String> patients, SyncResult result, Throwable error) {
        try {
            ctx.openCache().ifPresentOrElse(c -> c.audit(AuditAction.SYNC, orgId, AuditDetails.onePatient(patients),
                    result != null ? AuditDetails.sync(result) : AuditDetails.FAILED, null),
                    () -> LOG.warn("A sync ended while ChartLens was locked; it is not in the audit log"));
        } catch (RuntimeException e) {
            LOG.warn("A sync could not be recorded in the audit log ({})", e.getClass().getSimpleName());
        }
    }

    private org.chartlens.sync.SyncListener adapter(String orgId, Listener listener) {
        return new org.chartlens.sync.SyncListener() {
            @Override
            public void progress(SyncProgress p) {
                double overall = p.patientsTotal() == 0 ? -1 : (double) p.patientsDone() / p.patientsTotal();
                changes.publish(Kind.SYNCING, orgId, progressLine(p));
                listener.progress(orgId, null, (int) p.stored(), overall);
                p.storedByType().forEach((type, n) -> listener.progress(orgId, type, n, overall));
            }
        };
    }

    /** "3 of 12 patients, 420 resources" (counts only, no PHI). */
    static String progressLine(SyncProgress p) {
        String resources = p.stored() + (p.stored() == 1 ? " resource" : " resources");
        return p.patientsTotal() == 0 ? resources
                : p.patientsDone() + " of " + p.patientsTotal() + (p.patientsTotal() == 1 ? " patient, " : " patients, ")
                + resources;
    }

    private static String finishedMessage(SyncResult result, Throwable error) {
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            return cause.getMessage() != null ? cause.getMessage() : "The sync stopped unexpectedly.";
        }
        if (result.cancelled()) {
            return "Sync cancelled; what was already downloaded is kept.";
        }
        return result.ok() ? null : result.summary();
    }

    @Override
    public PatientRef openDemo(Listener listener) throws Exception {
        ctx.startEmbeddedDemo(DEMO);
        if (ctx.organizations().added().stream().noneMatch(o -> o.id().equals(DEMO))) {
            saveOrganization(ctx.organizations().require(DEMO)); // from now on one of the user's organizations
        }
        // The embedded EHR is new in every run (its grants live in memory): always sign in afresh.
        signIn(DEMO, "view:welcome");
        DemoEhr ehr = ctx.embeddedDemo(DEMO).orElseThrow();
        String first = ehr.patientIds().get(0);
        Organization org = ctx.organization(DEMO);
        SyncResult r = track(ctx.sync(org).start(SyncRequest.patients(first), adapter(DEMO, listener))).await();
        auditSync(DEMO, r.patients(), r, null);
        changes.publish(Kind.SYNCED, DEMO, r.ok() ? null : finishedMessage(r, null));
        if (!r.ok()) {
            throw new IllegalStateException(finishedMessage(r, null));
        }
        // the chart opens now; the other demo patients follow in the background
        startSync(DEMO, null, listener);
        return new PatientRef(DEMO, first);
    }

    @Override
    public void openExternally(Path file) {
        try {
            Desktop.getDesktop().open(file.toFile());
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("The file could not be opened with this computer's viewer.", e);
        }
    }
}
