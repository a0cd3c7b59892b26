package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chartlens.domain.Source;

/**
 * What a person's merge matches a resource on besides its fields ({@link Source.Keys}), read from
 * its parsed tree when the chart is parsed, so no item keeps its raw JSON for the merge: business
 * identifiers ({@code identifier[]} system + value) for every resource, used to recognise the same
 * fact at two organizations (issue 14), and every coding of a Condition's code (the Reconcile tab
 * joins SNOMED CT and ICD-10 through them). Identifier systems are compared the way servers vary
 * them: case, a trailing slash, {@code urn:oid:} and backslashes. Stateless, thread safe.
 */
final class BusinessIdentifiers {

    private BusinessIdentifiers() {
    }

    /** The keys of one parsed resource; {@link Source.Keys#NONE} (shared) when it has none. */
    static Source.Keys keys(String type, JsonNode node) {
        List<String> ids = of(node);
        List<Source.Coding> codings = "Condition".equals(type) ? codings(node) : List.of();
        return ids.isEmpty() && codings.isEmpty() ? Source.Keys.NONE : new Source.Keys(ids, codings);
    }

    /**
     * "system|value" per identifier with both parts (strings, value not blank), or an empty list;
     * the identifiers up to the first entry that is not an object, as a streaming read stops there.
     */
    static List<String> of(JsonNode node) {
        JsonNode ids = node.get("identifier");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(ids.size());
        for (JsonNode i : ids) {
            if (!i.isObject()) {
                break;
            }
            JsonNode system = i.get("system");
            JsonNode value = i.get("value");
            if (system != null && system.isTextual() && value != null && value.isTextual() && !value.textValue().isBlank()) {
                out.add(normalSystem(system.textValue()) + "|" + value.textValue().trim());
            }
        }
        return out;
    }

    /** Every coding of {@code code.coding} with a code that is not blank, in order. */
    static List<Source.Coding> codings(JsonNode node) {
        JsonNode codings = node.path("code").path("coding");
        if (codings.isEmpty()) {
            return List.of();
        }
        List<Source.Coding> out = new ArrayList<>(codings.size());
        for (JsonNode c : codings) {
            String code = c.path("code").asText("");
            if (!code.isBlank()) {
                out.add(new Source.Coding(c.path("system").asText(null), code));
            }
        }
        return out;
    }

    static String normalSystem(String system) {
        String s = system.trim().replace('\\', '/').toLowerCase(Locale.ROOT);
        if (s.startsWith("urn:oid:")) {
            s = s.substring("urn:oid:".length());
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
