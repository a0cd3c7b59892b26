package org.chartlens.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.chartlens.connect.Organization;

/**
 * What sync, bulk export and the views ask of one organization's FHIR server: read-only GETs,
 * searches followed page by page, and the addresses to ask. {@link FhirHttp} is the
 * implementation: a chain of small steps ({@link TransportStep} redirects under the transport
 * policy, {@link RetryStep}, {@link BearerAuthStep}, {@link BodyLimitStep}) over
 * {@code java.net.http}, with paging in {@link Paging}.
 *
 * <p>Thread safe: many sync workers share one client. Each call blocks the calling thread;
 * interrupting it cancels the call with a {@link java.util.concurrent.CancellationException}.
 */
public interface FhirClient {

    /**
     * Tunables.
     *
     * @param connectTimeout  TCP/TLS connect
     * @param requestTimeout  one attempt, until response headers; the body gets twice this
     * @param maxAttempts     per request, retries included
     * @param baseBackoff     first backoff (doubles each attempt, jittered)
     * @param maxBackoff      cap of one backoff
     * @param maxRetryAfter   cap of one Retry-After wait
     * @param maxPages        pages followed per search
     * @param maxBodyBytes    largest body read
     * @param pageSize        _count sent with searches
     * @param requestDeadline one request from start to end: headers, body, every attempt, every wait
     * @param syncDeadline    one sync from start to end ({@link FhirHttp#forOneSync()})
     */
    record Options(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                   Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter,
                   int maxPages, long maxBodyBytes, int pageSize, Duration requestDeadline, Duration syncDeadline) {
        /** Default of {@link #requestDeadline}: longer than one slow attempt (60 s + 120 s body). */
        public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofMinutes(5);
        /** Default of {@link #syncDeadline}. */
        public static final Duration DEFAULT_SYNC_DEADLINE = Duration.ofMinutes(60);

        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(60), 8, Duration.ofMillis(200),
                    Duration.ofSeconds(8), Duration.ofSeconds(60), 5000, 128L * 1024 * 1024, 1000,
                    DEFAULT_REQUEST_DEADLINE, DEFAULT_SYNC_DEADLINE);
        }

        public Options withTimeouts(Duration connect, Duration request) {
            return new Options(connect, request, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter,
                    maxPages, maxBodyBytes, pageSize, requestDeadline, syncDeadline);
        }

        public Options withBackoff(Duration base, Duration max, Duration retryAfterCap) {
            return new Options(connectTimeout, requestTimeout, maxAttempts, base, max, retryAfterCap,
                    maxPages, maxBodyBytes, pageSize, requestDeadline, syncDeadline);
        }

        public Options withLimits(int pages, long bodyBytes, int count) {
            return new Options(connectTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff,
                    maxRetryAfter, pages, bodyBytes, count, requestDeadline, syncDeadline);
        }

        /** Overall limits of one request and of one sync (settings {@code requestDeadlineSeconds}, ...). */
        public Options withDeadlines(Duration request, Duration sync) {
            return new Options(connectTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff,
                    maxRetryAfter, maxPages, maxBodyBytes, pageSize, request, sync);
        }
    }

    /** A response whose body was read completely (within the cap), or streamed away (then empty). */
    record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** Receives each page of a search, in order. */
    interface PageSink {
        void accept(BundlePage page) throws Exception;
    }

    /** Consumes a streamed body. */
    interface BodyReader {
        void read(InputStream body) throws IOException, FhirException;
    }

    Organization organization();

    /** The FHIR base, without a trailing slash. */
    URI base();

    Options options();

    FhirJson json();

    /** The server's CapabilityStatement ({@code GET [base]/metadata}), fetched once and kept. */
    JsonNode capabilityStatement() throws FhirException;

    /** True when the bearer token may go to {@code uri}: the FHIR origin and under its base path. */
    boolean isOwn(URI uri);

    /** Resolves a reference, link or relative URL against the FHIR base. */
    URI resolve(String ref);

    /** The search URL for one type in one patient's compartment, honouring vendor quirks. */
    URI searchUri(String type, String patientId, Map<String, String> params);

    /** {@code base/path?k=v&...} with values URL-encoded. */
    URI withQuery(String url, Map<String, String> q);

    /** A URL under the base: {@code path} like "Patient/123" or "metadata", plus query. */
    URI uri(String path, Map<String, String> q);

    /** GET returning the full body (any 2xx; 3xx followed by hand; errors as FhirException). */
    Response get(URI uri, Map<String, String> headers) throws FhirException;

    /** GET that streams a 2xx body to {@code reader} (for NDJSON files). */
    void stream(URI uri, Map<String, String> headers, BodyReader reader) throws FhirException;

    /** GETs and reads one page; a page that is not valid JSON is fetched once more. */
    BundlePage page(URI uri) throws FhirException;

    /**
     * Follows a search from its first page through every {@code next} link (own links only, at
     * most {@link Options#maxPages()}, a repeated link stops with {@link FhirException.Kind#PAGING}).
     *
     * @param cancelled checked before each page
     * @return number of pages read
     */
    int pages(URI first, PageSink sink, BooleanSupplier cancelled) throws FhirException;

    /** Like {@link #pages(URI, PageSink, BooleanSupplier)}, each page parsed on {@code parser}
     * while the next one downloads; the sink still sees pages in order, one at a time. */
    int pages(URI first, PageSink sink, BooleanSupplier cancelled, Executor parser) throws FhirException;
}
