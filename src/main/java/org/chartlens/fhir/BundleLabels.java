package org.chartlens.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A server may label a whole response: a Bundle's own {@code meta.security} applies to every entry
 * (FHIR security labels, issue 18). The cache keeps resources, not Bundles, so the Bundle's labels
 * are copied into each entry's own {@code meta.security} (those it lacks, by system and code) before
 * the entry is stored; the clinical layer then reads one place. Only pages whose Bundle is labelled
 * are re-serialised. Stateless.
 */
final class BundleLabels {
    private BundleLabels() {
    }

    /** The entries with the Bundle's labels added; as they are when {@code security} is empty. */
    static List<ReceivedResource> onto(List<ReceivedResource> entries, JsonNode security, ObjectMapper mapper)
            throws IOException {
        if (security == null || !security.isArray() || security.isEmpty()) {
            return entries;
        }
        List<ReceivedResource> out = new ArrayList<>(entries.size());
        for (ReceivedResource r : entries) {
            JsonNode tree = mapper.readTree(r.json());
            if (!(tree instanceof ObjectNode o)) {
                out.add(r);
                continue;
            }
            JsonNode metaNode = o.get("meta");
            ObjectNode meta = metaNode instanceof ObjectNode m ? m : o.putObject("meta");
            JsonNode secNode = meta.get("security");
            ArrayNode sec = secNode instanceof ArrayNode a ? a : meta.putArray("security");
            for (JsonNode label : security) {
                if (!contains(sec, label)) {
                    sec.add(label.deepCopy());
                }
            }
            out.add(new ReceivedResource(r.type(), r.id(), r.patientRef(), r.effective(), r.status(), r.code(),
                    r.lastUpdated(), r.fullUrl(), mapper.writeValueAsString(o), r.references()));
        }
        return out;
    }

    private static boolean contains(ArrayNode sec, JsonNode label) {
        for (JsonNode s : sec) {
            if (s.path("system").asText("").equals(label.path("system").asText(""))
                    && s.path("code").asText("").equals(label.path("code").asText(""))) {
                return true;
            }
        }
        return false;
    }
}
