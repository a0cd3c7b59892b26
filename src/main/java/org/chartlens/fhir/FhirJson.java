package org.chartlens.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming reader for FHIR JSON: Bundles (search pages, $everything, transaction bundles),
 * single resources and NDJSON lines. Picks the indexed fields out of each resource while
 * tokenising it and slices the resource's raw bytes, so no full tree is built (a 29 MB chart
 * reads in about a tenth of a second).
 *
 * <p>Hostile input is bounded by Jackson {@link StreamReadConstraints}: nesting depth, string
 * length, document length; a violation becomes {@link FhirException.Kind#TOO_LARGE} with a plain
 * message, never a StackOverflowError or an OutOfMemoryError.
 *
 * <p>Thread safe and cheap to share: one instance per limits.
 */
public final class FhirJson {

    /** Limits for what a server may send. */
    public record Limits(int maxDepth, int maxStringBytes, long maxDocumentBytes) {
        /** 100 levels, 32 MB strings, 256 MB documents. */
        public static Limits defaults() {
            return new Limits(100, 32 * 1024 * 1024, 256L * 1024 * 1024);
        }
    }

    private final JsonFactory factory;
    private final ObjectMapper mapper;
    private final Limits limits;

    public FhirJson(Limits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringBytes())
                        .maxDocumentLength(limits.maxDocumentBytes())
                        .maxNumberLength(1000)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public FhirJson() {
        this(Limits.defaults());
    }

    public Limits limits() {
        return limits;
    }

    /** A Jackson mapper with the same limits, for small documents (CapabilityStatement, ...). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses a small document into a tree under the same limits. */
    public JsonNode tree(byte[] body) throws FhirException {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /**
     * Reads a page: a Bundle (entries' resources), or a single resource (a page of one), or an
     * OperationOutcome (no resources, its text in {@link BundlePage#outcomes()}).
     */
    public BundlePage readPage(byte[] body) throws FhirException {
        List<ReceivedResource> resources = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String next = null;
        int total = -1;
        String rootType = null;
        String rootLastUpdated = null;
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FhirException(FhirException.Kind.MALFORMED, 0,
                        "The server sent something that is not a FHIR JSON object.", null);
            }
            int rootStart = 0;
            ResourceFields root = new ResourceFields();
            boolean bundleFieldsSeen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "entry" -> {
                        bundleFieldsSeen = true;
                        if (t == JsonToken.START_ARRAY) {
                            readEntries(p, body, resources, outcomes, problems);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "link" -> {
                        bundleFieldsSeen = true;
                        JsonNode links = mapper.readTree(p);
                        for (JsonNode l : links) {
                            if ("next".equals(l.path("relation").asText()) && l.hasNonNull("url")) {
                                next = l.get("url").asText();
                            }
                        }
                    }
                    case "total" -> {
                        total = t.isNumeric() ? p.getIntValue() : -1;
                    }
                    default -> root.field(name, t, p, mapper);
                }
            }
            rootType = root.type;
            rootLastUpdated = root.lastUpdated;
            if (!"Bundle".equals(root.type)) {
                if (bundleFieldsSeen) {
                    problems.add("A page had Bundle entries but resourceType " + safeType(root.type));
                } else if ("OperationOutcome".equals(root.type)) {
                    outcomes.add(OperationOutcomes.toText(mapper.readTree(body)));
                } else if (root.type != null) {
                    resources.add(root.toResource(null, slice(body, rootStart, body.length)));
                } else {
                    problems.add("A document without resourceType was skipped");
                }
            }
        } catch (IOException e) {
            throw translate(e);
        }
        return new BundlePage(resources, next, total, outcomes, problems, body.length,
                "Bundle".equals(rootType) ? rootLastUpdated : null);
    }

    private void readEntries(JsonParser p, byte[] body, List<ReceivedResource> out,
                             List<String> outcomes, List<String> problems) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                problems.add("A Bundle entry that is not an object was skipped");
                continue;
            }
            String fullUrl = null;
            ReceivedResource r = null;
            boolean outcome = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("fullUrl".equals(name) && t == JsonToken.VALUE_STRING) {
                    fullUrl = p.getText();
                } else if ("resource".equals(name) && t == JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    ResourceFields f = new ResourceFields();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String fn = p.currentName();
                        f.field(fn, p.nextToken(), p, mapper);
                    }
                    int end = (int) p.currentLocation().getByteOffset();
                    if ("OperationOutcome".equals(f.type)) {
                        outcome = true;
                        outcomes.add(OperationOutcomes.toText(mapper.readTree(slice(body, start, end))));
                    } else if (f.type == null) {
                        problems.add("A Bundle entry without resourceType was skipped");
                    } else {
                        r = f.toResource(null, slice(body, start, end));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (r != null && !outcome) {
                out.add(fullUrl == null ? r : withFullUrl(r, fullUrl));
            }
        }
    }

    /** Reads one resource from one NDJSON line (or any single-resource document). */
    public ReceivedResource readResource(byte[] line, int off, int len) throws FhirException {
        try (JsonParser p = factory.createParser(line, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FhirException(FhirException.Kind.MALFORMED, "A line is not a JSON object.");
            }
            ResourceFields f = new ResourceFields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String fn = p.currentName();
                f.field(fn, p.nextToken(), p, mapper);
            }
            if (f.type == null) {
                throw new FhirException(FhirException.Kind.MALFORMED, "A resource has no resourceType.");
            }
            return f.toResource(null, new String(line, off, len, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private static ReceivedResource withFullUrl(ReceivedResource r, String fullUrl) {
        return new ReceivedResource(r.type(), r.id(), r.patientRef(), r.effective(), r.status(), r.code(),
                r.lastUpdated(), fullUrl, r.json());
    }

    private static String slice(byte[] body, int start, int end) {
        return new String(body, start, end - start, StandardCharsets.UTF_8);
    }

    private static String safeType(String t) {
        return t == null ? "(none)" : t.length() > 40 ? t.substring(0, 40) : t;
    }

    /** Maps Jackson failures to plain, PHI-free messages. */
    static FhirException translate(IOException e) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage());
            String what = m.contains("nesting depth") ? "is nested too deeply"
                    : m.contains("String value length") ? "contains a text value that is too long"
                    : m.contains("Document length") ? "is too large"
                    : m.contains("Number value length") ? "contains a number that is too long"
                    : "exceeds a safety limit";
            return new FhirException(FhirException.Kind.TOO_LARGE, 0,
                    "The server's response " + what + " and was not read.", null);
        }
        if (e instanceof JsonProcessingException) {
            return new FhirException(FhirException.Kind.MALFORMED, 0,
                    "The server's response is not valid JSON.", null);
        }
        return new FhirException(FhirException.Kind.NETWORK, 0, "Reading the response failed.", e);
    }

    /** Collects the indexed fields of one resource while its tokens stream by. */
    static final class ResourceFields {
        String type;
        String id;
        String patientRef;
        String status;
        String clinicalStatus;
        String code;
        String codeFallback;
        String lastUpdated;
        String effective;
        int effectiveRank = Integer.MAX_VALUE;

        void field(String name, JsonToken t, JsonParser p, ObjectMapper mapper) throws IOException {
            switch (name) {
                case "resourceType" -> type = text(t, p);
                case "id" -> id = text(t, p);
                case "status" -> status = text(t, p);
                case "meta" -> lastUpdated = t == JsonToken.START_OBJECT ? member(p, "lastUpdated") : skip(p);
                case "subject", "patient", "beneficiary" -> {
                    String ref = t == JsonToken.START_OBJECT ? member(p, "reference") : skip(p);
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
                        String v = EffectiveDates.value(name, t, p, mapper);
                        if (v != null) {
                            effective = v;
                            effectiveRank = rank;
                        }
                    } else if (t == JsonToken.VALUE_STRING) {
                        // makes the string-length limit apply to top-level values that are
                        // otherwise skipped unread (a 50 MB string must not pass silently)
                        p.getTextLength();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }

        private static String skip(JsonParser p) throws IOException {
            p.skipChildren();
            return null;
        }

        private static String text(JsonToken t, JsonParser p) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            p.skipChildren();
            return null;
        }

        /** Reads an object (current token START_OBJECT) and returns one string member. */
        static String member(JsonParser p, String wanted) throws IOException {
            String out = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String n = p.currentName();
                JsonToken v = p.nextToken();
                if (out == null && wanted.equals(n) && v == JsonToken.VALUE_STRING) {
                    out = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return out;
        }

        /**
         * Reads a CodeableConcept or an array of them (current token START_OBJECT/START_ARRAY)
         * and returns the first coding's "system|code" (or "code").
         */
        static String coding(JsonParser p, boolean withSystem) throws IOException {
            String out = null;
            if (p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.START_OBJECT && out == null) {
                        out = coding(p, withSystem);
                    } else {
                        p.skipChildren();
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
                            p.skipChildren();
                            continue;
                        }
                        String system = null;
                        String code = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String cn = p.currentName();
                            JsonToken cv = p.nextToken();
                            if ("system".equals(cn) && cv == JsonToken.VALUE_STRING) {
                                system = p.getText();
                            } else if ("code".equals(cn) && cv == JsonToken.VALUE_STRING) {
                                code = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (out == null && code != null) {
                            out = withSystem && system != null ? system + "|" + code : code;
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            return out;
        }

        ReceivedResource toResource(String fullUrl, String json) {
            String st = status != null ? status : clinicalStatus;
            String patient = "Patient".equals(type) ? id : patientRef;
            return new ReceivedResource(type, id, patient, effective, st, code != null ? code : codeFallback,
                    lastUpdated, fullUrl, json);
        }
    }
}
