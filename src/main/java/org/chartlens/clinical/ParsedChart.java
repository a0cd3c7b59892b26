package org.chartlens.clinical;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.Source;

/**
 * A patient's chart parsed once (Jackson trees), indexed by type and id, shared by every
 * builder so no JSON is parsed twice. Cost: one JSON parse per resource (see {@link SlimTree}:
 * only the elements views read are materialised). Immutable after {@link #of}; thread
 * safe for reading.
 */
public final class ParsedChart {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(60_000_000).build());
    }

    /** Types some view reads; others (Provenance, SupplyDelivery, ...) are not parsed. */
    static final java.util.Set<String> USED = java.util.Set.of("Patient", "Condition", "Observation",
            "Encounter", "Procedure", "MedicationRequest", "MedicationStatement", "MedicationDispense",
            "MedicationAdministration", "Medication",
            "Immunization", "AllergyIntolerance", "DiagnosticReport", "DocumentReference",
            "Claim", "ExplanationOfBenefit", "Coverage");

    private final Map<String, List<ResourceTree>> byType;
    private final Map<String, ResourceTree> byTypeAndId;
    private final List<String> warnings;

    private ParsedChart(Map<String, List<ResourceTree>> byType,
                        Map<String, ResourceTree> byTypeAndId, List<String> warnings) {
        this.byType = byType;
        this.byTypeAndId = byTypeAndId;
        this.warnings = warnings;
    }

    /** Parses every resource; unreadable JSON is skipped and counted in {@link #warnings()}. */
    public static ParsedChart of(List<RawResource> resources) {
        ResourceTree[] parsed = new ResourceTree[resources.size()];
        java.util.stream.IntStream.range(0, resources.size()).parallel().forEach(i -> {
            RawResource r = resources.get(i);
            try {
                if (!USED.contains(r.type())) {
                    return;
                }
                JsonNode n = SlimTree.read(JSON.getFactory(), r.json(), r.type());
                if (n != null && n.isObject()) {
                    parsed[i] = new ResourceTree(r, n, new Source(r.org(), r.type(), r.id(), BusinessIdentifiers.keys(r.type(), n)));
                }
            } catch (Exception e) {
                parsed[i] = null;
            }
        });
        Map<String, List<ResourceTree>> byType = new LinkedHashMap<>();
        Map<String, ResourceTree> byId = new HashMap<>();
        int bad = 0;
        for (int i = 0; i < parsed.length; i++) {
            ResourceTree p = parsed[i];
            if (p == null && !USED.contains(resources.get(i).type())) {
                continue;
            }
            if (p == null) {
                bad++;
                continue;
            }
            byType.computeIfAbsent(p.type(), t -> new ArrayList<>()).add(p);
            byId.put(p.type() + "/" + p.raw().id(), p);
        }
        List<String> warnings = new ArrayList<>();
        if (bad > 0) {
            warnings.add(bad + " cached resource(s) could not be read and are not shown.");
        }
        return new ParsedChart(byType, byId, warnings);
    }

    public List<ResourceTree> all(String type) {
        return byType.getOrDefault(type, Collections.emptyList());
    }

    public ResourceTree get(String type, String id) {
        return byTypeAndId.get(type + "/" + id);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public int size() {
        return byTypeAndId.size();
    }
}
