package org.chartlens.fhir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * A request that failed on the network (no answer in time, not reachable, connection dropped
 * before the body was complete): the one kind of exception {@link RetryStep} retries.
 */
final class NetworkFailure extends FhirException {
    NetworkFailure(IOException e) {
        super(Kind.NETWORK, 0, "The server " + (e instanceof HttpTimeoutException ? "did not answer in time"
                : e instanceof ConnectException ? "could not be reached" : "dropped the connection") + ".", e);
    }
}
