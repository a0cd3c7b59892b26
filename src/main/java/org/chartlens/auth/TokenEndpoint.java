package org.chartlens.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.model.OAuthResponseException;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.revoke.TokenTypeHint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to an authorization server's token and revocation endpoints: code exchange (with the
 * PKCE verifier), refresh, client credentials, password, revocation. The protocol exchanges are
 * ScribeJava's {@link OAuth20Service} ({@link SmartApi} layers SMART's parts on it) sending
 * through our own HTTP client ({@link ScribeHttp}). Errors become {@link AuthException}s with the
 * OAuth code and a plain message ({@link OAuthErrors}); server bodies are never put in messages or
 * logs (ScribeJava's own exception messages contain them, so they are never shown).
 * Thread safe; each call is one HTTP request.
 */
public final class TokenEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScribeHttp http;
    private final Clock clock;

    public TokenEndpoint(HttpClient http, Clock clock) {
        this.http = new ScribeHttp(http);
        this.clock = clock;
    }

    private OAuth20Service service(SmartConfiguration server, ClientAuthentication auth, String redirectUri) {
        return SmartApi.service(server, auth, redirectUri, http, clock);
    }

    /** Exchanges a code with the same redirect_uri and the PKCE verifier, at the login's own server. */
    public TokenResponse exchangeCode(PendingLogins.Accepted accepted, ClientAuthentication auth, String orgName)
            throws AuthException {
        PendingLogin login = accepted.login();
        AccessTokenRequestParams params = AccessTokenRequestParams.create(accepted.code())
                .pkceCodeVerifier(login.pkce().verifier());
        return call("authorization_code", login.server(), orgName,
                () -> service(login.server(), auth, login.redirectUri().toString()).getAccessToken(params));
    }

    public TokenResponse refresh(SmartConfiguration server, ClientAuthentication auth, String refreshToken,
                                 String orgName) throws AuthException {
        return call("refresh_token", server, orgName, () -> service(server, auth, null).refreshAccessToken(refreshToken));
    }

    public TokenResponse clientCredentials(SmartConfiguration server, ClientAuthentication.PrivateKeyJwt auth,
                                           List<String> scopes, String orgName) throws AuthException {
        return call("client_credentials", server, orgName,
                () -> service(server, auth, null).getAccessTokenClientCredentialsGrant(String.join(" ", scopes)));
    }

    /** The password grant: the password is sent once and the array is wiped here. */
    public TokenResponse password(SmartConfiguration server, ClientAuthentication auth, String username,
                                  char[] password, List<String> scopes, String orgName) throws AuthException {
        String secret = new String(password);
        Arrays.fill(password, '\0');
        String scope = scopes.isEmpty() ? null : String.join(" ", scopes);
        return call("password", server, orgName,
                () -> service(server, auth, null).getAccessTokenPasswordGrant(username, secret, scope));
    }

    /** RFC 7009 revocation; failures are logged, not thrown (sign-out goes on locally). */
    public boolean revoke(SmartConfiguration server, ClientAuthentication auth, String token, String hint) {
        if (server.revocationEndpoint() == null || token == null) {
            return false;
        }
        try {
            TransportPolicy.requireSecure(server.revocationEndpoint(), "revocation endpoint");
            service(server, auth, null).revokeToken(token,
                    "refresh_token".equals(hint) ? TokenTypeHint.REFRESH_TOKEN : TokenTypeHint.ACCESS_TOKEN);
            LOG.info("Revocation answered 200");
            return true;
        } catch (OAuthResponseException e) {
            LOG.info("Revocation answered {}", e.getResponse().getCode());
            return false;
        } catch (ScribeHttp.NoOAuthAnswer e) {
            LOG.info("Revocation answered {}", e.status);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (AuthException | IOException | ExecutionException | RuntimeException e) {
            LOG.warn("Revocation failed: {}", e instanceof AuthException || e instanceof ScribeHttp.Refused
                    ? e.getMessage() : e.getClass().getSimpleName());
            return false;
        }
    }

    private interface Exchange {
        OAuth2AccessToken run() throws IOException, InterruptedException, ExecutionException;
    }

    private TokenResponse call(String grant, SmartConfiguration server, String orgName, Exchange exchange)
            throws AuthException {
        URI tokenUrl = TransportPolicy.requireSecure(server.tokenEndpoint(), "token endpoint");
        try {
            OAuth2AccessToken t = exchange.run();
            return ((SmartApi.SmartToken) t).response();
        } catch (ScribeHttp.Refused e) {
            throw e.auth;
        } catch (OAuth2AccessTokenErrorResponse e) {
            int status = e.getResponse().getCode();
            // ScribeJava knows only RFC 6749's codes (others become null): read the server's own.
            String error = errorIn(e.getResponse());
            LOG.info("Token request ({}) refused: status {}, error {}", grant, status, error);
            if (error == null) {
                error = status >= 500 || status == 429 ? "temporarily_unavailable" : "invalid_request";
            }
            throw new AuthException(OAuthErrors.plainWords(error, orgName), error, null);
        } catch (ScribeHttp.NoOAuthAnswer e) {
            String error = e.status >= 500 || e.status == 429 ? "temporarily_unavailable" : "invalid_request";
            LOG.info("Token request ({}) refused: status {}, no OAuth error in the body", grant, e.status);
            throw new AuthException(OAuthErrors.plainWords(error, orgName), error, null);
        } catch (OAuthException | IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // No access_token, an unreadable expires_in (NumberFormatException is an IllegalArgumentException),
            // a body that is not JSON. ScribeJava's messages hold the body: never shown or logged.
            LOG.info("Token request ({}) answered with an unusable body", grant);
            throw new AuthException("The organization's sign-in service sent an unusable answer. Please try again "
                    + "or contact its administrator.", "invalid_token_response", null);
        } catch (javax.net.ssl.SSLException e) {
            throw new AuthException("The secure connection to " + tokenUrl.getHost() + " failed: its certificate is "
                    + "not trusted or its TLS is too old.", "tls_failed", e);
        } catch (IOException | ExecutionException e) {
            throw new AuthException("ChartLens cannot reach the sign-in service at " + tokenUrl.getHost()
                    + ". Check the network connection and try again.", "temporarily_unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Sign-in was cancelled.", "cancelled", e);
        }
    }

    private static String errorIn(Response r) {
        try {
            JsonNode body = JSON.readTree(r.getBody());
            return body != null && body.path("error").isTextual() ? errorCode(body.path("error").asText()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** An OAuth error code as the server sent it, cut to the characters codes are made of. */
    static String errorCode(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9_.-]", "");
        return s.isEmpty() ? "invalid_request" : s.length() > 40 ? s.substring(0, 40) : s;
    }
}
