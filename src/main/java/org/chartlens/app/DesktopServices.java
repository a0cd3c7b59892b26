package org.chartlens.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.chartlens.auth.AuthException;
import org.chartlens.auth.Browser;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.SecretStoreException;
import org.chartlens.auth.SecretStores;
import org.chartlens.auth.Session;
import org.chartlens.auth.SignInStatus;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.OrganizationPreset;
import org.chartlens.domain.UnitSystem;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.store.ChartStore;
import org.chartlens.sync.ChartSync;
import org.chartlens.sync.SyncProgress;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;
import org.chartlens.ui.shell.AppServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's services, over the composition root. Thread safe; blocking methods are
 * called by the UI from its background executor only.
 */
public final class DesktopServices implements AppServices {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopServices.class);
    private static final String DEMO = "demo";

    private final Path dataDir;
    private final PassphraseHolder passphrase;
    private final ChartLensContext ctx;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private volatile boolean locked;
    /** A passphrase (not an OS secret store) protects the secrets; decided once at start. */
    private final boolean usesPassphrase;
    /** The shortest passphrase ChartLens accepts when one is first chosen. */
    static final int MIN_PASSPHRASE = 8;

    /** The passphrase as the user typed it in the unlock screen; cleared on lock. */
    static final class PassphraseHolder implements PassphraseSource {
        private final AtomicReference<char[]> value = new AtomicReference<>();

        @Override
        public char[] passphrase(boolean creating) {
            char[] v = value.get();
            if (v == null) {
                throw new SecretStoreException("ChartLens is locked: unlock it with your passphrase.", null);
            }
            return v.clone();
        }

        void set(char[] p) {
            clear();
            value.set(p.clone());
        }

        void clear() {
            char[] old = value.getAndSet(null);
            if (old != null) {
                java.util.Arrays.fill(old, '\0');
            }
        }
    }

    public DesktopServices(Path dataDir, Map<String, String> env) {
        this.dataDir = DataDirectory.ensureOwnerOnly(dataDir);
        this.passphrase = new PassphraseHolder();
        String envPass = env.get(PassphraseSource.ENV);
        if (envPass != null && !envPass.isEmpty()) {
            passphrase.set(envPass.toCharArray());
        }
        this.ctx = new ChartLensContext(this.dataDir, passphrase, env);
        this.usesPassphrase = usesPassphrase(this.dataDir, env);
    }

    /**
     * Whether secrets live in the passphrase-wrapped file: it exists already, or the user forced
     * it, or (first run) no OS secret store answers.
     */
    private static boolean usesPassphrase(Path dataDir, Map<String, String> env) {
        if (Files.exists(dataDir.resolve(SecretStores.FILE_NAME))) {
            return true;
        }
        if (Files.exists(dataDir.resolve("secrets-keyring.bin"))) {
            return false;
        }
        String choice = env.getOrDefault(SecretStores.ENV, "auto");
        if (choice.equalsIgnoreCase("file")) {
            return true;
        }
        if (choice.equalsIgnoreCase("keyring")) {
            return false;
        }
        return org.chartlens.auth.OsKeyringSecretStore.probe(dataDir, Duration.ofSeconds(5)).isEmpty();
    }

    public ChartLensContext context() {
        return ctx;
    }

    @Override
    public ChartStore store() {
        if (locked) {
            throw new IllegalStateException("ChartLens is locked.");
        }
        return ctx.cache();
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
        ctx.cache().audit("sign-in", orgId, null, null);
        return status(orgId);
    }

    @Override
    public void signOut(String orgId) {
        ctx.auth().signOut(ctx.organizations().require(orgId));
        ctx.cache().audit("sign-out", orgId, null, null);
    }

    @Override
    public SyncHandle startSync(String orgId, String patientId, SyncListener listener) {
        Organization org = resolved(orgId);
        SyncRequest request = patientId != null ? SyncRequest.patients(patientId) : SyncRequest.everyone();
        Session session = ctx.auth().session(org).orElse(null);
        if (session != null) {
            request = request.withScopes(new java.util.HashSet<>(session.grantedScopes()));
            if (patientId == null && session.patient() != null) {
                request = request.withContextPatient(session.patient());
            }
        }
        ChartSync.SyncTask task = ctx.sync(org).start(request, adapter(orgId, listener));
        task.future().whenComplete((result, error) -> listener.finished(orgId, finishedMessage(result, error)));
        return task::cancel;
    }

    private static org.chartlens.sync.SyncListener adapter(String orgId, SyncListener listener) {
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
    public PatientRef openDemo(SyncListener listener) throws Exception {
        ctx.startEmbeddedDemo(DEMO);
        // The embedded EHR is new in every run (its grants live in memory): always sign in afresh.
        signIn(DEMO);
        DemoEhr ehr = ctx.embeddedDemo(DEMO).orElseThrow();
        String first = ehr.patientIds().get(0);
        Organization org = ctx.organization(DEMO);
        SyncResult r = ctx.sync(org).run(SyncRequest.patients(first), adapter(DEMO, listener));
        if (!r.ok()) {
            throw new IllegalStateException(finishedMessage(r, null));
        }
        // the chart opens now; the other demo patients follow in the background
        startSync(DEMO, null, listener);
        return new PatientRef(DEMO, first);
    }

    @Override
    public Settings settings() {
        Path file = dataDir.resolve("settings.json");
        if (Files.isRegularFile(file)) {
            try {
                SettingsFile s = json.readValue(file.toFile(), SettingsFile.class);
                return new Settings(s.units == null ? UnitSystem.METRIC : s.units, s.darkTheme,
                        s.autoLockMinutes, s.retentionDays, dataDir);
            } catch (IOException e) {
                LOG.warn("settings.json could not be read; defaults used");
            }
        }
        return Settings.defaults(dataDir);
    }

    @Override
    public void saveSettings(Settings settings) {
        SettingsFile s = new SettingsFile();
        s.units = settings.units();
        s.darkTheme = settings.darkTheme();
        s.autoLockMinutes = settings.autoLockMinutes();
        s.retentionDays = settings.retentionDays();
        NetworkSettings network = NetworkSettings.read(dataDir); // set in the file only: kept as they are
        s.requestDeadlineSeconds = network.requestDeadlineSeconds();
        s.syncDeadlineMinutes = network.syncDeadlineMinutes();
        try {
            Path tmp = dataDir.resolve("settings.json.tmp");
            json.writeValue(tmp.toFile(), s);
            Files.move(tmp, dataDir.resolve("settings.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Settings could not be saved in " + dataDir, e);
        }
        if (!locked) {
            ctx.cache().audit("settings-changed", null, null, null);
            applyRetention(settings.retentionDays());
        }
    }

    /** Removes cached data older than the retention period (0 keeps everything). */
    private void applyRetention(int days) {
        if (days > 0) {
            int removed = ctx.cache().purgeOlderThan(days, java.time.Instant.now());
            LOG.info("Retention: removed {} cached resources older than {} days", removed, days);
        }
    }

    /** The settings file's shape (no PHI, no secrets). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public static final class SettingsFile {
        public UnitSystem units;
        public boolean darkTheme;
        public int autoLockMinutes = 10;
        public int retentionDays;
        /** See {@link NetworkSettings}. */
        public Integer requestDeadlineSeconds;
        public Integer syncDeadlineMinutes;
    }

    @Override
    public Path dataDirectory() {
        return dataDir;
    }

    @Override
    public boolean hasPassphrase() {
        return usesPassphrase;
    }

    @Override
    public boolean passphraseIsNew() {
        return usesPassphrase && !Files.exists(dataDir.resolve(SecretStores.FILE_NAME));
    }

    @Override
    public void lock() {
        locked = true;
        passphrase.clear();
        ctx.lock();
    }

    @Override
    public boolean unlock(char[] typed) {
        if (passphraseIsNew() && typed.length < MIN_PASSPHRASE) {
            return false;
        }
        passphrase.set(typed);
        try {
            ctx.secrets().getOrCreateKey(ChartLensContext.CACHE_KEY);
            ctx.cache();
            locked = false;
            applyRetention(settings().retentionDays());
            return true;
        } catch (SecretStoreException e) {
            passphrase.clear();
            ctx.lock();
            return false;
        }
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
