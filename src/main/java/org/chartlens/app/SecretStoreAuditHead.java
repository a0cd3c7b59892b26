package org.chartlens.app;

import java.util.Optional;
import org.chartlens.auth.SecretStore;
import org.chartlens.store.AuditHead;
import org.chartlens.store.AuditHeadStore;

/**
 * Keeps the audit chain's head (last sequence number and hash) in the secret store, entry
 * {@value #ENTRY}, beside the cache key: outside the cache file, so that deleting the last audit
 * events or rewriting the chain with raw SQL shows ({@code chartlens audit verify}). Thread safe
 * as the secret store is. The app locks by closing the cache, so one instance serves one open
 * cache with the store that gave its key.
 */
final class SecretStoreAuditHead implements AuditHeadStore {
    /** The secret-store entry holding {@code seq:hash}. */
    static final String ENTRY = "audit-head";

    private final SecretStore secrets;

    SecretStoreAuditHead(SecretStore secrets) {
        this.secrets = secrets;
    }

    @Override
    public Optional<AuditHead> read() {
        return secrets.get(ENTRY).flatMap(AuditHead::decode);
    }

    @Override
    public void write(AuditHead head) {
        secrets.put(ENTRY, head.encode());
    }
}
