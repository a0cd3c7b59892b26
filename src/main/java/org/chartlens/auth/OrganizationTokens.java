package org.chartlens.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.chartlens.connect.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one organization, kept fresh: refreshed shortly before it expires, at most
 * one refresh in flight (callers that race share it, so two parallel 401s cause one refresh
 * request), a rotated refresh token saved to the secret store BEFORE the new access token is
 * handed out, the old refresh token kept when none is returned, and {@code invalid_grant} ending
 * the session with a calm "sign in again" (never a retry loop). Backend-services organizations
 * get a new token by a fresh signed assertion instead.
 *
 * <p>Thread safe. {@link #accessToken()} is cheap while the token is valid; a refresh is one HTTP
 * request plus one secret store write.
 */
public final class OrganizationTokens implements AccessTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(OrganizationTokens.class);
    static final Duration REFRESH_GRANT_WARNING = Duration.ofDays(7);

    private final Organization org;
    private final SessionStore store;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;
    private final RefreshLocks locks;

    private Session current;
    private boolean loaded;
    private CompletableFuture<Session> inFlight;
    private volatile String lastError;

    public OrganizationTokens(Organization org, SessionStore store, TokenEndpoint tokenEndpoint, Clock clock) {
        this(org, store, tokenEndpoint, clock, RefreshLocks.inProcess());
    }

    /** @param locks single-flight across processes (the data folder's lock files) */
    public OrganizationTokens(Organization org, SessionStore store, TokenEndpoint tokenEndpoint, Clock clock,
                              RefreshLocks locks) {
        this.org = org;
        this.store = store;
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
        this.locks = locks;
    }

    public Organization organization() {
        return org;
    }

    /**
     * The current session, loaded from the secret store on first use, and looked up again while
     * signed out (another process, e.g. {@code chartlens login}, may have signed in since).
     */
    public synchronized Optional<Session> session() {
        if (!loaded || current == null) {
            current = store.load(org.id()).filter(this::belongsToThisServer).orElse(null);
            loaded = true;
        }
        return Optional.ofNullable(current);
    }

    /**
     * A session signed in at another FHIR base (the organization was edited, or the demo EHR
     * restarted on another port) is not used: its token must not travel to this server.
     */
    private boolean belongsToThisServer(Session s) {
        if (org.fhirBase() == null || s.server() == null || s.server().fhirBase() == null) {
            return true;
        }
        boolean same = s.server().fhirBase().equals(org.fhirBase());
        if (!same) {
            LOG.info("The stored sign-in for {} belongs to another server address; sign in again", org.id());
        }
        return same;
    }

    /** Called after a successful sign-in (already saved by the sign-in). */
    synchronized void signedIn(Session s) {
        current = s;
        loaded = true;
        lastError = null;
    }

    synchronized void signedOut() {
        current = null;
        loaded = true;
    }

    public String lastError() {
        return lastError;
    }

    void recordError(String message) {
        lastError = message;
    }

    @Override
    public String accessToken() throws AuthException {
        Session s = session().orElseThrow(this::signInNeeded);
        if (s.accessTokenValidAt(clock.instant())) {
            return s.accessToken();
        }
        return refresh(s.accessToken()).accessToken();
    }

    @Override
    public String refreshAfterRejection(String rejectedToken) throws AuthException {
        return refresh(rejectedToken).accessToken();
    }

    private Session refresh(String staleToken) throws AuthException {
        CompletableFuture<Session> f;
        boolean mine = false;
        Session snapshot;
        synchronized (this) {
            snapshot = session().orElseThrow(this::signInNeeded);
            if (!snapshot.accessToken().equals(staleToken) && snapshot.accessTokenValidAt(clock.instant())) {
                return snapshot;
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                mine = true;
            }
            f = inFlight;
        }
        if (mine) {
            try {
                Session fresh = renew(snapshot);
                synchronized (this) {
                    current = fresh;
                    lastError = null;
                }
                f.complete(fresh);
            } catch (AuthException | RuntimeException e) {
                f.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    inFlight = null;
                }
            }
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AuthException a) {
                throw a;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * One renewal: by refresh token, or by a new client assertion for backend services. Runs
     * holding the organization's refresh lock, shared with other ChartLens processes on this data
     * folder; the stored session is read again under the lock, because another process (e.g.
     * {@code chartlens sync} next to the app) may have refreshed, and rotated the single-use
     * refresh token, in the meantime.
     */
    private Session renew(Session snapshot) throws AuthException {
        try (RefreshLocks.Held held = locks.acquire(org.id(), org.name())) {
            Optional<Session> stored = store.load(org.id()).filter(this::belongsToThisServer);
            if (stored.isEmpty()) {
                // Signed out meanwhile (or another process was told invalid_grant): never replay.
                synchronized (this) {
                    current = null;
                }
                throw fail(signInNeeded());
            }
            Session s = stored.get();
            if (!s.accessToken().equals(snapshot.accessToken()) && s.accessTokenValidAt(clock.instant())) {
                return s;
            }
            return renewHoldingTheLock(s);
        }
    }

    private Session renewHoldingTheLock(Session s) throws AuthException {
        if (s.flow() == Organization.Flow.BACKEND) {
            BackendKey key = store.backendKey(org.id()).orElseThrow(this::signInNeeded);
            TokenResponse r = tokenEndpoint.clientCredentials(s.server(),
                    new ClientAuthentication.PrivateKeyJwt(s.clientId(), key), s.requestedScopes(), org.name());
            Session fresh = s.withTokens(r, null, null);
            store.save(fresh);
            return fresh;
        }
        if (s.refreshToken() == null) {
            throw fail(signInNeeded());
        }
        TokenResponse r;
        try {
            r = tokenEndpoint.refresh(s.server(), clientAuthentication(s), s.refreshToken(), org.name());
        } catch (AuthException e) {
            if ("invalid_grant".equals(e.code())) {
                LOG.info("Refresh grant for {} is no longer valid; signing out locally", org.id());
                store.delete(org.id());
                synchronized (this) {
                    current = null;
                }
            }
            throw fail(e);
        }
        // A rotated refresh token continues the same grant: its end does not move (RefreshGrant).
        Instant grantEnd = RefreshGrant.end(r, s.refreshGrantExpiresAt(), s.signedInAt(), org);
        Session fresh = s.withTokens(r, s.refreshToken(), grantEnd);
        try {
            // Persist before use: a rotated refresh token that is lost would strand the user.
            store.save(fresh);
        } catch (SecretStoreException e) {
            throw fail(new AuthException("ChartLens could not save the renewed sign-in for " + org.name()
                    + ": " + e.getMessage(), "storage_failed", e));
        }
        return fresh;
    }

    private ClientAuthentication clientAuthentication(Session s) {
        if (s.flow() == Organization.Flow.SECRET) {
            Optional<char[]> secret = store.clientSecret(org.id());
            if (secret.isPresent()) {
                return new ClientAuthentication.Secret(s.clientId(), secret.get());
            }
        }
        return new ClientAuthentication.Public(s.clientId());
    }

    private AuthException fail(AuthException e) {
        lastError = e.getMessage();
        return e;
    }

    private AuthException signInNeeded() {
        return new AuthException("You are not signed in to " + org.name() + ". Please sign in to " + org.name()
                + " again.", "login_required", null);
    }

    /** A warning when the refresh grant ends within a week, else null. */
    public Optional<String> refreshGrantWarning() {
        return session().flatMap(s -> warningFor(s, org.name(), clock.instant()));
    }

    static Optional<String> warningFor(Session s, String orgName, Instant now) {
        Instant end = s.refreshGrantExpiresAt();
        if (end == null || s.refreshToken() == null) {
            return Optional.empty();
        }
        if (now.isAfter(end)) {
            return Optional.of("Your sign-in at " + orgName + " has run out. Please sign in again.");
        }
        if (Duration.between(now, end).compareTo(REFRESH_GRANT_WARNING) <= 0) {
            long days = Math.max(0, Duration.between(now, end).toDays());
            return Optional.of("Your sign-in at " + orgName + " runs out in " + (days == 0 ? "less than a day"
                    : days + (days == 1 ? " day" : " days")) + ". Sign in again before then to keep syncing.");
        }
        return Optional.empty();
    }
}
