package org.chartlens.fhir;

import java.net.URI;
import java.time.Duration;

/**
 * When one request must be over: its own overall limit (headers, body, all attempts and waits)
 * or the end of the sync it belongs to, whichever comes first. Past it, the request fails with
 * plain words naming the slow server (host only). Immutable.
 */
final class Deadline {
    private final long endNanos;
    private final Duration limit;
    private final boolean ofSync;

    private Deadline(long endNanos, Duration limit, boolean ofSync) {
        this.endNanos = endNanos;
        this.limit = limit;
        this.ofSync = ofSync;
    }

    /**
     * @param request the request's own limit
     * @param syncEndNanos {@link System#nanoTime()} when the sync must end, or null outside a sync
     * @param sync the sync's limit (for the message)
     */
    static Deadline start(Duration request, Long syncEndNanos, Duration sync) {
        long now = System.nanoTime();
        long end = now + request.toNanos();
        if (syncEndNanos != null && syncEndNanos - end < 0) {
            return new Deadline(syncEndNanos, sync, true);
        }
        return new Deadline(end, request, false);
    }

    /** What is left, zero when passed. */
    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The shorter of {@code d} and what is left. */
    Duration cap(Duration d) {
        Duration left = remaining();
        return d.compareTo(left) < 0 ? d : left;
    }

    /** The failure when this deadline ends a request to {@code uri}. */
    FhirException exceeded(URI uri) {
        String who = uri == null || uri.getHost() == null ? "The server" : "The server " + uri.getHost();
        String what = ofSync ? "the sync did not finish within " : "a request did not finish within ";
        return new FhirException(FhirException.Kind.NETWORK, 0,
                who + " was too slow: " + what + words(limit) + ", so it was stopped.", null);
    }

    static String words(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            long n = Math.max(s, d.isZero() ? 0 : 1);
            return n + (n == 1 ? " second" : " seconds");
        }
        long m = d.toMinutes();
        return m + (m == 1 ? " minute" : " minutes");
    }
}
