package org.chartlens.fhir;

/**
 * What one request carries through the steps, across its redirects, refreshes and retries:
 * whether the body is buffered or streamed, its {@link Deadline}, the failures so far and the
 * token it uses. Used by one thread at a time (the caller's); not thread safe.
 */
final class Call {
    final FhirClient.BodyReader reader;
    final Deadline deadline;
    /** Failed attempts so far (redirects and the one refresh are not attempts). */
    int failures;
    /** The access token sent to own addresses; fetched on first need. */
    String token;
    /** True once the token was refreshed after a 401 (at most once per request). */
    boolean refreshed;

    /**
     * @param reader null to buffer the body (within the size cap), else where a 2xx body goes
     */
    Call(FhirClient.BodyReader reader, Deadline deadline) {
        this.reader = reader;
        this.deadline = deadline;
    }

    boolean buffered() {
        return reader == null;
    }
}
