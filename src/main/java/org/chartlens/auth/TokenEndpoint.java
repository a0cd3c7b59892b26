package org.chartlens.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to an authorization server's token and revocation endpoints: code exchange, refresh,
 * client credentials, password, revocation. Errors become {@link AuthException}s with the OAuth
 * code and a plain message; server bodies are never put in messages or logs.
 * Thread safe; each call is one HTTP request.
 */
public final class TokenEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Clock clock;

    public TokenEndpoint(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Exchanges a code with the same redirect_uri and the PKCE verifier, at the login's own server. */
    public TokenResponse exchangeCode(PendingLogins.Accepted accepted, ClientAuthentication auth, String orgName)
            throws AuthException {
        PendingLogin login = accepted.login();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", accepted.code());
        form.put("redirect_uri", login.redirectUri().toString());
        form.put("code_verifier", login.pkce().verifier());
        return post(login.server().tokenEndpoint(), form, auth, orgName);
    }

    public TokenResponse refresh(SmartConfiguration server, ClientAuthentication auth, String refreshToken,
                                 String orgName) throws AuthException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(server.tokenEndpoint(), form, auth, orgName);
    }

    public TokenResponse clientCredentials(SmartConfiguration server, ClientAuthentication.PrivateKeyJwt auth,
                                           List<String> scopes, String orgName) throws AuthException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", String.join(" ", scopes));
        return post(server.tokenEndpoint(), form, auth, orgName);
    }

    /** The password grant: the password is sent once and the array is wiped here. */
    public TokenResponse password(SmartConfiguration server, ClientAuthentication auth, String username,
                                  char[] password, List<String> scopes, String orgName) throws AuthException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", new String(password));
        Arrays.fill(password, '\0');
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        return post(server.tokenEndpoint(), form, auth, orgName);
    }

    /** RFC 7009 revocation; failures are logged, not thrown (sign-out goes on locally). */
    public boolean revoke(SmartConfiguration server, ClientAuthentication auth, String token, String hint) {
        if (server.revocationEndpoint() == null || token == null) {
            return false;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", hint);
        try {
            HttpResponse<byte[]> r = send(TransportPolicy.requireSecure(server.revocationEndpoint(), "revocation endpoint"),
                    form, auth);
            LOG.info("Revocation answered {}", r.statusCode());
            return r.statusCode() == 200;
        } catch (AuthException e) {
            LOG.warn("Revocation failed: {}", e.getMessage());
            return false;
        }
    }

    private TokenResponse post(URI tokenUrl, Map<String, String> form, ClientAuthentication auth, String orgName)
            throws AuthException {
        TransportPolicy.requireSecure(tokenUrl, "token endpoint");
        HttpResponse<byte[]> resp = send(tokenUrl, form, auth);
        Instant received = clock.instant();
        JsonNode body = null;
        try {
            body = JSON.readTree(resp.body());
        } catch (IOException e) {
            LOG.info("Token endpoint answered {} with a non-JSON body", resp.statusCode());
        }
        if (resp.statusCode() == 200 && body != null && body.isObject()) {
            return TokenResponse.parse(body, received);
        }
        String error = body != null && body.path("error").isTextual() ? errorCode(body.path("error").asText()) : null;
        LOG.info("Token request ({}) refused: status {}, error {}", form.get("grant_type"), resp.statusCode(), error);
        if (error == null) {
            error = resp.statusCode() >= 500 || resp.statusCode() == 429 ? "temporarily_unavailable" : "invalid_request";
        }
        throw new AuthException(OAuthErrors.plainWords(error, orgName), error, null);
    }

    /** An OAuth error code as the server sent it, cut to the characters codes are made of. */
    static String errorCode(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9_.-]", "");
        return s.isEmpty() ? "invalid_request" : s.length() > 40 ? s.substring(0, 40) : s;
    }

    private HttpResponse<byte[]> send(URI url, Map<String, String> form, ClientAuthentication auth) throws AuthException {
        Map<String, String> body = new LinkedHashMap<>(form);
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (auth instanceof ClientAuthentication.Public p) {
            body.put("client_id", p.clientId());
        } else if (auth instanceof ClientAuthentication.Secret s) {
            b.header("Authorization", s.authorizationHeader());
        } else if (auth instanceof ClientAuthentication.PrivateKeyJwt k) {
            body.put("client_assertion_type", ClientAssertion.TYPE);
            body.put("client_assertion", ClientAssertion.create(k.key(), k.clientId(), url, clock));
        }
        try {
            return http.send(b.POST(HttpRequest.BodyPublishers.ofString(FormEncoding.form(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (javax.net.ssl.SSLException e) {
            throw new AuthException("The secure connection to " + url.getHost() + " failed: its certificate is "
                    + "not trusted or its TLS is too old.", "tls_failed", e);
        } catch (IOException e) {
            throw new AuthException("ChartLens cannot reach the sign-in service at " + url.getHost()
                    + ". Check the network connection and try again.", "temporarily_unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Sign-in was cancelled.", "cancelled", e);
        }
    }
}
