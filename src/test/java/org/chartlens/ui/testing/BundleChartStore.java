package org.chartlens.ui.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.Freshness;
import org.chartlens.store.StoredResource;

/**
 * TEST fixture only: a read-only in-memory {@link ChartStore} over Synthea bundle files, used
 * until the encrypted store is on main. Thread safe (immutable after construction).
 */
public final class BundleChartStore implements ChartStore {
    private final Map<String, List<StoredResource>> charts = new LinkedHashMap<>();
    private final List<CachedPatient> patients = new ArrayList<>();
    private final Instant synced;

    public BundleChartStore(Instant synced, Path... bundles) {
        this.synced = synced;
        for (Path b : bundles) {
            List<StoredResource> rows = SyntheaBundles.chart(b);
            StoredResource patient = rows.stream().filter(r -> r.type().equals("Patient")).findFirst()
                    .orElseThrow();
            charts.put(patient.org() + ":" + patient.id(), rows);
            patients.add(new CachedPatient(patient.org(), patient.id(), patient.json(), synced));
        }
    }

    @Override
    public List<CachedPatient> patients() {
        return List.copyOf(patients);
    }

    @Override
    public List<StoredResource> chart(String org, String patientId) {
        return charts.getOrDefault(org + ":" + patientId, List.of());
    }

    @Override
    public Optional<StoredResource> resource(String org, String type, String id) {
        return charts.values().stream().flatMap(List::stream)
                .filter(r -> r.org().equals(org) && r.type().equals(type) && r.id().equals(id))
                .findFirst();
    }

    @Override
    public List<Freshness> freshness(String org) {
        return List.of(new Freshness(org, "Patient", synced, null, null, "ok"),
                new Freshness(org, "Observation", synced, null, null, "ok"));
    }

    @Override
    public void close() {
    }
}
