package org.chartlens.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chartlens.domain.LiteralReference;

/**
 * Collects the indexed fields of one resource while its tokens stream by, and every literal
 * reference in it: each {@code "reference"} member holding a string, at any depth (contained
 * resources and extensions included), read by the tokenizer, so escaped quotes and slashes are
 * decoded and text inside other strings is never taken for a reference. Whatever is not an
 * indexed field is walked token by token instead of skipped, which costs no more than Jackson's
 * own {@code skipChildren} (that walks the same tokens). One instance per resource; not thread
 * safe.
 */
final class ResourceFields {
    private static final String REFERENCE = "reference";

    String type;
    String id;
    private String patientRef;
    private String status;
    private String clinicalStatus;
    private String code;
    private String codeFallback;
    String lastUpdated;
    private String effective;
    private int effectiveRank = Integer.MAX_VALUE;
    private List<LiteralReference> references;

    /** Reads one member's value (the parser is on the token after the member's name). */
    void field(String name, JsonToken t, JsonParser p) throws IOException {
        switch (name) {
            case "resourceType" -> type = text(t, p);
            case "id" -> id = text(t, p);
            case "status" -> status = text(t, p);
            case "meta" -> lastUpdated = t == JsonToken.START_OBJECT ? member(p, "lastUpdated") : skip(p);
            case "subject", "patient", "beneficiary" -> {
                String ref = t == JsonToken.START_OBJECT ? member(p, REFERENCE) : skip(p);
                if (patientRef == null) {
                    patientRef = ref;
                }
            }
            case "clinicalStatus" -> clinicalStatus = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                    ? coding(p, false) : skip(p);
            case "code", "vaccineCode", "medicationCodeableConcept" -> {
                String c = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? coding(p, true) : skip(p);
                if (code == null) {
                    code = c;
                }
            }
            case "type" -> codeFallback = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                    ? coding(p, true) : skip(p);
            default -> {
                int rank = EffectiveDates.rank(name);
                if (rank >= 0 && rank < effectiveRank) {
                    String v = date(name, t, p);
                    if (v != null) {
                        effective = v;
                        effectiveRank = rank;
                    }
                } else if (t == JsonToken.VALUE_STRING) {
                    // makes the string-length limit apply to top-level values that are
                    // otherwise skipped unread (a 50 MB string must not pass silently)
                    p.getTextLength();
                } else {
                    skip(p);
                }
            }
        }
    }

    /**
     * Passes over the current value (the parser is on its first token) and notes the literal
     * references inside it. Returns null, for use as "no value".
     */
    String skip(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return null;
        }
        int depth = 1;
        boolean referenceValue = false;
        while (depth > 0) {
            JsonToken n = p.nextToken();
            if (n == null) {
                throw new JsonEOFException(p, null, "Unexpected end of input in a resource");
            }
            if (n == JsonToken.FIELD_NAME) {
                referenceValue = REFERENCE.equals(p.currentName());
                continue;
            }
            if (n.isStructStart()) {
                depth++;
            } else if (n.isStructEnd()) {
                depth--;
            } else if (referenceValue && n == JsonToken.VALUE_STRING) {
                reference(p.getText());
            }
            referenceValue = false;
        }
        return null;
    }

    private void reference(String value) {
        LiteralReference r = LiteralReference.parse(value);
        if (r != null) {
            if (references == null) {
                references = new ArrayList<>(8);
            }
            references.add(r);
        }
    }

    private String text(JsonToken t, JsonParser p) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return skip(p);
    }

    /** Reads an object (current token START_OBJECT) and returns one string member. */
    private String member(JsonParser p, String wanted) throws IOException {
        String out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String n = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING && (wanted.equals(n) || REFERENCE.equals(n))) {
                String s = p.getText();
                if (REFERENCE.equals(n)) {
                    reference(s);
                }
                if (out == null && wanted.equals(n)) {
                    out = s;
                }
            } else {
                skip(p);
            }
        }
        return out;
    }

    /** A date element's value as given; a Period contributes its start (else its end). */
    private String date(String element, JsonToken t, JsonParser p) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.START_OBJECT && (element.endsWith("Period") || element.equals("period"))) {
            String start = null;
            String end = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String n = p.currentName();
                JsonToken v = p.nextToken();
                if ("start".equals(n) && v == JsonToken.VALUE_STRING) {
                    start = p.getText();
                } else if ("end".equals(n) && v == JsonToken.VALUE_STRING) {
                    end = p.getText();
                } else {
                    skip(p);
                }
            }
            return start != null ? start : end;
        }
        return skip(p);
    }

    /**
     * Reads a CodeableConcept or an array of them (current token START_OBJECT/START_ARRAY)
     * and returns the first coding's "system|code" (or "code").
     */
    private String coding(JsonParser p, boolean withSystem) throws IOException {
        String out = null;
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.START_OBJECT && out == null) {
                    out = coding(p, withSystem);
                } else {
                    skip(p);
                }
            }
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String n = p.currentName();
            JsonToken v = p.nextToken();
            if ("coding".equals(n) && v == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        skip(p);
                        continue;
                    }
                    String system = null;
                    String c = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String cn = p.currentName();
                        JsonToken cv = p.nextToken();
                        if ("system".equals(cn) && cv == JsonToken.VALUE_STRING) {
                            system = p.getText();
                        } else if ("code".equals(cn) && cv == JsonToken.VALUE_STRING) {
                            c = p.getText();
                        } else {
                            skip(p);
                        }
                    }
                    if (out == null && c != null) {
                        out = withSystem && system != null ? system + "|" + c : c;
                    }
                }
            } else {
                skip(p);
            }
        }
        return out;
    }

    ReceivedResource toResource(String fullUrl, String json) {
        String st = status != null ? status : clinicalStatus;
        String patient = "Patient".equals(type) ? id : patientRef;
        return new ReceivedResource(type, id, patient, effective, st, code != null ? code : codeFallback,
                lastUpdated, fullUrl, json, references == null ? List.of() : Collections.unmodifiableList(references));
    }
}
