package org.chartlens.clinical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * Reads a resource into a Jackson tree leaving out what no view reads: claim line items,
 * narratives, meta, attachment data and presented forms (together about two thirds of a
 * Synthea chart's bytes). The raw JSON stays in the cache row, so "show raw JSON" and opening
 * an attachment still see everything. Stateless, thread safe.
 */
final class SlimTree {
    /** Top-level elements skipped for every type. */
    private static final Set<String> SKIP_TOP = Set.of("text", "meta", "item", "presentedForm",
            "contained", "supportingInfo", "procedure", "diagnosis", "careTeam", "addItem");
    /** Elements skipped at any depth (attachment payloads). */
    private static final Set<String> SKIP_ANY = Set.of("data");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlimTree() {
    }

    /** Types whose contained resources a view reads: the drug of a medication record (issue 16). */
    private static final Set<String> KEEP_CONTAINED = Set.of("MedicationRequest", "MedicationStatement",
            "MedicationDispense", "MedicationAdministration");

    static JsonNode read(JsonFactory factory, String json, String type) throws IOException {
        boolean keepAll = type.equals("Patient");
        // the UTF-8 bytes, not the String: Jackson's byte parser reads them in place, where the
        // String one first copies (and widens) every character into a char buffer (issue 21)
        try (JsonParser p = factory.createParser(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            return object(p, 0, keepAll, KEEP_CONTAINED.contains(type));
        }
    }

    private static ObjectNode object(JsonParser p, int depth, boolean keepAll) throws IOException {
        return object(p, depth, keepAll, false);
    }

    private static ObjectNode object(JsonParser p, int depth, boolean keepAll, boolean keepContained) throws IOException {
        ObjectNode o = NODES.objectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            boolean skipTop = depth == 0 && SKIP_TOP.contains(name) && !(keepContained && name.equals("contained"));
            if (!keepAll && (skipTop || SKIP_ANY.contains(name))) {
                if (v == JsonToken.VALUE_STRING && SKIP_ANY.contains(name)) {
                    o.put(name + "$present", true);
                }
                p.skipChildren();
                continue;
            }
            o.set(name, value(p, v, depth + 1, keepAll));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unexpected token");
        }
        return o;
    }

    private static JsonNode value(JsonParser p, JsonToken v, int depth, boolean keepAll) throws IOException {
        switch (v) {
            case START_OBJECT:
                return object(p, depth, keepAll);
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new IOException("truncated");
                    }
                    a.add(value(p, t, depth + 1, keepAll));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected token " + v);
        }
    }
}
