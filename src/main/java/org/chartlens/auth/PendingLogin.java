package org.chartlens.auth;

import java.net.URI;
import java.security.SecureRandom;
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
     * The authorize URL: response_type=code, client_id, redirect_uri, scope, state, PKCE S256,
     * aud = the FHIR base exactly, and a nonce when an id_token is requested.
     */
    public URI authorizationUrl() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", redirectUri.toString());
        p.put("scope", String.join(" ", scopes));
        p.put("state", state);
        p.put("code_challenge", pkce.challenge());
        p.put("code_challenge_method", Pkce.METHOD);
        p.put("aud", server.fhirBase().toString());
        if (scopes.contains("openid")) {
            p.put("nonce", nonce);
        }
        String endpoint = server.authorizationEndpoint().toString();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + FormEncoding.form(p));
    }

    @Override
    public String toString() {
        return "PendingLogin[" + organizationId + "]";
    }
}
