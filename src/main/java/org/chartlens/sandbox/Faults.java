package org.chartlens.sandbox;

import java.io.IOException;

/**
 * Faults on demand for resilience tests (see {@code --fault} in {@code sandbox --help}). Thread
 * safe.
 */
public final class Faults {
    Faults() {
    }

    void bind(java.net.URI foreignOrigin, DemoEhrContext ctx) {
    }

    /** Adds the faults of one spec (same syntax as {@code --fault}). */
    public void set(String spec) {
        throw new UnsupportedOperationException("faults arrive in stage 2");
    }

    /** Removes every fault. */
    public void clear() {
    }

    /** Applies a request-level fault; true when it answered (or dropped) the request itself. */
    boolean before(HttpCall call) throws IOException {
        return false;
    }

    /** Body-level faults (malformed, deep, huge, script narrative). */
    byte[] shape(byte[] json) {
        return json;
    }

    /** The next link to send (foreign-next / loop-next change it). */
    String nextLink(String next) {
        return next;
    }
}
