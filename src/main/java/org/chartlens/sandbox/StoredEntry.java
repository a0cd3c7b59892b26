package org.chartlens.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One served resource: its JSON serialised once at load (pages are built by concatenating these
 * bytes) and the few values searches filter on. Immutable; {@code json} must not be modified.
 *
 * @param patientId  the patient whose chart this belongs to; null for shared resources
 *                   (Organization, Practitioner, Location, ...)
 * @param dateLow    start of the resource's clinical date range (epoch ms, inclusive), or
 *                   {@link Long#MIN_VALUE} when it has none
 * @param dateHigh   end of that range (epoch ms, exclusive)
 * @param codes      {@code system|code} and bare {@code code} tokens of its main code
 * @param categories the same for its category
 * @param references resolved {@code Type/id} references with the top-level field they sit in
 */
record StoredEntry(String type, String id, String patientId, Instant lastUpdated, byte[] json,
                   long dateLow, long dateHigh, Set<String> codes, Set<String> categories,
                   List<Reference> references) {

    record Reference(String field, String target) {
    }

    String key() {
        return type + "/" + id;
    }

    boolean hasDate() {
        return dateLow != Long.MIN_VALUE;
    }

    @Override
    public String toString() {
        // no body: resource contents are PHI and must not reach logs
        return "StoredEntry[" + key() + ", " + json.length + " bytes]";
    }

    String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }
}
