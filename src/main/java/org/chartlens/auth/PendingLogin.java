package org.chartlens.auth;

import com.github.scribejava.core.oauth.OAuth20Service;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sign-in in progress: its {@code state} (bound to this login only), {@code nonce}, PKCE pair,
 * redirect URI and the authorization server it was started with (mix-up defence: the code is
 * exchanged only at that server's token endpoint). Immutable; never persisted.
 */
public record PendingLogin(String organizationId, SmartConfiguration server, String clientId,
                           URI redirectUri, List<String> scopes, String state, String nonce, Pkce pkce,
                           Instant started) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public PendingLogin {
        scopes = List.copyOf(scopes);
    }

    public static PendingLogin start(String organizationId, SmartConfiguration server, String clientId,
                                     URI redirectUri, List<String> scopes) {
        return new PendingLogin(organizationId, server, clientId, redirectUri, scopes,
                randomToken(), randomToken(), Pkce.generate(), Instant.now());
    }

    /** 256 bits from SecureRandom, base64url. */
    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The authorize URL, built by ScribeJava's {@code AuthorizationUrlBuilder}: response_type=code,
     * client_id, redirect_uri, scope, state, PKCE S256, and SMART's aud = the FHIR base exactly,
     * plus a nonce when an id_token is requested.
     */
    public URI authorizationUrl() {
        Map<String, String> smart = new LinkedHashMap<>();
        smart.put("aud", server.fhirBase().toString());
        if (scopes.contains("openid")) {
            smart.put("nonce", nonce);
        }
        OAuth20Service service = SmartApi.service(server, new ClientAuthentication.Public(clientId),
                redirectUri.toString(), null, Clock.systemUTC());
        return URI.create(service.createAuthorizationUrlBuilder().scope(String.join(" ", scopes)).state(state)
                .pkce(pkce.forScribeJava()).additionalParams(smart).build());
    }

    @Override
    public String toString() {
        return "PendingLogin[" + organizationId + "]";
    }
}
