package org.chartlens.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.chartlens.auth.AccessTokenSource;
import org.chartlens.auth.AuthException;
import org.chartlens.connect.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client of one organization's FHIR server ({@code java.net.http}).
 *
 * <ul>
 * <li>The bearer token goes only to the organization's own FHIR origin and base path; a next
 *     link, reference or attachment elsewhere is fetched without it (or not at all: foreign next
 *     links are refused). Redirects are followed by hand: never https to http, and the token is
 *     decided again for every hop.</li>
 * <li>Plain http only to loopback hosts; TLS 1.2+ with the JDK's certificate validation otherwise.</li>
 * <li>401: one refresh through {@link AccessTokenSource#refreshAfterRejection} and one retry.
 *     403 / insufficient_scope: no refresh, the scope is named.</li>
 * <li>429/503 honour Retry-After (seconds or HTTP-date, capped); other 5xx, timeouts and dropped
 *     connections: bounded exponential backoff with jitter. Only GETs are sent, so retrying is
 *     safe. Attempts are bounded per request.</li>
 * <li>Bodies are capped in size; JSON is read under {@link FhirJson.Limits}.</li>
 * </ul>
 *
 * <p>Thread safe: many sync workers share one instance. Each call blocks the calling thread
 * (network I/O, waits); interrupting it cancels the call with a {@link CancellationException}.
 */
public final class FhirHttp {
    private static final Logger LOG = LoggerFactory.getLogger(FhirHttp.class);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fhir-body-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]*)\"");

    /**
     * Tunables.
     *
     * @param connectTimeout  TCP/TLS connect
     * @param requestTimeout  until response headers; the body gets twice this
     * @param maxAttempts     per request, retries included
     * @param baseBackoff     first backoff (doubles each attempt, jittered)
     * @param maxBackoff      cap of one backoff
     * @param maxRetryAfter   cap of one Retry-After wait
     * @param maxPages        pages followed per search
     * @param maxBodyBytes    largest body read
     * @param pageSize        _count sent with searches
     */
    public record Options(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                          Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter,
                          int maxPages, long maxBodyBytes, int pageSize) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(60), 8, Duration.ofMillis(200),
                    Duration.ofSeconds(8), Duration.ofSeconds(60), 5000, 128L * 1024 * 1024, 1000);
        }

        public Options withTimeouts(Duration connect, Duration request) {
            return new Options(connect, request, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter,
                    maxPages, maxBodyBytes, pageSize);
        }

        public Options withBackoff(Duration base, Duration max, Duration retryAfterCap) {
            return new Options(connectTimeout, requestTimeout, maxAttempts, base, max, retryAfterCap,
                    maxPages, maxBodyBytes, pageSize);
        }

        public Options withLimits(int pages, long bodyBytes, int count) {
            return new Options(connectTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff,
                    maxRetryAfter, pages, bodyBytes, count);
        }
    }

    /** A response whose body was read completely (within the cap). */
    public record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** Receives each page of a search, in order. */
    public interface PageSink {
        void accept(BundlePage page) throws Exception;
    }

    private final Organization org;
    private final AccessTokenSource tokens;
    private final Options options;
    private final FhirJson json;
    private final HttpClient client;
    private volatile com.fasterxml.jackson.databind.JsonNode capabilityStatement;
    private final URI base;
    private final String basePath;

    public FhirHttp(Organization org, AccessTokenSource tokens, Options options, FhirJson json) {
        this.org = org;
        this.tokens = tokens;
        this.options = options;
        this.json = json;
        String b = org.fhirBase().toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b).normalize();
        String p = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1);
        try {
            SSLParameters ssl = SSLContext.getDefault().getDefaultSSLParameters();
            ssl.setProtocols(Arrays.stream(ssl.getProtocols())
                    .filter(x -> x.equals("TLSv1.3") || x.equals("TLSv1.2")).toArray(String[]::new));
            builder.sslParameters(ssl);
        } catch (Exception e) {
            LOG.warn("Default TLS parameters unavailable: {}", e.getClass().getSimpleName());
        }
        this.client = builder.build();
    }

    public FhirHttp(Organization org, AccessTokenSource tokens) {
        this(org, tokens, Options.defaults(), new FhirJson());
    }

    public Organization organization() {
        return org;
    }

    public URI base() {
        return base;
    }

    public Options options() {
        return options;
    }

    public FhirJson json() {
        return json;
    }

    /**
     * The server's CapabilityStatement ({@code GET [base]/metadata}), fetched once per instance
     * and kept: later syncs of the same organization do not ask again.
     */
    public com.fasterxml.jackson.databind.JsonNode capabilityStatement() throws FhirException {
        com.fasterxml.jackson.databind.JsonNode cs = capabilityStatement;
        if (cs == null) {
            cs = json.tree(get(uri("metadata", Map.of()), Map.of()).body());
            capabilityStatement = cs;
        }
        return cs;
    }

    /** True when {@code uri} is on the organization's FHIR origin and under its base path. */
    public boolean isOwn(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getRawAuthority() == null) {
            return false;
        }
        URI u = uri.normalize();
        if (!base.getScheme().equalsIgnoreCase(u.getScheme())
                || !base.getHost().equalsIgnoreCase(u.getHost())
                || port(base) != port(u)) {
            return false;
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (path.contains("/../") || path.endsWith("/..")) {
            return false;
        }
        return basePath.isEmpty() || path.equals(basePath) || path.startsWith(basePath + "/");
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Resolves a reference, link or relative URL against the FHIR base. */
    public URI resolve(String ref) {
        URI r = URI.create(ref.trim());
        if (r.isAbsolute()) {
            return r;
        }
        return URI.create(base + "/" + (ref.startsWith("/") ? ref.substring(1) : ref));
    }

    /**
     * The search URL for one type in one patient's compartment, honouring vendor quirks
     * (CareCloud: {@code Type/_search?Patient=ID&_format=JSON}).
     */
    public URI searchUri(String type, String patientId, Map<String, String> params) {
        Map<String, String> q = new LinkedHashMap<>();
        String path;
        if (org.has(Organization.Quirk.SEARCH_VIA_UNDERSCORE_SEARCH)) {
            path = type + "/_search";
            if (patientId != null) {
                q.put("Patient", patientId);
            }
        } else {
            path = type;
            if (patientId != null) {
                q.put("patient", patientId);
            }
            q.put("_count", Integer.toString(options.pageSize()));
        }
        q.putAll(params);
        if (org.has(Organization.Quirk.FORMAT_PARAM_UPPERCASE)) {
            q.put("_format", "JSON");
        }
        return withQuery(base + "/" + path, q);
    }

    /** {@code base/path?k=v&...} with values URL-encoded. */
    public URI withQuery(String url, Map<String, String> q) {
        StringBuilder sb = new StringBuilder(url);
        char sep = url.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : q.entrySet()) {
            sb.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /** A URL under the base: {@code path} like "Patient/123" or "metadata", plus query. */
    public URI uri(String path, Map<String, String> q) {
        Map<String, String> all = new LinkedHashMap<>(q);
        if (org.has(Organization.Quirk.FORMAT_PARAM_UPPERCASE) && !all.containsKey("_format")) {
            all.put("_format", "JSON");
        }
        return withQuery(base + "/" + path, all);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2C", ",").replace("%7C", "|")
                .replace("%3A", ":");
    }

    // ------------------------------------------------------------------ paging

    /** GETs and reads one page; a page that is not valid JSON is fetched once more. */
    public BundlePage page(URI uri) throws FhirException {
        FhirException last = null;
        for (int i = 0; i < 2; i++) {
            Response r = get(uri, Map.of());
            try {
                return json.readPage(r.body());
            } catch (FhirException e) {
                if (e.kind() != FhirException.Kind.MALFORMED) {
                    throw e;
                }
                last = e;
                LOG.info("Unreadable page from {}, fetching it again", org.id());
            }
        }
        throw last;
    }

    /**
     * Follows a search from its first page through every {@code next} link: same origin only,
     * at most {@link Options#maxPages()} pages, a repeated link stops with
     * {@link FhirException.Kind#PAGING}.
     *
     * @param cancelled checked before each page
     * @return number of pages read
     */
    public int pages(URI first, PageSink sink, BooleanSupplier cancelled) throws FhirException {
        Set<String> seen = new HashSet<>();
        URI uri = first;
        int n = 0;
        while (uri != null) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Sync cancelled");
            }
            if (!seen.add(uri.toString())) {
                throw new FhirException(FhirException.Kind.PAGING, 0,
                        "The server's next-page link repeats an earlier page; paging was stopped.", null);
            }
            if (++n > options.maxPages()) {
                throw new FhirException(FhirException.Kind.PAGING, 0,
                        "The server sent more than " + options.maxPages() + " pages; paging was stopped.", null);
            }
            BundlePage page = page(uri);
            try {
                sink.accept(page);
            } catch (FhirException | RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Sync cancelled");
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            if (page.next() == null || page.next().isBlank()) {
                break;
            }
            URI next = uri.resolve(page.next().trim());
            if (!isOwn(next)) {
                throw new FhirException(FhirException.Kind.INSECURE, 0,
                        "The server's next-page link points to another server; it was not followed.", null);
            }
            uri = next;
        }
        return n;
    }

    private static final Pattern HEAD_NEXT = Pattern.compile(
            "\\{\\s*\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"\\\\]+)\"\\s*}");

    /**
     * Like {@link #pages(URI, PageSink, BooleanSupplier)}, but each page is parsed on
     * {@code parser} while the next one downloads: the next link is taken from the Bundle's head
     * (links come before entries), falling back to waiting for the parse when it is not there.
     * The sink still sees pages in order, one at a time.
     */
    public int pages(URI first, PageSink sink, BooleanSupplier cancelled, java.util.concurrent.Executor parser)
            throws FhirException {
        Set<String> seen = new HashSet<>();
        URI uri = first;
        int n = 0;
        java.util.concurrent.CompletableFuture<Void> chain = java.util.concurrent.CompletableFuture.completedFuture(null);
        try {
            while (uri != null) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Sync cancelled");
                }
                if (!seen.add(uri.toString())) {
                    throw new FhirException(FhirException.Kind.PAGING, 0,
                            "The server's next-page link repeats an earlier page; paging was stopped.", null);
                }
                if (++n > options.maxPages()) {
                    throw new FhirException(FhirException.Kind.PAGING, 0,
                            "The server sent more than " + options.maxPages() + " pages; paging was stopped.", null);
                }
                URI current = uri;
                byte[] body = get(current, Map.of()).body();
                java.util.concurrent.CompletableFuture<BundlePage> parsed =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> parseOrRefetch(current, body), parser);
                chain = chain.thenCombine(parsed, (v, page) -> {
                    try {
                        sink.accept(page);
                        return null;
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
                String next = headNext(body);
                if (next == null) {
                    next = join(parsed).next();
                }
                if (chain.isCompletedExceptionally()) {
                    join(chain);
                }
                if (next == null || next.isBlank()) {
                    break;
                }
                URI nextUri = current.resolve(next.trim());
                if (!isOwn(nextUri)) {
                    join(chain);
                    throw new FhirException(FhirException.Kind.INSECURE, 0,
                            "The server's next-page link points to another server; it was not followed.", null);
                }
                uri = nextUri;
            }
        } catch (FhirException | RuntimeException e) {
            try {
                chain.join();
            } catch (RuntimeException ignored) {
                // the first failure is the one reported
            }
            throw e;
        }
        join(chain);
        return n;
    }

    private BundlePage parseOrRefetch(URI uri, byte[] body) {
        try {
            try {
                return json.readPage(body);
            } catch (FhirException e) {
                if (e.kind() != FhirException.Kind.MALFORMED) {
                    throw e;
                }
                LOG.info("Unreadable page from {}, fetching it again", org.id());
                return json.readPage(get(uri, Map.of()).body());
            }
        } catch (FhirException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) throws FhirException {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof FhirException fe) {
                throw fe;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c == null ? e : c);
        }
    }

    /** The next link from the part of a Bundle before its entries, or null when not there. */
    static String headNext(byte[] body) {
        int limit = Math.min(body.length, 64 * 1024);
        String head = new String(body, 0, limit, StandardCharsets.ISO_8859_1);
        int entry = head.indexOf("\"entry\"");
        if (entry < 0 && limit < body.length) {
            return null;
        }
        if (entry >= 0) {
            head = head.substring(0, entry);
        }
        Matcher m = HEAD_NEXT.matcher(head);
        if (m.find()) {
            return m.group(1);
        }
        return null;
    }

    // ------------------------------------------------------------------ requests

    /** GET returning the full body (any 2xx; 3xx followed by hand; errors as FhirException). */
    public Response get(URI uri, Map<String, String> headers) throws FhirException {
        return execute(uri, headers, true, null);
    }

    /**
     * GET that streams the body to {@code reader} (for NDJSON files): no size cap beyond what
     * the reader enforces; retried like {@link #get} only when the failure came before the body.
     */
    public void stream(URI uri, Map<String, String> headers, BodyReader reader) throws FhirException {
        execute(uri, headers, false, reader);
    }

    /** Consumes a streamed body. */
    public interface BodyReader {
        void read(InputStream body) throws IOException, FhirException;
    }

    private Response execute(URI start, Map<String, String> headers, boolean buffer, BodyReader reader)
            throws FhirException {
        checkTransport(start, null);
        String token = null;
        boolean refreshed = false;
        int attempt = 0;
        URI uri = start;
        int hops = 0;
        while (true) {
            attempt++;
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Sync cancelled");
            }
            boolean own = isOwn(uri);
            if (own && tokens != null && token == null) {
                token = accessToken();
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET()
                    .timeout(options.requestTimeout())
                    .header("Accept", "application/fhir+json, application/json;q=0.9");
            headers.forEach(rb::header);
            if (own && token != null) {
                rb.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> resp;
            try {
                resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Sync cancelled");
            } catch (IOException e) {
                retryOrFail(attempt, null, networkFailure(e, uri));
                continue;
            }
            int status = resp.statusCode();
            if (status >= 300 && status < 400 && resp.headers().firstValue("Location").isPresent()) {
                drain(resp);
                if (++hops > 5) {
                    throw new FhirException(FhirException.Kind.INSECURE, status,
                            "The server redirected too many times.", null);
                }
                URI next = uri.resolve(resp.headers().firstValue("Location").get().trim());
                checkTransport(next, uri);
                uri = next;
                attempt--;
                continue;
            }
            if (status == 401 && own && tokens != null) {
                drain(resp);
                if (refreshed) {
                    throw new FhirException(FhirException.Kind.UNAUTHORIZED, 401,
                            "The server at " + org.name() + " no longer accepts the sign-in. Sign in to "
                                    + org.name() + " again.", null);
                }
                refreshed = true;
                try {
                    token = tokens.refreshAfterRejection(token);
                } catch (AuthException e) {
                    throw new FhirException(FhirException.Kind.UNAUTHORIZED, 401, e.getMessage(), e);
                }
                attempt--;
                continue;
            }
            if (status >= 200 && status < 300) {
                if (!buffer) {
                    try (InputStream in = resp.body()) {
                        reader.read(in);
                        return new Response(uri, status, resp.headers(), new byte[0]);
                    } catch (IOException e) {
                        retryOrFail(attempt, null, networkFailure(e, uri));
                        continue;
                    }
                }
                try {
                    return new Response(uri, status, resp.headers(), readBody(resp));
                } catch (IOException e) {
                    retryOrFail(attempt, null, networkFailure(e, uri));
                    continue;
                }
            }
            byte[] body = errorBody(resp);
            String outcome = outcomeText(body);
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(resp.headers()).orElse(null);
                retryOrFail(attempt, wait, new FhirException(FhirException.Kind.SERVER, status,
                        (status == 429 ? "The server kept asking to slow down (429)"
                                : "The server was unavailable (503)") + suffix(outcome), null));
                continue;
            }
            if (status >= 500) {
                retryOrFail(attempt, null, new FhirException(FhirException.Kind.SERVER, status,
                        "The server failed (" + status + ")" + suffix(outcome), null));
                continue;
            }
            throw clientError(status, resp.headers(), outcome);
        }
    }

    private String accessToken() throws FhirException {
        try {
            return tokens.accessToken();
        } catch (AuthException e) {
            throw new FhirException(FhirException.Kind.UNAUTHORIZED, 0, e.getMessage(), e);
        }
    }

    private FhirException clientError(int status, HttpHeaders h, String outcome) {
        if (status == 401) {
            return new FhirException(FhirException.Kind.UNAUTHORIZED, status,
                    "The server refused the request without a valid sign-in" + suffix(outcome), null);
        }
        if (status == 403) {
            String www = h.firstValue("WWW-Authenticate").orElse("");
            Matcher m = SCOPE.matcher(www);
            String scope = m.find() ? m.group(1) : null;
            String msg = scope != null
                    ? "Access was not granted: the sign-in lacks the scope " + scope + "."
                    : www.contains("insufficient_scope")
                    ? "Access was not granted: the sign-in lacks a needed scope."
                    : "Access was not granted" + suffix(outcome);
            return new FhirException(FhirException.Kind.FORBIDDEN, status, msg, null);
        }
        if (status == 404 || status == 410) {
            return new FhirException(FhirException.Kind.NOT_FOUND, status, "Not found" + suffix(outcome), null);
        }
        if (status == 400 || status == 405 || status == 501 || status == 422) {
            return new FhirException(FhirException.Kind.UNSUPPORTED, status,
                    "The server did not accept the request (" + status + ")" + suffix(outcome), null);
        }
        return new FhirException(FhirException.Kind.CLIENT, status,
                "The server refused the request (" + status + ")" + suffix(outcome), null);
    }

    private static String suffix(String outcome) {
        return outcome == null || outcome.isBlank() ? "." : ": " + outcome;
    }

    static void checkTransport(URI target, URI from) throws FhirException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new FhirException(FhirException.Kind.INSECURE, 0, "Only http(s) addresses are fetched.", null);
        }
        if (from != null && "https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            throw new FhirException(FhirException.Kind.INSECURE, 0,
                    "The server redirected from https to plain http; the redirect was refused.", null);
        }
        if (scheme.equals("http") && !isLoopback(target.getHost())) {
            throw new FhirException(FhirException.Kind.INSECURE, 0,
                    "Plain http is allowed only to this computer; the server must use https.", null);
        }
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private FhirException networkFailure(IOException e, URI uri) {
        String what = e instanceof HttpTimeoutException ? "did not answer in time"
                : e instanceof ConnectException ? "could not be reached"
                : "dropped the connection";
        return new FhirException(FhirException.Kind.NETWORK, 0, "The server " + what + ".", e);
    }

    private void retryOrFail(int attempt, Duration retryAfter, FhirException failure) throws FhirException {
        if (attempt >= options.maxAttempts()) {
            throw failure;
        }
        Duration wait;
        if (retryAfter != null) {
            wait = retryAfter.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : retryAfter;
        } else {
            long base = options.baseBackoff().toMillis() << Math.min(attempt - 1, 16);
            long capped = Math.min(base, options.maxBackoff().toMillis());
            wait = Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        }
        LOG.info("{}: attempt {} failed ({}), retrying in {} ms", org.id(), attempt, failure.getMessage(),
                wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Sync cancelled");
        }
    }

    /** Retry-After as seconds or an HTTP-date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpHeaders h) {
        return h.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, Instant.now()));
    }

    static Optional<Duration> parseRetryAfter(String v, Instant now) {
        String s = v.trim();
        try {
            long secs = Long.parseLong(s);
            return Optional.of(Duration.ofSeconds(Math.max(0, secs)));
        } catch (NumberFormatException ignored) {
            // not seconds: try an HTTP-date
        }
        try {
            Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] readBody(HttpResponse<InputStream> resp) throws IOException, FhirException {
        long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > options.maxBodyBytes()) {
            drainQuietly(resp);
            throw tooLarge();
        }
        InputStream in = resp.body();
        ScheduledFuture<?> guard = WATCHDOG.schedule(() -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // the reader sees the failure
            }
        }, options.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        try (in) {
            if (declared >= 0) {
                byte[] out = new byte[(int) declared];
                int n = in.readNBytes(out, 0, out.length);
                if (n < declared) {
                    throw new IOException("body ended early");
                }
                return out;
            }
            List<byte[]> chunks = new ArrayList<>();
            long total = 0;
            while (true) {
                byte[] chunk = in.readNBytes(1 << 20);
                if (chunk.length == 0) {
                    break;
                }
                total += chunk.length;
                if (total > options.maxBodyBytes()) {
                    throw tooLarge();
                }
                chunks.add(chunk);
            }
            byte[] out = new byte[(int) total];
            int pos = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, out, pos, c.length);
                pos += c.length;
            }
            return out;
        } finally {
            guard.cancel(false);
        }
    }

    private FhirException tooLarge() {
        return new FhirException(FhirException.Kind.TOO_LARGE, 0, "The server's response is larger than "
                + (options.maxBodyBytes() / (1024 * 1024)) + " MB and was not read.", null);
    }

    private byte[] errorBody(HttpResponse<InputStream> resp) {
        try (InputStream in = resp.body()) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private String outcomeText(byte[] body) {
        if (body.length == 0 || body[0] != '{' && !new String(body, 0, Math.min(body.length, 16),
                StandardCharsets.UTF_8).trim().startsWith("{")) {
            return null;
        }
        try {
            String t = OperationOutcomes.toText(json.tree(body));
            return t.isBlank() ? null : t;
        } catch (FhirException e) {
            return null;
        }
    }

    private static void drain(HttpResponse<InputStream> resp) {
        drainQuietly(resp);
    }

    private static void drainQuietly(HttpResponse<InputStream> resp) {
        try (InputStream in = resp.body()) {
            in.skip(64 * 1024);
        } catch (IOException ignored) {
            // closing only
        }
    }
}
