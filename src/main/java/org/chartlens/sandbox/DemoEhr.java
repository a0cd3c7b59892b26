package org.chartlens.sandbox;

import java.net.URI;

/**
 * The embedded demo EHR: FHIR server + SMART authorization server on 127.0.0.1.
 * See docs/demo-ehr.md for the HTTP contract. Thread safe. (Skeleton: filled in by the
 * demo-EHR work.)
 */
public final class DemoEhr implements AutoCloseable {

    public static DemoEhr start(SandboxOptions options) {
        throw new UnsupportedOperationException("not built yet");
    }

    public URI fhirBase() {
        throw new UnsupportedOperationException();
    }

    public URI issuer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
