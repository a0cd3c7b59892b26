package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code PractitionerRole?practitioner=Practitioner/a,b}: the Provider Directory roles of given
 * practitioners. Synthea's roles name their practitioner by identifier (NPI), not by a literal
 * reference, so a role matches when its {@code practitioner.reference} names one of them or its
 * {@code practitioner.identifier} is one of theirs. Stateless.
 */
final class DirectorySearch {
    private DirectorySearch() {
    }

    static List<StoredEntry> rolesOf(List<StoredEntry> roles, String practitioners, ServedResources data,
                                     ObjectMapper mapper) throws FhirError {
        Set<String> literal = new HashSet<>();
        Set<String> identifiers = new HashSet<>();
        try {
            for (String v : practitioners.split(",")) {
                String id = v.substring(v.lastIndexOf('/') + 1).trim();
                literal.add("Practitioner/" + id);
                StoredEntry p = data.get("Practitioner", id);
                if (p != null) {
                    for (JsonNode i : mapper.readTree(p.json()).path("identifier")) {
                        identifiers.add(key(i));
                    }
                }
            }
            List<StoredEntry> out = new ArrayList<>();
            for (StoredEntry role : roles) {
                JsonNode who = mapper.readTree(role.json()).path("practitioner");
                String ref = who.path("reference").asText("");
                int at = ref.lastIndexOf("Practitioner/");
                JsonNode ident = who.path("identifier");
                if ((at >= 0 && literal.contains(ref.substring(at)))
                        || identifiers.contains(key(ident))) {
                    out.add(role);
                }
            }
            return out;
        } catch (IOException e) {
            throw new FhirError(500, "exception", "A directory resource could not be read.");
        }
    }

    /** system|value with the system reduced to letters and digits (CareCloud writes its systems with backslashes). */
    private static String key(JsonNode identifier) {
        return identifier.path("system").asText("").replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT)
                + "|" + identifier.path("value").asText("");
    }
}
