package org.chartlens.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a server says it can do, read from its CapabilityStatement with Jackson (no HAPI model:
 * see decision 0301). Immutable and thread safe. {@link #unknown()} stands for a server whose
 * /metadata could not be read: everything is then tried and failures recorded per type.
 */
public final class Capabilities {
    private final boolean known;
    private final Map<String, Set<String>> searchParams;
    private final Map<String, Set<String>> operations;
    private final Set<String> systemOperations;
    /** Types listed with interactions of which none is {@code search-type} ("read" only). */
    private final Set<String> readOnly;

    private Capabilities(boolean known, Map<String, Set<String>> searchParams,
                         Map<String, Set<String>> operations, Set<String> systemOperations, Set<String> readOnly) {
        this.known = known;
        this.searchParams = searchParams;
        this.operations = operations;
        this.systemOperations = systemOperations;
        this.readOnly = readOnly;
    }

    public static Capabilities unknown() {
        return new Capabilities(false, Map.of(), Map.of(), Set.of(), Set.of());
    }

    public static Capabilities of(JsonNode cs) {
        if (cs == null || !"CapabilityStatement".equals(cs.path("resourceType").asText())) {
            return unknown();
        }
        Map<String, Set<String>> params = new HashMap<>();
        Map<String, Set<String>> ops = new HashMap<>();
        Set<String> sysOps = new HashSet<>();
        Set<String> readOnly = new HashSet<>();
        for (JsonNode rest : cs.path("rest")) {
            if (!"server".equals(rest.path("mode").asText("server"))) {
                continue;
            }
            for (JsonNode r : rest.path("resource")) {
                String type = r.path("type").asText(null);
                if (type == null) {
                    continue;
                }
                Set<String> p = params.computeIfAbsent(type, t -> new HashSet<>());
                JsonNode interactions = r.path("interaction");
                boolean search = false;
                for (JsonNode i : interactions) {
                    search |= "search-type".equals(i.path("code").asText());
                }
                if (interactions.size() > 0 && !search) {
                    readOnly.add(type);
                }
                for (JsonNode sp : r.path("searchParam")) {
                    p.add(sp.path("name").asText());
                }
                Set<String> o = ops.computeIfAbsent(type, t -> new HashSet<>());
                for (JsonNode op : r.path("operation")) {
                    o.add(stripDollar(op.path("name").asText()));
                }
            }
            for (JsonNode op : rest.path("operation")) {
                sysOps.add(stripDollar(op.path("name").asText()));
            }
        }
        return new Capabilities(true, params, ops, sysOps, readOnly);
    }

    private static String stripDollar(String s) {
        return s.startsWith("$") ? s.substring(1) : s;
    }

    /** False when the server's CapabilityStatement was not available. */
    public boolean known() {
        return known;
    }

    /** True when the type is listed (or nothing is known). */
    public boolean supports(String type) {
        return !known || searchParams.containsKey(type);
    }

    /** False when the type is offered for read by id only (its interactions lack {@code search-type}). */
    public boolean searchable(String type) {
        return supports(type) && !readOnly.contains(type);
    }

    public boolean supportsSearchParam(String type, String param) {
        return !known || searchParams.getOrDefault(type, Set.of()).contains(param);
    }

    /** Patient/$everything listed. */
    public boolean supportsEverything() {
        return known && operations.getOrDefault("Patient", Set.of()).contains("everything");
    }

    /** Bulk $export listed (system, Patient or Group level). */
    public boolean supportsExport() {
        return known && (systemOperations.contains("export")
                || operations.getOrDefault("Patient", Set.of()).contains("export")
                || operations.getOrDefault("Group", Set.of()).contains("export"));
    }

    /** Types listed with a {@code patient} search parameter: the patient compartment on offer. */
    public Set<String> patientSearchTypes() {
        Set<String> out = new HashSet<>();
        searchParams.forEach((t, p) -> {
            if (p.contains("patient")) {
                out.add(t);
            }
        });
        return Collections.unmodifiableSet(out);
    }
}
