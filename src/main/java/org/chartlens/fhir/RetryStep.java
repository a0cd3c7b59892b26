package org.chartlens.fhir;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy step. 429 and 503 wait as Retry-After says (seconds or an HTTP-date, capped);
 * other 5xx and {@link NetworkFailure}s wait a bounded exponential backoff with jitter. At most
 * {@code maxAttempts} per request (the count lives in the {@link Call}, so it spans redirects),
 * and never past the request's {@link Deadline}: a request cut by its deadline fails at once,
 * naming the slow server, and a wait that would end past it is not started. Only GETs are sent,
 * so retrying is safe. Stateless apart from its settings.
 */
final class RetryStep implements ClientStep {
    private static final Logger LOG = LoggerFactory.getLogger(RetryStep.class);

    /** Sleeps; replaced in tests. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final String orgId;
    private final FhirClient.Options options;
    private final ErrorReplies errors;
    private final Sleeper sleeper;

    RetryStep(String orgId, FhirClient.Options options, ErrorReplies errors, Sleeper sleeper) {
        this.orgId = orgId;
        this.options = options;
        this.errors = errors;
        this.sleeper = sleeper;
    }

    RetryStep(String orgId, FhirClient.Options options, ErrorReplies errors) {
        this(orgId, options, errors, d -> Thread.sleep(d.toMillis()));
    }

    @Override
    public FhirClient.Response handle(Request request, Chain next) throws FhirException {
        Call call = request.call();
        while (true) {
            FhirException failure;
            Duration retryAfter = null;
            try {
                FhirClient.Response r = next.proceed(request);
                if (r.status() != 429 && r.status() < 500) {
                    return r;
                }
                failure = errors.serverError(r);
                if (r.status() == 429 || r.status() == 503) {
                    retryAfter = retryAfter(r.headers()).orElse(null);
                }
            } catch (NetworkFailure e) {
                if (call.deadline.passed()) {
                    throw call.deadline.exceeded(request.uri());
                }
                failure = e;
            }
            int failures = ++call.failures;
            if (failures >= options.maxAttempts()) {
                throw failure;
            }
            Duration wait = waitBefore(failures + 1, retryAfter);
            if (wait.compareTo(call.deadline.remaining()) >= 0) {
                LOG.info("{}: attempt {} failed ({}); no time is left for another", orgId, failures, failure.forLog());
                throw failure;
            }
            LOG.info("{}: attempt {} failed ({}), retrying in {} ms", orgId, failures, failure.forLog(), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Sync cancelled");
            }
        }
    }

    /** The wait before attempt {@code attempt} (2 = the first retry). */
    Duration waitBefore(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : retryAfter;
        }
        long base = options.baseBackoff().toMillis() << Math.min(attempt - 2, 16);
        long capped = Math.min(base, options.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
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
}
