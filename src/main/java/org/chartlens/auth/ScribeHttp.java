package org.chartlens.auth;

import com.github.scribejava.core.httpclient.HttpClient;
import com.github.scribejava.core.httpclient.multipart.MultipartPayload;
import com.github.scribejava.core.model.OAuthAsyncRequestCallback;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * ScribeJava's HTTP seam filled with our own {@code java.net.http} client (the one {@link
 * TransportPolicy} builds: TLS 1.2+, validated certificates, no redirects), so ScribeJava never
 * falls back to its {@code HttpURLConnection} client, which follows redirects. Every request is
 * checked by {@link TransportPolicy#requireSecure} and its answer is capped at
 * {@link #MAX_BODY_BYTES}. Synchronous only. Thread safe.
 */
final class ScribeHttp implements HttpClient {
    /** Token and revocation answers are a few KB; more is refused rather than buffered. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final java.net.http.HttpClient http;

    ScribeHttp(java.net.http.HttpClient http) {
        this.http = http;
    }

    /** An {@link AuthException} carried through ScribeJava's unchecked paths and unwrapped by {@link TokenEndpoint}. */
    static final class Refused extends RuntimeException {
        final transient AuthException auth;

        Refused(AuthException auth) {
            super(auth.getMessage(), null, false, false);
            this.auth = auth;
        }
    }

    /**
     * A refusal without an OAuth error body (a redirect, an HTML error page, an empty 503):
     * ScribeJava would fail on the body before looking at the status, so the status is carried out.
     */
    static final class NoOAuthAnswer extends RuntimeException {
        final int status;

        NoOAuthAnswer(int status) {
            super("status " + status, null, false, false);
            this.status = status;
        }
    }

    private static boolean isOAuthError(byte[] body) {
        try {
            com.fasterxml.jackson.databind.JsonNode j = JSON.readTree(body);
            return j != null && j.path("error").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public Response execute(String userAgent, Map<String, String> headers, Verb verb, String url, byte[] body)
            throws InterruptedException, IOException {
        URI uri = URI.create(url);
        try {
            TransportPolicy.requireSecure(uri, "sign-in endpoint");
        } catch (AuthException e) {
            throw new Refused(e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(CONTENT_LENGTH)) {
                b.header(k, v);
            }
        });
        if (headers.keySet().stream().noneMatch(CONTENT_TYPE::equalsIgnoreCase)) {
            b.header(CONTENT_TYPE, DEFAULT_CONTENT_TYPE);
        }
        b.method(verb.name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream in = r.body()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new Refused(new AuthException("The sign-in service at " + uri.getHost() + " sent an answer far "
                    + "larger than a sign-in answer can be; ChartLens stopped reading it.", "invalid_token_response",
                    null));
        }
        if (r.statusCode() != 200 && !isOAuthError(bytes)) {
            throw new NoOAuthAnswer(r.statusCode());
        }
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k, String.join(",", v)));
        return new Response(r.statusCode(), null, h, new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public Response execute(String userAgent, Map<String, String> headers, Verb verb, String url, String body)
            throws InterruptedException, IOException {
        return execute(userAgent, headers, verb, url, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Response execute(String userAgent, Map<String, String> headers, Verb verb, String url, MultipartPayload body) {
        throw new UnsupportedOperationException("ChartLens sends no multipart requests to sign-in services");
    }

    @Override
    public Response execute(String userAgent, Map<String, String> headers, Verb verb, String url, File body) {
        throw new UnsupportedOperationException("ChartLens sends no files to sign-in services");
    }

    @Override
    public <T> Future<T> executeAsync(String userAgent, Map<String, String> headers, Verb verb, String url, byte[] body,
                                      OAuthAsyncRequestCallback<T> callback, OAuthRequest.ResponseConverter<T> converter) {
        throw new UnsupportedOperationException("synchronous only");
    }

    @Override
    public <T> Future<T> executeAsync(String userAgent, Map<String, String> headers, Verb verb, String url,
                                      MultipartPayload body, OAuthAsyncRequestCallback<T> callback,
                                      OAuthRequest.ResponseConverter<T> converter) {
        throw new UnsupportedOperationException("synchronous only");
    }

    @Override
    public <T> Future<T> executeAsync(String userAgent, Map<String, String> headers, Verb verb, String url, String body,
                                      OAuthAsyncRequestCallback<T> callback, OAuthRequest.ResponseConverter<T> converter) {
        throw new UnsupportedOperationException("synchronous only");
    }

    @Override
    public <T> Future<T> executeAsync(String userAgent, Map<String, String> headers, Verb verb, String url, File body,
                                      OAuthAsyncRequestCallback<T> callback, OAuthRequest.ResponseConverter<T> converter) {
        throw new UnsupportedOperationException("synchronous only");
    }

    @Override
    public void close() {
        // the java.net.http client is shared and owned by AuthSessions
    }
}
