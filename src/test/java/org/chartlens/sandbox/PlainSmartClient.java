package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately independent SMART client for the conformance tests: plain java.net.http, no
 * ChartLens client code, so a bug shared by both sides cannot hide.
 */
final class PlainSmartClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REDIRECT = "http://127.0.0.1:49152/callback";

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final DemoEhr ehr;

    PlainSmartClient(DemoEhr ehr) {
        this.ehr = ehr;
    }

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body.substring(0, Math.min(200, body.length())), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static String verifier() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            if (v != null) {
                if (b.length() > 0) {
                    b.append('&');
                }
                b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q != null) {
            for (String p : q.split("&")) {
                int eq = p.indexOf('=');
                out.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    Response get(String url, String token) {
        return get(url, token, null);
    }

    Response get(String url, String token, String accept) {
        // XML answers may wait for HAPI's first start (seconds, many on a loaded machine)
        boolean xml = url.toLowerCase(java.util.Locale.ROOT).contains("_format=xml")
                || (accept != null && accept.contains("xml"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(xml ? 120 : 30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b.build());
    }

    Response postForm(String url, Map<String, String> fields, String basicAuth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + basicAuth);
        }
        return send(b.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A pending authorization: the PKCE verifier and the authorize URL. */
    record Pending(String verifier, String state, String url) {
    }

    Pending authorizeUrl(String clientId, String scope) {
        String v = verifier();
        String state = verifier();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", REDIRECT);
        p.put("scope", scope);
        p.put("state", state);
        p.put("aud", ehr.fhirBase().toString());
        p.put("code_challenge", challenge(v));
        p.put("code_challenge_method", "S256");
        p.put("nonce", "n-" + state.substring(0, 8));
        return new Pending(v, state, ehr.issuer() + "/authorize?" + form(p));
    }

    /** Runs authorize (auto-approve) and returns the code from the redirect. */
    String code(Pending pending) {
        Response r = get(pending.url(), null);
        if (r.status() != 302) {
            throw new AssertionError("authorize answered " + r.status() + ": " + r.body());
        }
        Map<String, String> q = query(URI.create(r.header("Location")));
        if (!pending.state().equals(q.get("state"))) {
            throw new AssertionError("state not echoed: " + q);
        }
        if (q.get("code") == null) {
            throw new AssertionError("no code: " + q);
        }
        return q.get("code");
    }

    Response exchange(String code, String verifier, String clientId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", REDIRECT);
        f.put("client_id", clientId);
        f.put("code_verifier", verifier);
        return postForm(ehr.issuer() + "/token", f, null);
    }

    /** Full public-client sign-in; returns the token response JSON. */
    JsonNode signIn(String scope) {
        Pending p = authorizeUrl("chartlens", scope);
        Response r = exchange(code(p), p.verifier(), "chartlens");
        if (r.status() != 200) {
            throw new AssertionError("token answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    Response refresh(String refreshToken, String clientId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "refresh_token");
        f.put("refresh_token", refreshToken);
        f.put("client_id", clientId);
        return postForm(ehr.issuer() + "/token", f, null);
    }

    String fhir(String relative) {
        return ehr.fhirBase() + "/" + relative;
    }
}
