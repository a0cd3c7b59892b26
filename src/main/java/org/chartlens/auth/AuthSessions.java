package org.chartlens.auth;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chartlens.connect.DocumentedEndpoints;
import org.chartlens.connect.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in side of ChartLens for the app, the CLI and the UI: one {@link OrganizationTokens}
 * (an {@link AccessTokenSource}) per organization, sign-in by each flow, sign-out with
 * revocation, and the status the Organizations panel shows. Thread safe; create one per
 * process (the composition root does).
 */
public final class AuthSessions {
    private static final Logger LOG = LoggerFactory.getLogger(AuthSessions.class);

    private final SessionStore store;
    private final SmartSignIn signIn;
    private final Clock clock;
    private final RefreshLocks locks;
    private final Map<String, OrganizationTokens> tokens = new ConcurrentHashMap<>();

    /**
     * @param locks how refreshes are kept to one per grant across processes: {@link
     *              RefreshLocks#inFolder} for a data folder that other ChartLens processes share
     */
    public AuthSessions(SecretStore secrets, HttpClient http, Clock clock, RefreshLocks locks) {
        this.store = new SessionStore(secrets);
        this.signIn = new SmartSignIn(http, store, clock);
        this.clock = clock;
        this.locks = locks;
    }

    public AuthSessions(SecretStore secrets, HttpClient http, Clock clock) {
        this(secrets, http, clock, RefreshLocks.inProcess());
    }

    /** Sessions kept in {@code secrets}, for this process only (no other process shares them). */
    public AuthSessions(SecretStore secrets) {
        this(secrets, TransportPolicy.newHttpClient(), Clock.systemUTC());
    }

    /** Sessions of the data folder {@code dataDir}, which other ChartLens processes may share. */
    public AuthSessions(SecretStore secrets, java.nio.file.Path dataDir) {
        this(secrets, TransportPolicy.newHttpClient(), Clock.systemUTC(), RefreshLocks.inFolder(dataDir));
    }

    /**
     * The sessions for a data folder: the OS secret store, else {@code <data dir>/secrets.bin}
     * unlocked with {@code CHARTLENS_PASSPHRASE} or a console prompt, opened on first use.
     */
    public static AuthSessions forDataDirectory(java.nio.file.Path dataDir, Map<String, String> env) {
        return new AuthSessions(SecretStores.lazy(dataDir, PassphraseSource.fromEnvironmentOrConsole(env), env), dataDir);
    }

    public SessionStore sessionStore() {
        return store;
    }

    public SmartSignIn signIn() {
        return signIn;
    }

    /** The token source the fhir layer uses for {@code org}. */
    public OrganizationTokens tokens(Organization org) {
        // The demo organization is asked for both with and without its run-time FHIR base: a call
        // without a base reuses the current token source; a new base gets a new one (keeping the
        // last error), so a token never follows an organization to another server.
        return tokens.compute(org.id(), (id, existing) -> {
            if (existing != null && (existing.organization().equals(org) || org.fhirBase() == null)) {
                return existing;
            }
            OrganizationTokens fresh = new OrganizationTokens(org, store, signIn.tokenEndpoint(), clock, locks);
            if (existing != null && existing.lastError() != null) {
                fresh.recordError(existing.lastError());
            }
            return fresh;
        });
    }

    public Optional<Session> session(Organization org) {
        return tokens(org).session();
    }

    /** Discovery (with the documented fallback) for an organization. */
    public SmartConfiguration discover(Organization org, DocumentedEndpoints documented) throws AuthException {
        try {
            return signIn.discover(org, documented);
        } catch (AuthException e) {
            tokens(org).recordError(e.getMessage());
            throw e;
        }
    }

    /** Browser sign-in (PKCE, with a secret where one is stored). */
    public Session signInWithBrowser(Organization org, DocumentedEndpoints documented, Browser browser,
                                     Duration timeout) throws AuthException {
        return record(org, () -> signIn.signInWithBrowser(org, discover(org, documented), browser, timeout));
    }

    /**
     * Registers a sign-in that a {@link BrowserSignIn} completed (UI path with Cancel). A cancelled
     * attempt is the user's choice, not the organization's last error: it is not recorded.
     */
    public Session completed(Organization org, BrowserSignIn attempt, Duration timeout) throws AuthException {
        try {
            Session s = attempt.complete(timeout);
            tokens(org).signedIn(s);
            return s;
        } catch (AuthException e) {
            if (!"cancelled".equals(e.code())) {
                tokens(org).recordError(e.getMessage());
            }
            throw e;
        }
    }

    public Session signInBackend(Organization org, DocumentedEndpoints documented) throws AuthException {
        return record(org, () -> signIn.signInBackend(org, discover(org, documented)));
    }

    public Session signInWithPassword(Organization org, DocumentedEndpoints documented, String user, char[] password)
            throws AuthException {
        return record(org, () -> signIn.signInWithPassword(org, discover(org, documented), user, password));
    }

    private interface Attempt {
        Session run() throws AuthException;
    }

    private Session record(Organization org, Attempt a) throws AuthException {
        OrganizationTokens t = tokens(org);
        try {
            Session s = a.run();
            t.signedIn(s);
            return s;
        } catch (AuthException e) {
            t.recordError(e.getMessage());
            throw e;
        }
    }

    /**
     * Signs out: revokes the refresh token (and access token) where the server offers revocation,
     * then forgets the session. Returns true when the server confirmed a revocation.
     */
    public boolean signOut(Organization org) {
        OrganizationTokens t = tokens(org);
        Optional<Session> s = store.load(org.id());
        boolean revoked = false;
        if (s.isPresent() && s.get().server() != null && s.get().server().offersRevocation()) {
            Session session = s.get();
            ClientAuthentication auth = session.flow() == Organization.Flow.BACKEND ? null
                    : signIn.clientAuthentication(org.withClientId(session.clientId()));
            if (auth != null) {
                if (session.refreshToken() != null) {
                    revoked = signIn.tokenEndpoint().revoke(session.server(), auth, session.refreshToken(), "refresh_token");
                }
                revoked |= signIn.tokenEndpoint().revoke(session.server(), auth, session.accessToken(), "access_token");
            }
        }
        store.delete(org.id());
        t.signedOut();
        LOG.info("Signed out of {} (revoked at server: {})", org.id(), revoked);
        return revoked;
    }

    /** fhirUser relative to the FHIR base when it is on it ("Practitioner/123"), else the subject. */
    static String signedInAs(Session x) {
        String who = x.fhirUser();
        if (who == null) {
            return x.subject();
        }
        String base = x.server() == null || x.server().fhirBase() == null ? null : x.server().fhirBase() + "/";
        return base != null && who.startsWith(base) ? who.substring(base.length()) : who;
    }

    /** The panel's view of one organization. */
    public SignInStatus status(Organization org) {
        OrganizationTokens t = tokens(org);
        Optional<Session> s;
        String error = t.lastError();
        try {
            s = t.session();
        } catch (SecretStoreException e) {
            s = Optional.empty();
            error = e.getMessage();
        }
        if (s.isEmpty()) {
            return new SignInStatus(org.id(), org.flow(), false, null, null, null, null, null, null, error,
                    null, false, SignInStatus.flowNote(org));
        }
        Session x = s.get();
        return new SignInStatus(org.id(), x.flow(), true, signedInAs(x),
                x.grantedScopes(), x.refusedScopes(), x.accessTokenExpiresAt(), x.refreshGrantExpiresAt(),
                OrganizationTokens.warningFor(x, org.name(), clock.instant()).orElse(null), error, x.patient(),
                x.needPatientBanner(), SignInStatus.flowNote(org));
    }
}
