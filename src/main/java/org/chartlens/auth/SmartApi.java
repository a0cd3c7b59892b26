package org.chartlens.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.extractors.OAuth2AccessTokenJsonExtractor;
import com.github.scribejava.core.extractors.TokenExtractor;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.oauth.OAuth20Service;
import java.net.URI;
import java.time.Clock;

/**
 * One SMART authorization server as a ScribeJava OAuth 2.0 API: its endpoints from discovery,
 * our client authentication (public client_id, HTTP Basic with form-url-encoded credentials,
 * or a fresh private_key_jwt assertion per request), and a token extractor that keeps SMART's
 * fields (patient, encounter, id_token, fhirUser, need_patient_banner, refresh_token_expires_in)
 * as a checked {@link TokenResponse}. Immutable.
 */
final class SmartApi extends DefaultApi20 {
    private final SmartConfiguration server;
    private final ClientAuthentication auth;
    private final Clock clock;

    private SmartApi(SmartConfiguration server, ClientAuthentication auth, Clock clock) {
        this.server = server;
        this.auth = auth;
        this.clock = clock;
    }

    /**
     * A ScribeJava service for {@code server}, sending through {@code http}.
     *
     * @param redirectUri the loopback redirect of a browser sign-in, else null
     */
    static OAuth20Service service(SmartConfiguration server, ClientAuthentication auth, String redirectUri,
                                  ScribeHttp http, Clock clock) {
        // ScribeJava insists on an api key; a client without an id (CareCloud's password grant) sends none
        String id = auth.clientId() == null || auth.clientId().isBlank() ? "-" : auth.clientId();
        ServiceBuilder b = new ServiceBuilder(id).httpClient(http);
        if (redirectUri != null) {
            b.callback(redirectUri);
        }
        return b.build(new SmartApi(server, auth, clock));
    }

    /** ScribeJava's token with the checked SMART response. */
    static final class SmartToken extends OAuth2AccessToken {
        private final transient TokenResponse response;

        SmartToken(TokenResponse response, String raw) {
            super(response.accessToken(), response.tokenType(), null, response.refreshToken(), null, raw);
            this.response = response;
        }

        TokenResponse response() {
            return response;
        }
    }

    @Override
    public String getAccessTokenEndpoint() {
        return server.tokenEndpoint().toString();
    }

    @Override
    protected String getAuthorizationBaseUrl() {
        return server.authorizationEndpoint() == null ? null : server.authorizationEndpoint().toString();
    }

    @Override
    public String getRevokeTokenEndpoint() {
        return server.revocationEndpoint() == null ? null : server.revocationEndpoint().toString();
    }

    @Override
    public com.github.scribejava.core.oauth2.clientauthentication.ClientAuthentication getClientAuthentication() {
        return (OAuthRequest request, String apiKey, String apiSecret) -> {
            if (auth instanceof ClientAuthentication.Public p) {
                if (p.clientId() != null && !p.clientId().isBlank()) {
                    request.addBodyParameter("client_id", p.clientId());
                }
            } else if (auth instanceof ClientAuthentication.Secret s) {
                // Not ScribeJava's HttpBasicAuthenticationScheme: it does not form-url-encode (RFC 6749 2.3.1).
                request.addHeader("Authorization", s.authorizationHeader());
            } else if (auth instanceof ClientAuthentication.PrivateKeyJwt k) {
                try {
                    request.addBodyParameter("client_assertion_type", ClientAssertion.TYPE);
                    request.addBodyParameter("client_assertion",
                            ClientAssertion.create(k.key(), k.clientId(), URI.create(request.getUrl()), clock));
                } catch (AuthException e) {
                    throw new ScribeHttp.Refused(e);
                }
            }
        };
    }

    @Override
    public TokenExtractor<OAuth2AccessToken> getAccessTokenExtractor() {
        return new OAuth2AccessTokenJsonExtractor() {
            @Override
            protected OAuth2AccessToken createToken(String accessToken, String tokenType, Integer expiresIn,
                                                    String refreshToken, String scope, JsonNode response,
                                                    String rawResponse) {
                try {
                    return new SmartToken(TokenResponse.parse(response, clock.instant()), rawResponse);
                } catch (AuthException e) {
                    throw new ScribeHttp.Refused(e);
                }
            }
        };
    }
}
