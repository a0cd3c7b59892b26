package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Pulls out of a resource the values searches filter on. Stateless. */
final class SearchIndex {
    /** Where each type keeps the date the {@code date} search parameter means. */
    private static final List<String> DATE_FIELDS = List.of("effectiveDateTime", "effectivePeriod",
            "effectiveInstant", "onsetDateTime", "onsetPeriod", "recordedDate", "performedDateTime",
            "performedPeriod", "occurrenceDateTime", "occurrencePeriod", "authoredOn", "period",
            "date", "issued", "billablePeriod", "created", "started", "recorded", "whenHandedOver");
    private static final List<String> CODE_FIELDS = List.of("code", "vaccineCode",
            "medicationCodeableConcept", "type");

    private SearchIndex() {
    }

    static StoredEntry entry(ObjectNode r, String patientId, Instant lastUpdated,
                             List<StoredEntry.Reference> refs, ObjectMapper mapper) {
        String type = r.path("resourceType").asText();
        long[] range = dateRange(r);
        Set<String> codes = new LinkedHashSet<>();
        for (String f : CODE_FIELDS) {
            if (r.has(f)) {
                tokens(r.get(f), codes);
                break;
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        if (r.has("category")) {
            tokens(r.get("category"), categories);
        } else if ("Encounter".equals(type) && r.has("class")) {
            tokens(r.get("class"), categories);
        }
        return new StoredEntry(type, r.path("id").asText(), patientId, lastUpdated, r, mapper,
                range == null ? Long.MIN_VALUE : range[0], range == null ? Long.MIN_VALUE : range[1],
                Set.copyOf(codes), Set.copyOf(categories), List.copyOf(refs));
    }

    static long[] dateRange(JsonNode r) {
        for (String f : DATE_FIELDS) {
            JsonNode v = r.get(f);
            if (v == null) {
                continue;
            }
            if (v.isTextual()) {
                long[] range = FhirDates.range(v.asText());
                if (range != null) {
                    return range;
                }
            } else if (v.isObject()) {
                long[] start = FhirDates.range(v.path("start").asText(null));
                long[] end = FhirDates.range(v.path("end").asText(null));
                if (start != null || end != null) {
                    return new long[] {start == null ? Long.MIN_VALUE + 1 : start[0],
                            end == null ? Long.MAX_VALUE : end[1]};
                }
            }
        }
        return null;
    }

    /** {@code system|code}, {@code code} (and {@code |code} when there is no system). */
    private static void tokens(JsonNode node, Set<String> out) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                tokens(n, out);
            }
            return;
        }
        if (node.has("coding")) {
            for (JsonNode c : node.get("coding")) {
                tokens(c, out);
            }
            return;
        }
        String code = node.path("code").asText(null);
        if (code != null) {
            String system = node.path("system").asText(null);
            out.add(code);
            out.add(system == null ? "|" + code : system + "|" + code);
        }
    }
}
