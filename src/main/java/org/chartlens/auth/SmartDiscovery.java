package org.chartlens.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a FHIR server's authorization endpoints: {@code {base}/.well-known/smart-configuration}
 * first, then the CapabilityStatement's security extension ({@code {base}/metadata}). Relative
 * endpoints are resolved against the base; non-HTTPS endpoints off loopback are refused.
 * Thread safe; each call makes one to three HTTP requests.
 */
public final class SmartDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(SmartDiscovery.class);
    private static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    public SmartDiscovery(HttpClient http) {
        this.http = http;
    }

    public SmartConfiguration discover(URI fhirBase) throws AuthException {
        URI base = TransportPolicy.requireSecure(stripSlash(fhirBase), "FHIR server address");
        JsonNode smart = getJson(URI.create(base + "/.well-known/smart-configuration"), "application/json");
        if (smart != null && (smart.hasNonNull("authorization_endpoint") || smart.hasNonNull("token_endpoint"))) {
            return fromSmart(base, smart);
        }
        LOG.info("No SMART configuration at {}; trying the CapabilityStatement", base);
        JsonNode cap = getJson(URI.create(base + "/metadata"), "application/fhir+json");
        if (cap != null) {
            SmartConfiguration c = fromCapabilityStatement(base, cap);
            if (c != null) {
                return c;
            }
        }
        throw new AuthException("ChartLens could not find how to sign in at " + base.getHost()
                + ": the server publishes neither a SMART configuration nor OAuth addresses in its "
                + "capability statement. Check the FHIR base address.", "discovery_failed", null);
    }

    SmartConfiguration fromSmart(URI base, JsonNode j) throws AuthException {
        String issuer = text(j, "issuer");
        URI jwks = resolve(base, text(j, "jwks_uri"), "key set (JWKS) address");
        if (jwks == null && issuer != null) {
            jwks = jwksFromOpenIdConfiguration(issuer);
        }
        return new SmartConfiguration(base, issuer,
                resolve(base, text(j, "authorization_endpoint"), "authorization endpoint"),
                resolve(base, text(j, "token_endpoint"), "token endpoint"),
                resolve(base, text(j, "revocation_endpoint"), "revocation endpoint"),
                resolve(base, text(j, "registration_endpoint"), "registration endpoint"),
                jwks,
                list(j, "code_challenge_methods_supported"),
                list(j, "grant_types_supported"),
                list(j, "capabilities"),
                list(j, "scopes_supported"),
                list(j, "token_endpoint_auth_methods_supported"),
                false);
    }

    SmartConfiguration fromCapabilityStatement(URI base, JsonNode cap) throws AuthException {
        for (JsonNode rest : cap.path("rest")) {
            for (JsonNode ext : rest.path("security").path("extension")) {
                if (!OAUTH_URIS.equals(ext.path("url").asText())) {
                    continue;
                }
                String authorize = null;
                String token = null;
                String revoke = null;
                String register = null;
                for (JsonNode sub : ext.path("extension")) {
                    String v = sub.path("valueUri").asText(null);
                    switch (sub.path("url").asText()) {
                        case "authorize" -> authorize = v;
                        case "token" -> token = v;
                        case "revoke" -> revoke = v;
                        case "register" -> register = v;
                        default -> { }
                    }
                }
                if (authorize == null && token == null) {
                    continue;
                }
                return new SmartConfiguration(base, null,
                        resolve(base, authorize, "authorization endpoint"),
                        resolve(base, token, "token endpoint"),
                        resolve(base, revoke, "revocation endpoint"),
                        resolve(base, register, "registration endpoint"),
                        null, List.of(), List.of(), List.of(), List.of(), List.of(), true);
            }
        }
        return null;
    }

    private URI jwksFromOpenIdConfiguration(String issuer) {
        try {
            URI iss = URI.create(stripSlash(URI.create(issuer)).toString());
            TransportPolicy.requireSecure(iss, "issuer");
            JsonNode oidc = getJson(URI.create(iss + "/.well-known/openid-configuration"), "application/json");
            return oidc == null ? null : resolve(iss, text(oidc, "jwks_uri"), "key set (JWKS) address");
        } catch (AuthException | IllegalArgumentException e) {
            LOG.info("No usable OpenID configuration for the issuer: {}", e.getMessage());
            return null;
        }
    }

    /** Resolves a possibly relative endpoint against the FHIR base and checks its transport. */
    static URI resolve(URI base, String value, String what) throws AuthException {
        if (value == null || value.isBlank()) {
            return null;
        }
        URI u;
        try {
            u = URI.create(base + "/").resolve(value.trim());
        } catch (IllegalArgumentException e) {
            throw new AuthException("The server published an unreadable " + what + ".", "discovery_failed", e);
        }
        return TransportPolicy.requireSecure(u, what);
    }

    private JsonNode getJson(URI uri, String accept) throws AuthException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Accept", accept).GET().build();
        try {
            HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                LOG.info("Discovery request {} answered {}", uri.getPath(), resp.statusCode());
                return null;
            }
            byte[] body = resp.body();
            if (body.length > 2_000_000) {
                return null;
            }
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (javax.net.ssl.SSLException e) {
            throw new AuthException("The secure connection to " + uri.getHost() + " failed: its certificate "
                    + "is not trusted or its TLS is too old.", "tls_failed", e);
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return null;
            }
            throw new AuthException("ChartLens cannot reach " + uri.getHost() + ". Check the network "
                    + "connection and the server address.", "temporarily_unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Sign-in was cancelled.", "cancelled", e);
        }
    }

    private static String text(JsonNode j, String field) {
        JsonNode n = j.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static List<String> list(JsonNode j, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : j.path(field)) {
            if (n.isTextual()) {
                out.add(n.asText());
            }
        }
        return out;
    }

    static URI stripSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
    }
}
