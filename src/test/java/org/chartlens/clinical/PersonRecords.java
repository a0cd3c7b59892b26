package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.Freshness;
import org.chartlens.store.StoredResource;

/** TEST fixture: a small in-memory store of hand-written records at several organizations. */
final class PersonRecords implements ChartStore {
    final List<StoredResource> rows = new ArrayList<>();

    /** Adds a resource of {@code patient} at {@code org}; {@code body} is the JSON after resourceType and id. */
    PersonRecords add(String org, String patient, String type, String id, String body) {
        String json = "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"" + (body.isEmpty() ? "" : "," + body) + "}";
        rows.add(new StoredResource(org, type, id, patient, null, null, null, json));
        return this;
    }

    @Override
    public List<CachedPatient> patients() {
        return rows.stream().filter(r -> r.type().equals("Patient"))
                .map(r -> new CachedPatient(r.org(), r.id(), r.json(), null)).toList();
    }

    @Override
    public List<StoredResource> chart(String org, String patientId) {
        return rows.stream().filter(r -> r.org().equals(org) && patientId.equals(r.patientId())).toList();
    }

    @Override
    public Optional<StoredResource> resource(String org, String type, String id) {
        return rows.stream().filter(r -> r.org().equals(org) && r.type().equals(type) && r.id().equals(id)).findFirst();
    }

    @Override
    public List<Freshness> freshness(String org) {
        return List.of();
    }

    @Override
    public void close() {
    }

    static String coded(String system, String code, String display) {
        return "{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\",\"display\":\"" + display + "\"}]}";
    }

    static String status(String s) {
        return "{\"coding\":[{\"code\":\"" + s + "\"}]}";
    }
}
