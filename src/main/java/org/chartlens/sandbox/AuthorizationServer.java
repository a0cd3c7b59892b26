package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMART / OAuth 2.0 authorization server under {@code {issuer}}: discovery, JWKS,
 * authorize (auto-approve or the login + consent page), token, revoke, register. Thread safe.
 */
final class AuthorizationServer implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationServer.class);
    static final String JSON = "application/json;charset=utf-8";
    static final String DEMO_PASSWORD = "demo-password";
    static final String CLINICIAN = "clinician";
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    final DemoEhrContext ctx;
    private final ObjectMapper mapper;
    final ConsentPage consentPage;
    final ClientAssertions assertions;

    AuthorizationServer(DemoEhrContext ctx) {
        this.ctx = ctx;
        this.mapper = ctx.mapper;
        this.consentPage = new ConsentPage(this);
        this.assertions = new ClientAssertions(ctx);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpCall call = new HttpCall(exchange, "/oauth");
        try {
            switch (call.path) {
                case "/.well-known/openid-configuration" -> call.send(200, JSON,
                        mapper.writeValueAsBytes(openIdConfiguration()));
                case "/.well-known/smart-configuration" -> call.send(200, JSON,
                        mapper.writeValueAsBytes(smartConfiguration()));
                case "/jwks" -> call.send(200, JSON, ctx.keys.publicJwks());
                case "/authorize" -> authorize(call);
                case "/token" -> token(call);
                case "/revoke" -> revoke(call);
                case "/register" -> register(call);
                case "/userinfo" -> userinfo(call);
                default -> call.send(404, JSON, "{\"error\":\"not_found\"}");
            }
        } catch (RuntimeException e) {
            LOG.warn("Authorization server error on {}: {}", call.path, e.getClass().getSimpleName());
            LOG.debug("Authorization server error", e);
            call.send(500, JSON, "{\"error\":\"server_error\"}");
        } finally {
            exchange.close();
        }
    }

    // ---- discovery ----

    ObjectNode smartConfiguration() {
        String issuer = ctx.issuer().toString();
        ObjectNode n = mapper.createObjectNode();
        n.put("issuer", issuer);
        n.put("jwks_uri", issuer + "/jwks");
        n.put("authorization_endpoint", issuer + "/authorize");
        n.put("token_endpoint", issuer + "/token");
        n.put("revocation_endpoint", issuer + "/revoke");
        if (ctx.profile.backendServices) {
            n.put("registration_endpoint", issuer + "/register");
        }
        ArrayNode auth = n.putArray("token_endpoint_auth_methods_supported");
        auth.add("none");
        if (ctx.profile.confidentialClient) {
            auth.add("client_secret_basic");
        }
        if (ctx.profile.backendServices) {
            auth.add("private_key_jwt");
            ArrayNode algs = n.putArray("token_endpoint_auth_signing_alg_values_supported");
            algs.add("RS384");
            algs.add("ES384");
        }
        ArrayNode grants = n.putArray("grant_types_supported");
        grants.add("authorization_code");
        grants.add("refresh_token");
        if (ctx.profile.backendServices) {
            grants.add("client_credentials");
        }
        if (ctx.profile.passwordGrant) {
            grants.add("password");
        }
        n.putArray("response_types_supported").add("code");
        n.putArray("code_challenge_methods_supported").add("S256");
        ArrayNode scopes = n.putArray("scopes_supported");
        for (String s : List.of("openid", "fhirUser", "launch", "launch/patient", "offline_access",
                "online_access", "patient/*.read", "patient/*.rs", "user/*.read", "user/*.rs")) {
            scopes.add(s);
        }
        if (ctx.profile.backendServices) {
            scopes.add("system/*.read");
            scopes.add("system/*.rs");
        }
        ArrayNode caps = n.putArray("capabilities");
        for (String c : List.of("launch-standalone", "client-public", "context-standalone-patient",
                "permission-offline", "permission-patient", "permission-user", "permission-v1",
                "permission-v2", "sso-openid-connect", "context-banner", "context-style")) {
            caps.add(c);
        }
        if (ctx.profile.confidentialClient) {
            caps.add("client-confidential-symmetric");
        }
        if (ctx.profile.backendServices) {
            caps.add("client-confidential-asymmetric");
        }
        return n;
    }

    ObjectNode openIdConfiguration() {
        String issuer = ctx.issuer().toString();
        ObjectNode n = smartConfiguration();
        n.put("userinfo_endpoint", issuer + "/userinfo");
        n.putArray("subject_types_supported").add("public");
        n.putArray("id_token_signing_alg_values_supported").add("RS256");
        ArrayNode claims = n.putArray("claims_supported");
        for (String c : List.of("iss", "sub", "aud", "exp", "iat", "nonce", "fhirUser")) {
            claims.add(c);
        }
        return n;
    }

    // ---- authorize ----

    /** A validated authorize request (everything needed to issue a code). */
    record AuthorizeRequest(Clients.Client client, String redirectUri, String state, Scopes requested,
                            String codeChallenge, String nonce) {
    }

    private void authorize(HttpCall call) throws IOException {
        Map<String, List<String>> params = "POST".equals(call.method) ? call.form() : call.query;
        AuthorizeRequest req;
        try {
            req = validateAuthorize(params);
        } catch (RedirectError e) {
            if (e.redirectUri == null) {
                call.send(400, "text/html;charset=utf-8", ConsentPage.errorPage(e.getMessage()));
            } else {
                call.redirect(errorRedirect(e.redirectUri, e.error, e.getMessage(), e.state));
            }
            return;
        }
        if (ctx.autoApprove) {
            String patient = ctx.data.patientIds().isEmpty() ? null : ctx.data.patientIds().get(0);
            boolean patientUser = !req.requested.hasContext("user");
            approve(call, req, patientUser ? patient : CLINICIAN, patient, req.requested);
            return;
        }
        consentPage.handle(call, req, params);
    }

    static final class RedirectError extends Exception {
        private static final long serialVersionUID = 1L;
        final String redirectUri;
        final String error;
        final String state;

        RedirectError(String redirectUri, String error, String description, String state) {
            super(description, null, false, false);
            this.redirectUri = redirectUri;
            this.error = error;
            this.state = state;
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    AuthorizeRequest validateAuthorize(Map<String, List<String>> params) throws RedirectError {
        Clients.Client client = ctx.clients.get(first(params, "client_id"));
        String redirectUri = first(params, "redirect_uri");
        String state = first(params, "state");
        if (client == null) {
            throw new RedirectError(null, "invalid_request", "Unknown application (client_id).", null);
        }
        if (!client.acceptsRedirect(redirectUri)) {
            throw new RedirectError(null, "invalid_request",
                    "The redirect_uri is not registered for this application.", null);
        }
        if (!"code".equals(first(params, "response_type"))) {
            throw new RedirectError(redirectUri, "unsupported_response_type",
                    "Only response_type=code is supported.", state);
        }
        String challenge = first(params, "code_challenge");
        String method = first(params, "code_challenge_method");
        boolean pkceRequired = client.kind() == Clients.Kind.PUBLIC || ctx.profile == VendorProfile.VERACITY;
        if (challenge == null && pkceRequired) {
            throw new RedirectError(redirectUri, "invalid_request", "PKCE (code_challenge, S256) is required.", state);
        }
        if (challenge != null && !"S256".equals(method)) {
            throw new RedirectError(redirectUri, "invalid_request",
                    "Only the S256 code_challenge_method is supported.", state);
        }
        String aud = first(params, "aud");
        if (aud != null && !stripSlash(aud).equals(stripSlash(ctx.fhirBase().toString()))) {
            throw new RedirectError(redirectUri, "invalid_request",
                    "The aud parameter does not name this FHIR server.", state);
        }
        Scopes requested = grantable(first(params, "scope"), client);
        if (requested.granted.isEmpty()) {
            throw new RedirectError(redirectUri, "invalid_scope", "No supported scope was requested.", state);
        }
        return new AuthorizeRequest(client, redirectUri, state, requested, challenge, first(params, "nonce"));
    }

    /** The requested scopes this server knows and this profile / client may have. */
    Scopes grantable(String scope, Clients.Client client) {
        List<String> out = new ArrayList<>();
        for (String s : Scopes.parse(scope).granted) {
            if (!Scopes.known(s)) {
                continue;
            }
            boolean system = s.startsWith("system/");
            if (system != (client.kind() == Clients.Kind.BACKEND)) {
                continue;
            }
            int slash = s.indexOf('/');
            int dot = s.indexOf('.');
            if (slash > 0 && dot > slash && s.startsWith("launch") == false) {
                String type = s.substring(slash + 1, dot);
                if (!"*".equals(type) && !ctx.profile.supports(type)) {
                    continue;
                }
            }
            out.add(s);
        }
        return new Scopes(out);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Issues the code for a signed-in user and redirects back to the app. */
    void approve(HttpCall call, AuthorizeRequest req, String username, String patientId, Scopes granted)
            throws IOException {
        boolean patientUser = !CLINICIAN.equals(username);
        if (patientUser && granted.hasContext("user")) {
            // a patient never gets user/ scopes: they would open every chart
            List<String> kept = new ArrayList<>();
            for (String s : granted.granted) {
                if (!s.startsWith("user/")) {
                    kept.add(s);
                }
            }
            granted = new Scopes(kept);
        }
        String fhirUser = patientUser ? "Patient/" + username : ctx.clinicianReference();
        String contextPatient = granted.has("launch/patient") || granted.hasContext("patient")
                ? (patientUser ? username : patientId) : null;
        if (!patientUser && contextPatient == null && granted.hasContext("patient")) {
            contextPatient = patientId;
        }
        String subject = ctx.profile == VendorProfile.PAYER && contextPatient != null ? contextPatient : username;
        Grants.Grant grant = new Grants.Grant(req.client().id(), granted, contextPatient, fhirUser, subject,
                ctx.grants.now().plus(ctx.refreshTokenLifetime()));
        Grants.Code code = ctx.grants.newCode(req.client().id(), req.redirectUri(), req.codeChallenge(),
                req.nonce(), grant);
        StringBuilder loc = new StringBuilder(req.redirectUri());
        loc.append(req.redirectUri().contains("?") ? '&' : '?').append("code=").append(enc(code.value));
        if (req.state() != null) {
            loc.append("&state=").append(enc(req.state()));
        }
        loc.append("&iss=").append(enc(ctx.issuer().toString()));
        call.redirect(loc.toString());
    }

    String errorRedirect(String redirectUri, String error, String description, String state) {
        StringBuilder loc = new StringBuilder(redirectUri);
        loc.append(redirectUri.contains("?") ? '&' : '?').append("error=").append(enc(error));
        loc.append("&error_description=").append(enc(description));
        if (state != null) {
            loc.append("&state=").append(enc(state));
        }
        loc.append("&iss=").append(enc(ctx.issuer().toString()));
        return loc.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- token ----

    private void token(HttpCall call) throws IOException {
        if (!"POST".equals(call.method)) {
            sendError(call, new OAuthError("invalid_request", "Use POST for the token endpoint."));
            return;
        }
        String grantType = param(call, "grant_type");
        ctx.grants.countTokenRequest(grantType);
        try {
            ObjectNode body = switch (grantType == null ? "" : grantType.toLowerCase(Locale.ROOT)) {
                case "authorization_code" -> authorizationCode(call);
                case "refresh_token" -> refresh(call);
                case "client_credentials" -> clientCredentials(call);
                case "password" -> password(call, grantType);
                case "" -> throw new OAuthError("invalid_request", "grant_type is missing.");
                default -> throw new OAuthError("unsupported_grant_type",
                        "This server does not support grant_type " + grantType + ".");
            };
            call.setHeader("Pragma", "no-cache");
            call.send(200, JSON, mapper.writeValueAsBytes(body));
        } catch (OAuthError e) {
            sendError(call, e);
        }
    }

    private static String param(HttpCall call, String name) throws IOException {
        return call.formParam(name);
    }

    void sendError(HttpCall call, OAuthError e) throws IOException {
        ObjectNode n = mapper.createObjectNode();
        n.put("error", e.error);
        if (e.getMessage() != null) {
            n.put("error_description", e.getMessage());
        }
        if (e.status == 401) {
            call.setHeader("WWW-Authenticate", "Basic realm=\"chartlens-demo\"");
        }
        call.setHeader("Pragma", "no-cache");
        call.send(e.status, JSON, mapper.writeValueAsBytes(n));
    }

    /**
     * Who is calling the token endpoint: HTTP Basic (confidential), a private_key_jwt assertion
     * (backend), or a bare client_id (public).
     */
    Clients.Client authenticateClient(HttpCall call, boolean clientIdOptional) throws IOException, OAuthError {
        String basic = call.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OAuthError("invalid_client", "Malformed HTTP Basic credentials.");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new OAuthError("invalid_client", "Malformed HTTP Basic credentials.");
            }
            String id = HttpCall.decode(decoded.substring(0, colon));
            String secret = HttpCall.decode(decoded.substring(colon + 1));
            Clients.Client c = ctx.clients.get(id);
            if (c == null || c.kind() != Clients.Kind.CONFIDENTIAL || c.secret() == null
                    || !MessageDigest.isEqual(c.secret().getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8))) {
                throw new OAuthError("invalid_client", "Client authentication failed.");
            }
            return c;
        }
        String assertionType = param(call, "client_assertion_type");
        if (assertionType != null || param(call, "client_assertion") != null) {
            if (!JWT_BEARER.equals(assertionType)) {
                throw new OAuthError("invalid_client", "Unsupported client_assertion_type.");
            }
            return assertions.verify(param(call, "client_assertion"), param(call, "client_id"));
        }
        String id = param(call, "client_id");
        if (id == null && clientIdOptional) {
            id = Clients.PUBLIC_ID;
        }
        Clients.Client c = ctx.clients.get(id);
        if (c == null) {
            throw new OAuthError("invalid_client", "Unknown client.");
        }
        if (c.kind() != Clients.Kind.PUBLIC) {
            throw new OAuthError("invalid_client", "This client must authenticate.");
        }
        return c;
    }

    private ObjectNode authorizationCode(HttpCall call) throws IOException, OAuthError {
        Clients.Client client = authenticateClient(call, false);
        Grants.Code code = ctx.grants.code(param(call, "code"));
        if (code == null) {
            throw new OAuthError("invalid_grant", "The authorization code is not valid.");
        }
        if (!code.clientId.equals(client.id())) {
            throw new OAuthError("invalid_grant", "The authorization code was issued to another client.");
        }
        if (!code.used.compareAndSet(false, true)) {
            // RFC 6749 4.1.2: a replayed code revokes what was issued with it
            code.grant.revoked.set(true);
            throw new OAuthError("invalid_grant", "The authorization code was already used.");
        }
        if (!ctx.grants.now().isBefore(code.expiresAt)) {
            throw new OAuthError("invalid_grant", "The authorization code has expired.");
        }
        if (!code.redirectUri.equals(param(call, "redirect_uri"))) {
            throw new OAuthError("invalid_grant", "redirect_uri does not match the authorization request.");
        }
        if (code.codeChallenge != null) {
            String verifier = param(call, "code_verifier");
            if (verifier == null) {
                throw new OAuthError("invalid_grant", "code_verifier is missing.");
            }
            if (verifier.length() < 43 || verifier.length() > 128
                    || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                    code.codeChallenge.getBytes(StandardCharsets.US_ASCII))) {
                throw new OAuthError("invalid_grant", "PKCE verification failed.");
            }
        }
        return tokenResponse(code.grant, code.nonce, true);
    }

    static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode refresh(HttpCall call) throws IOException, OAuthError {
        Clients.Client client = authenticateClient(call, false);
        Grants.RefreshToken rt = ctx.grants.refreshToken(param(call, "refresh_token"));
        if (rt == null) {
            throw new OAuthError("invalid_grant", "The refresh token is not valid.");
        }
        if (!rt.grant.clientId.equals(client.id())) {
            throw new OAuthError("invalid_grant", "The refresh token was issued to another client.");
        }
        if (rt.grant.revoked.get()) {
            throw new OAuthError("invalid_grant", "The grant was revoked; sign in again.");
        }
        if (!ctx.grants.now().isBefore(rt.grant.refreshExpiresAt)) {
            throw new OAuthError("invalid_grant", "The refresh token has expired; sign in again.");
        }
        boolean rotate = ctx.profile.rotatesRefreshTokens;
        if (rotate && !rt.used.compareAndSet(false, true)) {
            // reuse of a rotated token: someone has a copy, so nobody keeps the grant
            rt.grant.revoked.set(true);
            throw new OAuthError("invalid_grant", "The refresh token was already used; the grant is revoked.");
        }
        String scope = param(call, "scope");
        if (scope != null && !rt.grant.scopes.granted.containsAll(Scopes.parse(scope).granted)) {
            throw new OAuthError("invalid_scope", "A refresh cannot widen the granted scopes.");
        }
        ObjectNode out = tokenResponse(rt.grant, null, rotate);
        if (!rotate) {
            out.put("refresh_token", rt.value);
            putRefreshLifetime(out, rt.grant);
        }
        return out;
    }

    private ObjectNode clientCredentials(HttpCall call) throws IOException, OAuthError {
        if (!ctx.profile.backendServices) {
            throw new OAuthError("unsupported_grant_type", "This server has no backend-services clients.");
        }
        Clients.Client client = authenticateClient(call, false);
        if (client.kind() != Clients.Kind.BACKEND) {
            throw new OAuthError("unauthorized_client", "This client may not use client_credentials.");
        }
        Scopes scopes = grantable(param(call, "scope"), client);
        if (scopes.rules.isEmpty()) {
            throw new OAuthError("invalid_scope", "Request system/ scopes, e.g. system/*.read.");
        }
        Grants.Grant grant = new Grants.Grant(client.id(), scopes, null, null, client.id(), ctx.grants.now());
        return tokenResponse(grant, null, false);
    }

    private ObjectNode password(HttpCall call, String grantType) throws IOException, OAuthError {
        if (!ctx.profile.passwordGrant) {
            throw new OAuthError("unsupported_grant_type", "The password grant is not offered here.");
        }
        Clients.Client client = authenticateClient(call, true);
        String username = firstNonNull(param(call, "username"), param(call, "Username"));
        String password = firstNonNull(param(call, "password"), param(call, "Password"));
        if (username == null || password == null) {
            throw new OAuthError("invalid_request", "username and password are required.");
        }
        boolean known = CLINICIAN.equals(username) || ctx.data.patientIds().contains(username);
        if (!known || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            throw new OAuthError("invalid_grant", "Wrong user name or password.");
        }
        boolean patientUser = !CLINICIAN.equals(username);
        String scope = param(call, "scope");
        if (scope == null) {
            scope = patientUser ? "patient/*.read launch/patient offline_access" : "user/*.read offline_access";
        }
        Scopes scopes = grantable(scope, client);
        if (scopes.granted.isEmpty()) {
            throw new OAuthError("invalid_scope", "No supported scope was requested.");
        }
        String patient = patientUser ? username : null;
        Grants.Grant grant = new Grants.Grant(client.id(), scopes, patient,
                patientUser ? "Patient/" + username : ctx.clinicianReference(),
                ctx.profile == VendorProfile.PAYER && patient != null ? patient : username,
                ctx.grants.now().plus(ctx.refreshTokenLifetime()));
        return tokenResponse(grant, null, true);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** access_token, token_type, expires_in, scope, patient, id_token, refresh_token. */
    private ObjectNode tokenResponse(Grants.Grant grant, String nonce, boolean newRefresh) {
        Duration lifetime = ctx.accessTokenLifetime();
        String value;
        if (ctx.profile.jwtAccessTokens) {
            Date now = Date.from(ctx.grants.now());
            value = ctx.keys.sign(new JWTClaimsSet.Builder().issuer(ctx.issuer().toString())
                    .subject(grant.subject).audience(ctx.fhirBase().toString())
                    .claim("client_id", grant.clientId).claim("scope", grant.scopes.text())
                    .claim("patient", grant.patientId).issueTime(now)
                    .expirationTime(Date.from(ctx.grants.now().plus(lifetime)))
                    .jwtID(Grants.random(16)).build(), new JOSEObjectType("at+jwt"));
        } else {
            value = Grants.random(32);
        }
        ctx.grants.newAccessToken(value, grant, lifetime);
        ObjectNode n = mapper.createObjectNode();
        n.put("access_token", value);
        n.put("token_type", "Bearer");
        n.put("expires_in", Math.max(1, lifetime.toSeconds()));
        n.put("scope", grant.scopes.text());
        if (grant.patientId != null) {
            n.put("patient", grant.patientId);
            n.put("need_patient_banner", true);
        }
        if (grant.fhirUser != null && grant.scopes.has("fhirUser")) {
            n.put("fhirUser", ctx.fhirBase() + "/" + grant.fhirUser);
        }
        if (grant.scopes.has("openid")) {
            n.put("id_token", idToken(grant, nonce));
        }
        boolean wantsRefresh = grant.scopes.has("offline_access") || grant.scopes.has("online_access");
        if (newRefresh && wantsRefresh) {
            String jwt = null;
            if (ctx.profile.jwtAccessTokens) {
                // Credible: "Tokens, including initial refresh tokens, are issued as JSON Web Tokens"
                jwt = ctx.keys.sign(new JWTClaimsSet.Builder().issuer(ctx.issuer().toString())
                        .subject(grant.subject).audience(ctx.issuer() + "/token").claim("client_id", grant.clientId)
                        .claim("token_use", "refresh").issueTime(Date.from(ctx.grants.now()))
                        .expirationTime(Date.from(grant.refreshExpiresAt)).jwtID(Grants.random(16)).build(),
                        JOSEObjectType.JWT);
            }
            n.put("refresh_token", ctx.grants.newRefreshToken(grant, jwt).value);
            putRefreshLifetime(n, grant);
        }
        return n;
    }

    /** Seconds left on the grant (rotation does not extend it), where the profile says so at all. */
    private void putRefreshLifetime(ObjectNode n, Grants.Grant grant) {
        String field = ctx.profile.refreshLifetimeField();
        if (field != null) {
            n.put(field, Math.max(1, Duration.between(ctx.grants.now(), grant.refreshExpiresAt).toSeconds()));
        }
    }

    private String idToken(Grants.Grant grant, String nonce) {
        Date now = Date.from(ctx.grants.now());
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ctx.issuer().toString())
                .subject(grant.subject).audience(grant.clientId).issueTime(now)
                .expirationTime(Date.from(ctx.grants.now().plus(ctx.accessTokenLifetime())))
                .claim("azp", grant.clientId);
        if (grant.fhirUser != null) {
            b.claim("fhirUser", ctx.fhirBase() + "/" + grant.fhirUser);
        }
        if (nonce != null) {
            b.claim("nonce", nonce);
        }
        return ctx.keys.sign(b.build(), JOSEObjectType.JWT);
    }

    /** OIDC userinfo: {@code sub} and {@code fhirUser} of the bearer token's sign-in. */
    private void userinfo(HttpCall call) throws IOException {
        String h = call.header("Authorization");
        Grants.AccessToken t = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)
                ? ctx.grants.validAccessToken(h.substring(7).trim()) : null;
        if (t == null || !t.grant.scopes.has("openid")) {
            call.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            call.send(401, JSON, "{\"error\":\"invalid_token\"}");
            return;
        }
        ObjectNode n = mapper.createObjectNode();
        n.put("sub", t.grant.subject);
        if (t.grant.fhirUser != null) {
            n.put("fhirUser", ctx.fhirBase() + "/" + t.grant.fhirUser);
        }
        call.send(200, JSON, mapper.writeValueAsBytes(n));
    }

    // ---- revoke / register ----

    private void revoke(HttpCall call) throws IOException {
        if (!"POST".equals(call.method)) {
            sendError(call, new OAuthError("invalid_request", "Use POST for revocation."));
            return;
        }
        try {
            authenticateClient(call, true);
        } catch (OAuthError e) {
            sendError(call, e);
            return;
        }
        String token = param(call, "token");
        if (token == null) {
            sendError(call, new OAuthError("invalid_request", "token is missing."));
            return;
        }
        ctx.grants.revoke(token);
        call.send(200, JSON, "{}"); // RFC 7009: 200 also for unknown tokens
    }

    private void register(HttpCall call) throws IOException {
        if (!"POST".equals(call.method) || !ctx.profile.backendServices) {
            call.send(ctx.profile.backendServices ? 405 : 404, JSON, "{\"error\":\"invalid_request\"}");
            return;
        }
        try {
            ObjectNode req = (ObjectNode) mapper.readTree(call.readBody());
            if (!req.has("jwks") || !req.get("jwks").has("keys")) {
                throw new OAuthError("invalid_client_metadata", "Backend clients register a jwks with public keys.");
            }
            String method = req.path("token_endpoint_auth_method").asText("private_key_jwt");
            if (!"private_key_jwt".equals(method)) {
                throw new OAuthError("invalid_client_metadata", "Only private_key_jwt is supported.");
            }
            Clients.Client c = ctx.clients.registerBackend(req.path("client_name").asText("backend client"),
                    com.nimbusds.jose.jwk.JWKSet.parse(mapper.writeValueAsString(req.get("jwks"))));
            ObjectNode out = mapper.createObjectNode();
            out.put("client_id", c.id());
            out.put("client_name", c.name());
            out.put("token_endpoint_auth_method", "private_key_jwt");
            out.putArray("grant_types").add("client_credentials");
            out.set("jwks", mapper.readTree(c.jwks().toString(true)));
            call.send(201, JSON, mapper.writeValueAsBytes(out));
        } catch (OAuthError e) {
            sendError(call, e);
        } catch (ClassCastException | java.text.ParseException | com.fasterxml.jackson.core.JsonProcessingException e) {
            sendError(call, new OAuthError("invalid_client_metadata", "The registration body is not valid JSON metadata."));
        }
    }

    /** Query-string-safe map printing, for the consent form's hidden fields. */
    static Map<String, String> singleValues(Map<String, List<String>> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }

    URI issuer() {
        return ctx.issuer();
    }
}
