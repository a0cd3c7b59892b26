package org.chartlens.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.chartlens.connect.DocumentedEndpoints;
import org.chartlens.connect.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs in to an organization by its flow: authorization code + PKCE in the system browser
 * (public, or with a per-install client secret), backend services (signed assertion), or the
 * password grant where the preset documents it. The result is checked (token response,
 * id_token), saved in the secret store and returned. Thread safe; several sign-ins may run at
 * once (each has its own state, PKCE pair and loopback port).
 */
public final class SmartSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(SmartSignIn.class);

    private final SessionStore store;
    private final SmartDiscovery discovery;
    private final TokenEndpoint tokenEndpoint;
    private final IdTokenValidator idTokens;
    private final PendingLogins pending = new PendingLogins();
    private final Clock clock;

    public SmartSignIn(HttpClient http, SessionStore store, Clock clock) {
        this.store = store;
        this.discovery = new SmartDiscovery(http);
        this.tokenEndpoint = new TokenEndpoint(http, clock);
        this.idTokens = new IdTokenValidator(http, clock);
        this.clock = clock;
    }

    PendingLogins pendingLogins() {
        return pending;
    }

    public TokenEndpoint tokenEndpoint() {
        return tokenEndpoint;
    }

    /**
     * The organization's authorization server: SMART discovery, else (unless the vendor requires
     * discovery) the endpoints from its documents.
     */
    public SmartConfiguration discover(Organization org, DocumentedEndpoints documented) throws AuthException {
        if (org.fhirBase() == null) {
            throw new AuthException(org.name() + " has no FHIR server address yet. Enter the address your "
                    + "organization gave you.", "no_fhir_base", null);
        }
        try {
            return discovery.discover(org.fhirBase());
        } catch (AuthException e) {
            if (documented == null || documented.tokenEndpoint() == null
                    || org.has(Organization.Quirk.DISCOVERY_REQUIRED)
                    || "insecure_transport".equals(e.code()) || "tls_failed".equals(e.code())) {
                throw e;
            }
            LOG.info("Discovery failed for {}; using the documented endpoints", org.id());
            URI base = org.fhirBase();
            return SmartConfiguration.documented(base,
                    documented.authorizationEndpoint() == null ? null
                            : TransportPolicy.requireSecure(documented.authorizationEndpoint(), "authorization endpoint"),
                    TransportPolicy.requireSecure(documented.tokenEndpoint(), "token endpoint"));
        }
    }

    /** Opens the loopback listener and prepares the authorize URL; show it with a {@link Browser}. */
    public BrowserSignIn begin(Organization org, SmartConfiguration server) throws AuthException {
        requireClientId(org);
        if (server.authorizationEndpoint() == null) {
            throw new AuthException(org.name() + " does not offer a browser sign-in.", "unsupported_response_type", null);
        }
        TransportPolicy.requireSecure(server.authorizationEndpoint(), "authorization endpoint");
        TransportPolicy.requireSecure(server.tokenEndpoint(), "token endpoint");
        LoopbackRedirect redirect = LoopbackRedirect.open();
        PendingLogin login = pending.add(PendingLogin.start(org.id(), server, org.clientId(), redirect.redirectUri(),
                org.scopes()));
        redirect.check(params -> PendingLogins.mismatch(login, params));
        return new BrowserSignIn(this, org, login, redirect);
    }

    Session finish(BrowserSignIn attempt, Map<String, String> callback) throws AuthException {
        Organization org = attempt.organization();
        String state = callback.get("state");
        if (state != null && !state.equals(attempt.login().state())) {
            // Never consume another sign-in's pending login through this one's listener.
            pending.discard(attempt.login());
            throw new AuthException("ChartLens refused the sign-in response because its state does not belong to "
                    + "this sign-in. Nothing was signed in; please try again.", "invalid_callback", null);
        }
        PendingLogins.Accepted accepted = pending.accept(callback, org.name());
        if (accepted.login() != attempt.login()) {
            throw new AuthException("ChartLens refused the sign-in response: it belongs to another sign-in.",
                    "invalid_callback", null);
        }
        TokenResponse r = tokenEndpoint.exchangeCode(accepted, clientAuthentication(org), org.name());
        return save(sessionFrom(org, accepted.login().server(), r, accepted.login().nonce()));
    }

    /** The whole browser flow: begin, show the URL, wait for the callback, finish. */
    public Session signInWithBrowser(Organization org, SmartConfiguration server, Browser browser, Duration timeout)
            throws AuthException {
        BrowserSignIn attempt = begin(org, server);
        try {
            browser.open(attempt.authorizationUrl());
            return attempt.complete(timeout);
        } catch (AuthException | RuntimeException e) {
            attempt.cancel();
            throw e;
        }
    }

    /** Backend services: client_credentials with a fresh RS384/ES384 assertion. */
    public Session signInBackend(Organization org, SmartConfiguration server) throws AuthException {
        requireClientId(org);
        BackendKey key = store.backendKeyOrCreate(org.id());
        TokenResponse r = tokenEndpoint.clientCredentials(server,
                new ClientAuthentication.PrivateKeyJwt(org.clientId(), key), org.scopes(), org.name());
        return save(sessionFrom(org, server, r, null));
    }

    /**
     * The password grant, only for organizations whose preset documents it. The password is sent
     * once and wiped; it is never stored.
     */
    public Session signInWithPassword(Organization org, SmartConfiguration server, String username, char[] password)
            throws AuthException {
        try {
            if (!org.passwordGrantAllowed()) {
                throw new AuthException("ChartLens does not send passwords to " + org.name() + ": the password flow "
                        + "is allowed only where the vendor's documents require it.", "unauthorized_client", null);
            }
            // no client id required: CareCloud's documented request has none (grant_type, Username, Password)
            TokenResponse r = tokenEndpoint.password(server, new ClientAuthentication.Public(org.clientId()),
                    username, password, org.scopes(), org.name());
            return save(sessionFrom(org, server, r, null));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Public client unless the user entered a per-install secret (a shipped secret is no secret). */
    ClientAuthentication clientAuthentication(Organization org) {
        if (org.flow() == Organization.Flow.SECRET) {
            Optional<char[]> secret = store.clientSecret(org.id());
            if (secret.isPresent()) {
                return new ClientAuthentication.Secret(org.clientId(), secret.get());
            }
            LOG.info("No client secret stored for {}; signing in as a public client with PKCE", org.id());
        }
        return new ClientAuthentication.Public(org.clientId());
    }

    private Session save(Session s) {
        store.save(s);
        return s;
    }

    Session sessionFrom(Organization org, SmartConfiguration server, TokenResponse r, String nonce) throws AuthException {
        String subject = null;
        String fhirUser = r.fhirUser();
        boolean wantsIdToken = org.scopes().contains("openid");
        if (r.idToken() != null) {
            if (server.issuer() != null && server.jwksUri() != null) {
                JWTClaimsSet claims = idTokens.validate(r.idToken(), server, org.clientId(), nonce);
                subject = claims.getSubject();
                Object fu = claims.getClaim("fhirUser");
                if (fu instanceof String s && !s.isBlank()) {
                    fhirUser = s;
                }
            } else if (org.has(Organization.Quirk.PATIENT_FROM_ID_TOKEN_SUB)) {
                throw new AuthException(org.name() + " does not publish the keys needed to check who signed in.",
                        "invalid_id_token", null);
            } else {
                LOG.info("{} sent an id_token but publishes no issuer/JWKS; its claims are not used", org.id());
            }
        } else if (wantsIdToken && org.has(Organization.Quirk.PATIENT_FROM_ID_TOKEN_SUB)) {
            throw new AuthException(org.name() + " did not say who signed in (no identity token).",
                    "invalid_id_token", null);
        }
        String patient = r.patient();
        if (org.has(Organization.Quirk.PATIENT_FROM_ID_TOKEN_SUB)) {
            if (subject == null) {
                throw new AuthException(org.name() + " did not say who signed in (no identity token).",
                        "invalid_id_token", null);
            }
            patient = subject;
        }
        Instant signedInAt = clock.instant();
        Instant grantEnd = r.refreshToken() == null ? null : RefreshGrant.end(r, null, signedInAt, org);
        return new Session(org.id(), org.flow(), org.clientId(), server, r.accessToken(), r.tokenType(),
                r.expiresAt(), r.refreshToken(), grantEnd, org.scopes(),
                r.scopes() != null ? r.scopes() : org.scopes(), patient, r.encounter(), fhirUser,
                r.needPatientBanner(), subject, signedInAt, r.receivedAt());
    }

    private static void requireClientId(Organization org) throws AuthException {
        if (org.clientId() == null || org.clientId().isBlank()) {
            throw new AuthException(org.name() + " needs a client id: register ChartLens with the organization "
                    + "and enter the client id it gives you.", "no_client_id", null);
        }
    }
}
