package org.chartlens.store;

import java.util.Optional;

/**
 * Where the head of the audit chain is kept outside the cache file (the app keeps it in its
 * secret store, under the same protection as the cache key). Implementations must be thread
 * safe; a failure to read or write is a RuntimeException, which the cache logs without failing
 * the audited action.
 */
public interface AuditHeadStore {

    /** The head last written, empty when none was ever written. */
    Optional<AuditHead> read();

    /** Replaces the stored head. */
    void write(AuditHead head);

    /** Keeps nothing: the chain is checked on its own (tests, the benchmark, child processes). */
    AuditHeadStore NONE = new AuditHeadStore() {
        @Override
        public Optional<AuditHead> read() {
            return Optional.empty();
        }

        @Override
        public void write(AuditHead head) {
            // nothing kept
        }
    };
}
