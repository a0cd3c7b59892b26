package org.chartlens.fhir;

import java.util.concurrent.atomic.AtomicInteger;
import org.chartlens.auth.AccessTokenSource;
import org.chartlens.auth.AuthException;

/** A token source for fhir-layer unit tests: hands out "t0", refreshes to "t1", "t2", ... and counts. */
final class CountingTokens implements AccessTokenSource {
    final AtomicInteger refreshes = new AtomicInteger();
    volatile String current = "t0";
    volatile boolean refreshFails;

    @Override
    public String accessToken() {
        return current;
    }

    @Override
    public synchronized String refreshAfterRejection(String rejectedToken) throws AuthException {
        if (refreshFails) {
            throw new AuthException("Sign in to Test again.", "invalid_grant", null);
        }
        if (rejectedToken.equals(current)) {
            current = "t" + refreshes.incrementAndGet();
        }
        return current;
    }
}
