package org.chartlens.clinical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A resource's business identifiers ({@code identifier[]} system + value) read from its raw JSON
 * with one streaming pass that skips everything else; used to recognise the same fact at two
 * organizations (issue 14). Systems are compared the way servers vary them: case, a trailing
 * slash, {@code urn:oid:} and backslashes. Stateless, thread safe.
 */
final class BusinessIdentifiers {
    private static final JsonFactory JSON = new JsonFactory();

    private BusinessIdentifiers() {
    }

    /** "system|value" per identifier with both parts, or an empty list. */
    static List<String> of(String json) {
        if (json == null || !json.contains("\"identifier\"")) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("identifier".equals(name) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String system = null;
                        String value = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken v = p.nextToken();
                            if ("system".equals(f) && v == JsonToken.VALUE_STRING) {
                                system = p.getText();
                            } else if ("value".equals(f) && v == JsonToken.VALUE_STRING) {
                                value = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (system != null && value != null && !value.isBlank()) {
                            out.add(normalSystem(system) + "|" + value.trim());
                        }
                    }
                    return out;
                }
                p.skipChildren();
            }
        } catch (Exception e) {
            return out;
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
