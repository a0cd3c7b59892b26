package org.chartlens.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.chartlens.domain.Compartment;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirJson;
import org.chartlens.fhir.ReceivedResource;

/**
 * Where the {@code urn:uuid:} and conditional references ({@code Practitioner?identifier=...})
 * of one import point, across all its files, and their rewriting to literal {@code Type/id}.
 * Filled by {@link #index} for every Bundle file first (pass 1), then used by {@link #rewrite}
 * while each file is imported (pass 2). Not thread safe: one per import.
 */
final class ImportReferences {
    private final FhirJson json;
    private final Map<String, String> literal = new HashMap<>();

    ImportReferences(FhirJson json) {
        this.json = json;
    }

    /**
     * Pass 1: where each fullUrl (urn:uuid) and each shared resource's identifier points. Streams
     * the file (no tree); only shared resources (small) are parsed for their identifiers.
     */
    void index(byte[] file) throws FhirException, IOException {
        for (ReceivedResource p : json.readPage(file).resources()) {
            String id = p.id();
            if ((id == null || id.isBlank()) && p.fullUrl() != null && p.fullUrl().startsWith("urn:uuid:")) {
                id = p.fullUrl().substring("urn:uuid:".length());
            }
            if (id == null) {
                continue;
            }
            String lit = p.type() + "/" + id;
            if (p.fullUrl() != null && !p.fullUrl().isEmpty()) {
                literal.put(p.fullUrl(), lit);
            }
            if (!Compartment.isShared(p.type())) {
                continue;
            }
            String type = p.type();
            JsonNode r = json.mapper().readTree(p.json());
            for (JsonNode ident : r.path("identifier")) {
                String value = ident.path("value").asText(null);
                if (value != null) {
                    literal.put(type + "?identifier=" + ident.path("system").asText("") + "|" + value, lit);
                    literal.put(type + "?identifier=" + value, lit);
                }
            }
        }
    }

    /** Rewrites urn:uuid and conditional references to literal Type/id where the import knows them. */
    void rewrite(JsonNode node, ParseWarnings problems) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if ("reference".equals(f.getKey()) && v.isTextual()) {
                    String ref = v.asText();
                    if (ref.startsWith("urn:") || ref.contains("?")) {
                        String lit = literal.get(ref);
                        if (lit != null) {
                            f.setValue(TextNode.valueOf(lit));
                        } else {
                            problems.report("References that resolve nowhere were kept as given");
                        }
                    }
                } else if (v.isContainerNode()) {
                    rewrite(v, problems);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                rewrite(n, problems);
            }
        }
    }
}
