package org.chartlens.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.chartlens.auth.AuthSessions;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.SecretStore;
import org.chartlens.auth.SecretStores;
import org.chartlens.connect.DemoEhrAddress;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.FhirJson;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.AuditAction;
import org.chartlens.store.ChartCache;
import org.chartlens.sync.ChartSync;

/**
 * The composition root: the one place that turns a data folder into the app's services
 * (organizations, secret store, sign-in sessions, the encrypted cache, per-organization HTTP
 * clients and syncs, and the embedded demo EHR when the app runs it itself). CLI commands, the
 * desktop app, the benchmark and the self-test all start here.
 *
 * <p>Thread safe. Services are created lazily on first use (the cache key needs the secret store,
 * which may need a passphrase), so constructing a context costs nothing.
 */
public final class ChartLensContext implements AutoCloseable {
    /** The cache file's name inside the data folder. */
    public static final String CACHE_FILE = "cache.db";
    /** The secret-store entry holding the cache's 256-bit key. */
    public static final String CACHE_KEY = "cache-key";
    /** The environment variable naming the reviewer recorded in the audit log (optional). */
    public static final String REVIEWER_ENV = "CHARTLENS_REVIEWER";

    private final Path dataDir;
    private final PassphraseSource passphrase;
    private final Map<String, String> env;
    private volatile SecretStore secrets;
    private final Map<String, URI> embeddedBases = new ConcurrentHashMap<>();
    private final Map<String, DemoEhr> embedded = new ConcurrentHashMap<>();
    private final Map<String, FhirHttp> http = new ConcurrentHashMap<>();
    private volatile OrganizationDirectory organizations;
    private volatile AuthSessions auth;
    private volatile ChartCache cache;
    private volatile String auditSource;
    private volatile Consumer<ChartCache> onCacheOpened = c -> { };

    public ChartLensContext(Path dataDir, PassphraseSource passphrase, Map<String, String> env) {
        this.dataDir = DataDirectory.ensureOwnerOnly(dataDir);
        this.passphrase = passphrase;
        this.env = Map.copyOf(env);
        this.secrets = SecretStores.lazy(this.dataDir, passphrase, this.env);
    }

    /** For commands: the passphrase from {@code CHARTLENS_PASSPHRASE} or the console. */
    public static ChartLensContext forCommandLine(Path dataDir) {
        Map<String, String> env = System.getenv();
        return new ChartLensContext(dataDir, PassphraseSource.fromEnvironmentOrConsole(env), env);
    }

    /**
     * For one command: as {@link #forCommandLine(Path)}, with audit events recorded from
     * {@code cli:<command>} and, once per process and data folder, a line on stderr when the
     * audit log was tampered with ({@link AuditStartCheck}; not for the {@code audit} commands,
     * which show it themselves).
     */
    public static ChartLensContext forCommandLine(Path dataDir, String command) {
        ChartLensContext ctx = forCommandLine(dataDir);
        ctx.auditSource("cli:" + command);
        if (!command.startsWith("audit")) {
            ctx.onCacheOpened = cache -> AuditStartCheck.warnOnce(ctx.dataDir, cache, System.err);
        }
        return ctx;
    }

    /**
     * The command or view recorded with this context's audit events ("cli:sync", "desktop"):
     * applied to the cache now and whenever it is opened again.
     */
    public void auditSource(String commandOrView) {
        this.auditSource = commandOrView;
        ChartCache open = cache;
        if (open != null) {
            open.auditSource(commandOrView);
        }
    }

    /**
     * Starts the slow steps of opening the cache on other threads while the caller reads its
     * settings and builds its HTTP client (issue 21, the cold {@code chartlens sync}): the secret
     * store's passphrase key derivation (PBKDF2, 600,000 iterations, unchanged) with the cache key,
     * and SQLite's native library. Only when the passphrase comes from the environment: a console
     * prompt stays on the caller's thread. A failure here is not reported: the first real use
     * repeats the step and reports it as before. Returns at once.
     */
    public void prepareCacheInBackground() {
        String pass = env.get(PassphraseSource.ENV);
        ChartCache.loadLibraryInBackground();
        if (pass == null || pass.isEmpty()) {
            return;
        }
        SecretStore store = secrets();
        Thread t = new Thread(() -> {
            try {
                java.util.Arrays.fill(store.getOrCreateKey(CACHE_KEY), (byte) 0);
            } catch (RuntimeException e) {
                // reported by the first real use (cache(), auth())
            }
        }, "secrets-open");
        t.setDaemon(true);
        t.start();
    }

    /** Records one audit event from this context's source (opens the cache if needed). Blocking. */
    public void audit(AuditAction action, String org, String patientId, String detail) {
        cache().audit(action, org, patientId, detail, auditSource);
    }

    /** The cache when it is open (not locked, already used), without opening it. */
    public synchronized Optional<ChartCache> openCache() {
        return Optional.ofNullable(cache);
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized SecretStore secrets() {
        return secrets;
    }

    public synchronized OrganizationDirectory organizations() {
        if (organizations == null) {
            organizations = OrganizationDirectory.open(dataDir);
        }
        return organizations;
    }

    public synchronized AuthSessions auth() {
        if (auth == null) {
            auth = new AuthSessions(secrets(), dataDir);
        }
        return auth;
    }

    /**
     * The encrypted cache, opened with its key from the secret store (created on first use); the
     * audit chain's head is kept in the secret store too ({@link SecretStoreAuditHead}).
     */
    public synchronized ChartCache cache() {
        if (cache == null) {
            SecretStore store = secrets();
            // the store itself, not this::secrets: the cache calls it under its write lock, and
            // lock() holds this context's monitor while it waits for that lock to close the cache
            cache = ChartCache.open(dataDir.resolve(CACHE_FILE), store.getOrCreateKey(CACHE_KEY),
                    new SecretStoreAuditHead(store));
            cache.auditSource(auditSource);
            cache.auditReviewer(reviewerName());
            onCacheOpened.accept(cache);
        }
        return cache;
    }

    /** The reviewer's display name for the audit log, from {@link #REVIEWER_ENV}; null when unset. */
    static String reviewer(Map<String, String> env) {
        String name = env.get(REVIEWER_ENV);
        return name == null || name.isBlank() ? null : name.strip();
    }

    /**
     * The reviewer's chosen name (issue 17): {@link #REVIEWER_ENV}, else the name picked in
     * Settings ({@code reviewerName} in settings.json); null when neither ({@link Reviews#reviewer}
     * then uses the OS user).
     */
    public String reviewerName() {
        String env = reviewer(this.env);
        return env != null ? env : DesktopSettings.reviewerName(dataDir);
    }

    /**
     * Replaces a damaged cache with a new, empty one: the cache is closed, the damaged file (with
     * its WAL and shared memory) moved aside as {@code cache.db.damaged-<timestamp>}, never
     * deleted, and a new cache opened with the same key. The audit head kept in the secret store
     * makes the new log start with an "audit-restarted" event; the rebuild itself is audited as
     * "cache-rebuilt". Syncing the organizations again is the caller's part. Returns the file the
     * damaged cache was moved to, or null when there was none.
     */
    public synchronized Path rebuildCache(String source) throws java.io.IOException {
        if (cache != null) {
            cache.close();
            cache = null;
        }
        Path aside = ChartCache.moveAside(dataDir.resolve(CACHE_FILE), java.time.Instant.now());
        cache().audit(AuditAction.CACHE_REBUILT, null, null,
                aside == null ? "no previous cache file" : "damaged file kept as " + aside.getFileName(), source);
        return aside;
    }

    /**
     * The organization by id, with its FHIR base filled in when the demo EHR serves it: the one
     * this process started ({@link #startEmbeddedDemo}), else a {@code chartlens sandbox} running
     * for this data folder.
     *
     * @throws IllegalArgumentException naming the known organizations when the id is unknown
     * @throws IllegalStateException when a demo organization's EHR is not running
     */
    public Organization organization(String id) {
        Organization org = organizations().require(id);
        if (org.sandboxProfile() == null) {
            return org;
        }
        URI base = embeddedBases.get(org.sandboxProfile());
        return base != null ? org.withFhirBase(base) : DemoEhrAddress.resolve(org, dataDir);
    }

    /**
     * The HTTP client of one organization (one per organization, shared by its syncs), with the
     * request and sync deadlines of {@code settings.json} ({@link NetworkSettings}).
     */
    public FhirHttp fhir(Organization org) {
        return http.compute(org.id(), (id, existing) ->
                existing != null && existing.base().equals(org.fhirBase()) ? existing
                        : new FhirHttp(org, auth().tokens(org),
                                NetworkSettings.read(dataDir).applyTo(FhirHttp.Options.defaults()), new FhirJson()));
    }

    public ChartSync sync(Organization org) {
        return new ChartSync(fhir(org), cache());
    }

    /**
     * Starts the embedded demo EHR for {@code profile} inside this process (the desktop app does
     * this for the demo organization) unless it already runs; returns its FHIR base.
     */
    public URI startEmbeddedDemo(String profile) {
        DemoEhr ehr = embedded.computeIfAbsent(profile, p -> DemoEhr.start(
                SandboxOptions.builder().profile(p).autoApprove(true).build()));
        embeddedBases.put(profile, ehr.fhirBase());
        return ehr.fhirBase();
    }

    public Optional<DemoEhr> embeddedDemo(String profile) {
        return Optional.ofNullable(embedded.get(profile));
    }

    /**
     * Drops every key and token this context holds in memory (auto-lock): the cache is closed,
     * sign-in sessions and HTTP clients forgotten, and the secret store re-opened lazily, so the
     * next use needs the passphrase again. Cached data and stored sign-ins stay on disk.
     */
    public synchronized void lock() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
        auth = null;
        http.clear();
        secrets = SecretStores.lazy(dataDir, passphrase, env);
    }

    @Override
    public synchronized void close() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
        embedded.values().forEach(DemoEhr::close);
        embedded.clear();
        embeddedBases.clear();
    }
}
