package org.chartlens.app;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chartlens.auth.AuthException;
import org.chartlens.auth.Browser;
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
import org.chartlens.ui.port.CacheAuditPort;
import org.chartlens.ui.port.DemoPort;
import org.chartlens.ui.port.OrganizationStatus;
import org.chartlens.ui.port.OrganizationsPort;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.SignInPort;
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

    private final ChartLensContext ctx;
    private final DesktopLock lock;
    private final DesktopSettings settings;

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
        this.lock = new DesktopLock(dir, env, passphrase, ctx, settings::applyRetention);
    }

    private boolean locked() {
        return lock.isLocked();
    }

    /** Every port of the desktop app, for the UI. */
    public ShellPorts ports() {
        return new ShellPorts(lock, this, this, this, this, settings, lock, this, new CacheAuditPort(lock::cache));
    }

    public ChartLensContext context() {
        return ctx;
    }

    @Override
    public List<Organization> organizations() {
        return ctx.organizations().list();
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
        return ctx.organizations().save(org);
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

    private OrganizationStatus signIn(String orgId, String source) throws Exception {
        Organization org = resolved(orgId);
        Duration timeout = Duration.ofMinutes(5);
        switch (org.flow()) {
            case BACKEND -> ctx.auth().signInBackend(org, null);
            case PASSWORD -> throw new AuthException("This organization uses the password flow: sign in from the "
                    + "command line with 'chartlens login " + orgId + "' (the password is never stored).");
            default -> {
                // The embedded demo EHR approves at once; no browser window is needed for it.
                Browser browser = org.sandboxProfile() != null ? new ScriptedBrowser() : Browser.system();
                ctx.auth().signInWithBrowser(org, null, browser, timeout);
            }
        }
        ctx.cache().audit(AuditAction.SIGN_IN, orgId, null, "flow=" + org.flow().name().toLowerCase(Locale.ROOT), source);
        return status(orgId);
    }

    @Override
    public void signOut(String orgId) {
        ctx.auth().signOut(ctx.organizations().require(orgId));
        ctx.cache().audit(AuditAction.SIGN_OUT, orgId, null, null, "view:organizations");
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
        ChartSync.SyncTask task = ctx.sync(org).start(request, adapter(orgId, listener));
        List<String> asked = request.patientIds();
        task.future().whenComplete((result, error) -> {
            auditSync(orgId, result != null ? result.patients() : asked, result, error);
            listener.finished(orgId, finishedMessage(result, error));
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

    private static org.chartlens.sync.SyncListener adapter(String orgId, Listener listener) {
        return new org.chartlens.sync.SyncListener() {
            @Override
            public void progress(SyncProgress p) {
                double overall = p.patientsTotal() == 0 ? -1 : (double) p.patientsDone() / p.patientsTotal();
                listener.progress(orgId, null, (int) p.stored(), overall);
                p.storedByType().forEach((type, n) -> listener.progress(orgId, type, n, overall));
            }
        };
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
        // The embedded EHR is new in every run (its grants live in memory): always sign in afresh.
        signIn(DEMO, "view:welcome");
        DemoEhr ehr = ctx.embeddedDemo(DEMO).orElseThrow();
        String first = ehr.patientIds().get(0);
        Organization org = ctx.organization(DEMO);
        SyncResult r = ctx.sync(org).run(SyncRequest.patients(first), adapter(DEMO, listener));
        auditSync(DEMO, r.patients(), r, null);
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
