package org.chartlens.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.chartlens.auth.AccessTokenSource;
import org.chartlens.auth.TransportPolicy;
import org.chartlens.connect.Organization;

/**
 * The HTTP client of one organization's FHIR server ({@code java.net.http}): a {@link FhirClient}
 * whose every GET passes a chain of small steps (see {@link ClientStep}).
 *
 * <ul>
 * <li>{@link TransportStep}: https, plain http only to loopback, never https to http; redirects
 *     followed by hand, at most 5.</li>
 * <li>{@link RetryStep}: 429/503 honour Retry-After (capped); other 5xx, timeouts and dropped
 *     connections back off exponentially with jitter; attempts bounded per request; nothing
 *     retried past the request's deadline.</li>
 * <li>{@link BearerAuthStep}: the token only to the organization's FHIR origin and base path
 *     ({@link TransportPolicy#confinedTo}, decided again for every hop); 401: one refresh and one
 *     retry. 403 / insufficient_scope: no refresh, the scope is named ({@link ErrorReplies}).</li>
 * <li>{@link BodyLimitStep}: bodies capped in size and time; JSON is read under
 *     {@link FhirJson.Limits}.</li>
 * <li>XML: a reply in FHIR XML (a server that answers only {@code application/fhir+xml}) is
 *     turned once into FHIR JSON ({@link XmlBodies}) before anything reads it.</li>
 * <li>Deadlines: each request has an overall one ({@link Options#requestDeadline()}: headers,
 *     body, all attempts); {@link #forOneSync()} adds the sync's ({@link Options#syncDeadline()}).</li>
 * </ul>
 *
 * <p>Thread safe: many sync workers share one instance. Each call blocks the calling thread
 * (network I/O, waits); interrupting it cancels the call with a
 * {@link java.util.concurrent.CancellationException}.
 */
public final class FhirHttp implements FhirClient {
    private final Organization org;
    private final Options options;
    private final FhirJson json;
    private final URI base;
    private final ClientStep.Chain chain;
    private final ErrorReplies errors;
    private final Paging paging;
    private final AtomicReference<JsonNode> capabilityStatement;
    /** {@link System#nanoTime()} when the sync this view belongs to must end; null outside a sync. */
    private final Long syncEndNanos;

    public FhirHttp(Organization org, AccessTokenSource tokens, Options options, FhirJson json) {
        this.org = org;
        this.options = options;
        this.json = json;
        String b = org.fhirBase().toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b).normalize();
        this.errors = new ErrorReplies(json);
        BodyLimitStep body = new BodyLimitStep(new JdkTransport(options), options);
        this.chain = ClientStep.chain(List.of(new TransportStep(), new RetryStep(org.id(), options, errors),
                new BearerAuthStep(tokens, this::isOwn, org.name())), r -> body.handle(r, null));
        this.paging = new Paging(this);
        this.capabilityStatement = new AtomicReference<>();
        this.syncEndNanos = null;
    }

    public FhirHttp(Organization org, AccessTokenSource tokens) {
        this(org, tokens, Options.defaults(), new FhirJson());
    }

    /** A view for one sync: same connections, token and CapabilityStatement, under the sync's deadline. */
    private FhirHttp(FhirHttp shared, long syncEndNanos) {
        this.org = shared.org;
        this.options = shared.options;
        this.json = shared.json;
        this.base = shared.base;
        this.errors = shared.errors;
        this.chain = shared.chain;
        this.paging = new Paging(this);
        this.capabilityStatement = shared.capabilityStatement;
        this.syncEndNanos = syncEndNanos;
    }

    /**
     * This client for one sync: every request it makes also ends when the sync's deadline
     * ({@link Options#syncDeadline()}, counted from now) passes, with words naming the slow server.
     */
    public FhirHttp forOneSync() {
        return new FhirHttp(this, System.nanoTime() + options.syncDeadline().toNanos());
    }

    @Override
    public Organization organization() {
        return org;
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    public FhirJson json() {
        return json;
    }

    /**
     * The server's CapabilityStatement ({@code GET [base]/metadata}), fetched once per client
     * and kept: later syncs of the same organization do not ask again.
     */
    @Override
    public JsonNode capabilityStatement() throws FhirException {
        JsonNode cs = capabilityStatement.get();
        if (cs == null) {
            cs = json.tree(get(uri("metadata", Map.of()), Map.of()).body());
            capabilityStatement.set(cs);
        }
        return cs;
    }

    /** True when {@code uri} is on the organization's FHIR origin and under its base path. */
    @Override
    public boolean isOwn(URI uri) {
        return TransportPolicy.confinedTo(base, uri);
    }

    @Override
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
    @Override
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

    @Override
    public URI withQuery(String url, Map<String, String> q) {
        StringBuilder sb = new StringBuilder(url);
        char sep = url.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : q.entrySet()) {
            sb.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    @Override
    public URI uri(String path, Map<String, String> q) {
        Map<String, String> all = new LinkedHashMap<>(q);
        if (org.has(Organization.Quirk.FORMAT_PARAM_UPPERCASE) && !all.containsKey("_format")) {
            all.put("_format", "JSON");
        }
        return withQuery(base + "/" + path, all);
    }

    private static String enc(String s) {
        // '|' (token system|code) stays percent-encoded: java.net.URI refuses it in a query
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2C", ",")
                .replace("%3A", ":");
    }

    @Override
    public BundlePage page(URI uri) throws FhirException {
        return paging.page(uri);
    }

    @Override
    public int pages(URI first, PageSink sink, BooleanSupplier cancelled) throws FhirException {
        return paging.pages(first, sink, cancelled);
    }

    @Override
    public int pages(URI first, PageSink sink, BooleanSupplier cancelled, Executor parser) throws FhirException {
        return paging.pages(first, sink, cancelled, parser);
    }

    @Override
    public Response get(URI uri, Map<String, String> headers) throws FhirException {
        return execute(uri, headers, null);
    }

    /**
     * Streams a 2xx body to {@code reader}: no size cap beyond what the reader enforces, bounded
     * in time by the request's deadline; retried like {@link #get} on network failures.
     */
    @Override
    public void stream(URI uri, Map<String, String> headers, BodyReader reader) throws FhirException {
        execute(uri, headers, reader);
    }

    private Response execute(URI uri, Map<String, String> headers, BodyReader reader) throws FhirException {
        Call call = new Call(reader, Deadline.start(options.requestDeadline(), syncEndNanos, options.syncDeadline()));
        Response r = chain.proceed(new ClientStep.Request(uri, Map.copyOf(headers), call));
        if (reader == null && r.body() != null && r.body().length > 0
                && XmlBodies.isXml(r.header("Content-Type"), r.body())) {
            r = asJson(r);
        }
        if (r.status() >= 200 && r.status() < 300) {
            return r;
        }
        throw errors.clientError(r);
    }

    /**
     * An XML reply as the FHIR JSON everything after this point reads (decision 0301), converted
     * once here; an error reply that is not FHIR XML is passed on as it came (its status speaks).
     */
    private static Response asJson(Response r) throws FhirException {
        try {
            return new Response(r.uri(), r.status(), r.headers(), XmlBodies.toJson(r.body()));
        } catch (FhirException e) {
            if (r.status() >= 200 && r.status() < 300) {
                throw e;
            }
            return r;
        }
    }

    // kept for FhirHttpTest, which checks the transport and Retry-After rules through this class

    static void checkTransport(URI target, URI from) throws FhirException {
        TransportStep.check(target, from);
    }

    static Optional<Duration> parseRetryAfter(String v, Instant now) {
        return RetryStep.parseRetryAfter(v, now);
    }
}
