package org.chartlens.ui.port;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.chartlens.store.AuditAction;
import org.chartlens.store.AuditCheck;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ChartCache;

/**
 * An {@link AuditPort} over the open cache (the supplier throws while locked). Thread safe:
 * the cache is.
 */
public final class CacheAuditPort implements AuditPort {
    private final Supplier<ChartCache> cache;

    public CacheAuditPort(Supplier<ChartCache> cache) {
        this.cache = cache;
    }

    @Override
    public void record(AuditAction action, String org, String patientId, String detail, String source) {
        cache.get().audit(action, org, patientId, detail, source);
    }

    @Override
    public List<AuditEvent> events(Instant since, String org, String patientId) {
        return cache.get().auditEvents(since, org, patientId);
    }

    @Override
    public AuditCheck verify() {
        return cache.get().verifyAudit();
    }
}
