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
 * single resources and NDJSON lines. Picks the indexed fields and every literal reference out of
 * each resource while tokenising it ({@link ResourceFields}) and slices the resource's raw bytes,
 * so no full tree is built and nothing scans the JSON again (a 29 MB chart reads in about a
 * tenth of a second). This is the one pass over each resource on the way into the cache.
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
        JsonNode rootSecurity = null;
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
                // a Bundle's own members; in any other resource (Patient.link) they are its fields
                boolean bundle = root.type == null || "Bundle".equals(root.type);
                switch (bundle ? name : "") {
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
                    case "meta" -> {
                        // the Bundle's labels apply to every entry (issue 18, BundleLabels)
                        JsonNode meta = mapper.readTree(p);
                        if (meta.path("lastUpdated").isTextual()) {
                            root.lastUpdated = meta.get("lastUpdated").asText();
                        }
                        rootSecurity = meta.get("security");
                    }
                    default -> root.field(name, t, p);
                }
            }
            rootType = root.type;
            rootLastUpdated = root.lastUpdated;
            if ("Bundle".equals(rootType)) {
                resources = BundleLabels.onto(resources, rootSecurity, mapper);
            }
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
                        f.field(fn, p.nextToken(), p);
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
                out.add(fullUrl == null ? r : r.withFullUrl(fullUrl));
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
                f.field(fn, p.nextToken(), p);
            }
            if (f.type == null) {
                throw new FhirException(FhirException.Kind.MALFORMED, "A resource has no resourceType.");
            }
            return f.toResource(null, new String(line, off, len, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw translate(e);
        }
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
}
