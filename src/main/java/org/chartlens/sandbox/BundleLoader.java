package org.chartlens.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Synthea-style transaction/batch/collection bundles (plain or gzipped), resolves their
 * {@code urn:uuid:} and conditional ({@code Organization?identifier=s|v}) references into
 * {@code Type/id}, stamps {@code meta.lastUpdated}, applies the profile's data shape and
 * serialises every resource once. Stateless; parsing runs bundles in parallel.
 */
final class BundleLoader {
    private static final Logger LOG = LoggerFactory.getLogger(BundleLoader.class);
    static final Set<String> SHARED_TYPES = Set.of("Organization", "Practitioner", "PractitionerRole",
            "Location", "HealthcareService", "Endpoint", "OrganizationAffiliation");
    private static final String DEMO_RESOURCE_DIR = "/demo-data/";

    interface Source {
        String name();

        InputStream open() throws IOException;
    }

    private BundleLoader() {
    }

    /** The built-in demo patients, in the order of {@code /demo-data/index.txt}. */
    static List<Source> demoSources() {
        List<Source> out = new ArrayList<>();
        try (InputStream in = BundleLoader.class.getResourceAsStream(DEMO_RESOURCE_DIR + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("The demo data is missing from the class path ("
                        + DEMO_RESOURCE_DIR + "index.txt)");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                out.add(new Source() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public InputStream open() throws IOException {
                        InputStream s = BundleLoader.class.getResourceAsStream(DEMO_RESOURCE_DIR + name);
                        if (s == null) {
                            throw new IOException("demo bundle missing: " + name);
                        }
                        return s;
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every {@code *.json} / {@code *.json.gz} bundle in a folder, by file name. */
    static List<Source> folderSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a folder: " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> paths = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".json") || n.endsWith(".json.gz");
            }).sorted().collect(Collectors.toList());
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("No .json or .json.gz bundles in " + dir);
            }
            List<Source> out = new ArrayList<>();
            for (Path p : paths) {
                out.add(new Source() {
                    @Override
                    public String name() {
                        return p.getFileName().toString();
                    }

                    @Override
                    public InputStream open() throws IOException {
                        return Files.newInputStream(p);
                    }
                });
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One resource read and serialised in the first pass; its references are rewritten in the
     * second, once every bundle's fullUrls and identifiers are known.
     */
    private record Pending(String type, String id, byte[] json, long dateLow, long dateHigh, Set<String> codes,
                           Set<String> categories, List<String> refFields, List<String> refValues,
                           String fullUrl, List<String> identifiers) {
    }

    private record ReadBundle(String name, List<Pending> items, String patientId) {
    }

    /**
     * Loads the sources into {@code data}. Each entry's resource is read as a small tree, indexed,
     * serialised and dropped at once (short-lived garbage is cheap; a whole bundle's tree kept
     * alive is not), then references are rewritten in the serialised bytes.
     */
    static void load(List<Source> sources, VendorProfile profile, Instant lastUpdated,
                     ObjectMapper mapper, ServedResources data) {
        long t0 = System.nanoTime();
        List<StoredEntry> entries = prepare(sources, profile, lastUpdated, mapper);
        long t1 = System.nanoTime();
        for (StoredEntry e : entries) {
            data.put(e);
        }
        LOG.info("Demo EHR loaded {} resources from {} bundles (parse and resolve {} ms, store {} ms)",
                entries.size(), sources.size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    /**
     * Reads, resolves and shapes the sources into served entries, in load order (bundle by
     * bundle, each in entry order), with their JSON serialised.
     */
    static List<StoredEntry> prepare(List<Source> sources, VendorProfile profile, Instant lastUpdated,
                                     ObjectMapper mapper) {
        long t0 = System.nanoTime();
        String stamp = lastUpdated.toString();
        List<ReadBundle> bundles = new ArrayList<>(sources.parallelStream()
                .map(s -> read(s, profile, stamp, mapper, false)).collect(Collectors.toList()));
        if (profile == ProfileIdentities.NAMESAKE_PROFILE) {
            // a second, different person made from another patient's chart (docs/demo-ehr.md)
            sources.stream().filter(s -> s.name().contains(ProfileIdentities.NAMESAKE_SOURCE)).findFirst()
                    .ifPresent(s -> bundles.add(read(s, profile, stamp, mapper, true)));
        }
        long t1 = System.nanoTime();

        Map<String, String> byFullUrl = new HashMap<>();
        Map<String, String> byIdentifier = new HashMap<>();
        for (ReadBundle b : bundles) {
            for (Pending r : b.items) {
                String literal = r.type + "/" + r.id;
                if (r.fullUrl != null) {
                    byFullUrl.put(r.fullUrl, literal);
                }
                for (String ident : r.identifiers) {
                    byIdentifier.putIfAbsent(r.type + "?" + ident, literal);
                }
            }
        }
        String firstPatient = bundles.stream().map(ReadBundle::patientId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        List<List<StoredEntry>> entries = bundles.parallelStream().map(b -> {
            List<StoredEntry> out = new ArrayList<>(b.items.size());
            for (Pending r : b.items) {
                List<StoredEntry.Reference> refs = new ArrayList<>(r.refValues.size());
                boolean rewrite = false;
                for (int i = 0; i < r.refValues.size(); i++) {
                    String v = r.refValues.get(i);
                    String resolved = resolveOne(v, byFullUrl, byIdentifier);
                    rewrite |= !resolved.equals(v);
                    if (isLiteral(resolved)) {
                        refs.add(new StoredEntry.Reference(r.refFields.get(i), resolved));
                    }
                }
                byte[] json = rewrite ? rewriteReferences(r.json, byFullUrl, byIdentifier) : r.json;
                String patient = "Patient".equals(r.type) ? r.id
                        : SHARED_TYPES.contains(r.type) ? null : b.patientId;
                if (profile == VendorProfile.CARECLOUD && "Patient".equals(r.type) && r.id.equals(firstPatient)) {
                    try {
                        ObjectNode tree = (ObjectNode) mapper.readTree(json);
                        ProfileShapes.careCloudFirstPatient(tree);
                        json = mapper.writeValueAsBytes(tree);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                out.add(new StoredEntry(r.type, r.id, patient, lastUpdated, json, r.dateLow, r.dateHigh,
                        r.codes, r.categories, List.copyOf(refs)));
            }
            return out;
        }).collect(Collectors.toList());
        List<StoredEntry> out = new ArrayList<>();
        entries.forEach(out::addAll);
        LOG.debug("Parsed {} bundles in {} ms, resolved references in {} ms", bundles.size(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return out;
    }

    private static InputStream open(Source source) throws IOException {
        InputStream raw = new BufferedInputStream(source.open(), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** First pass over one bundle: every entry read, shaped, indexed and serialised on its own. */
    /** Entries handed to another thread at a time: one big bundle still uses both cores. */
    private static final int BATCH = 128;

    /** Entries processed on the reading thread before a bundle counts as big. */
    private static final int INLINE = 1000;

    /**
     * Reading stays on one thread (a parser is sequential); past the first {@link #INLINE}
     * entries of a big bundle, entries are processed in batches on other threads. Small bundles
     * are already spread over the cores one bundle per thread.
     */
    private static final class Batches {
        final List<Pending> inline = new ArrayList<>();
        final List<java.util.concurrent.CompletableFuture<List<Pending>>> done = new ArrayList<>();
        List<Object[]> current = new ArrayList<>(BATCH);

        void add(ObjectNode r, String fullUrl, VendorProfile profile, String stamp, ObjectMapper mapper) {
            if (inline.size() < INLINE && done.isEmpty() && current.isEmpty()) {
                inline.add(pending(r, fullUrl, profile, stamp, mapper));
                return;
            }
            current.add(new Object[] {r, fullUrl});
            if (current.size() == BATCH) {
                flush(profile, stamp, mapper);
            }
        }

        void flush(VendorProfile profile, String stamp, ObjectMapper mapper) {
            if (current.isEmpty()) {
                return;
            }
            List<Object[]> batch = current;
            current = new ArrayList<>(BATCH);
            done.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                List<Pending> out = new ArrayList<>(batch.size());
                for (Object[] e : batch) {
                    out.add(pending((ObjectNode) e[0], (String) e[1], profile, stamp, mapper));
                }
                return out;
            }));
        }

        List<Pending> join() {
            List<Pending> out = new ArrayList<>(inline);
            for (java.util.concurrent.CompletableFuture<List<Pending>> f : done) {
                try {
                    out.addAll(f.join());
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw e;
                }
            }
            return out;
        }
    }

    private static ReadBundle read(Source source, VendorProfile profile, String stamp, ObjectMapper mapper,
                                   boolean namesake) {
        Batches batches = new Batches();
        List<ObjectNode> claims = new ArrayList<>();
        List<String> claimUrls = new ArrayList<>();
        String[] patientId = {null};
        ProfileLabels labels = ProfileLabels.labels(profile) ? new ProfileLabels(profile) : null;
        try (InputStream in = open(source); JsonParser p = mapper.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("Not a FHIR bundle: " + source.name());
            }
            boolean bundle = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("resourceType".equals(field)) {
                    bundle = "Bundle".equals(p.getText());
                    if (!bundle) {
                        break;
                    }
                } else if ("entry".equals(field) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String fullUrl = null;
                        ObjectNode resource = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String ef = p.currentName();
                            JsonToken et = p.nextToken();
                            if ("fullUrl".equals(ef) && et == JsonToken.VALUE_STRING) {
                                fullUrl = p.getText();
                            } else if ("resource".equals(ef) && et == JsonToken.START_OBJECT) {
                                resource = mapper.readTree(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (resource != null) {
                            ProfileDisagreements.plant(profile, resource);
                            if (labels != null) {
                                labels.label(resource);
                            }
                            accept(resource, fullUrl, namesake, profile, stamp, mapper, batches, claims, claimUrls,
                                    patientId);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!bundle) {
                // a single resource file
                try (InputStream again = open(source)) {
                    JsonNode root = mapper.readTree(again);
                    if (!(root instanceof ObjectNode r) || !r.has("resourceType")) {
                        throw new IllegalArgumentException("Not a FHIR bundle: " + source.name());
                    }
                    accept(r, null, namesake, profile, stamp, mapper, batches, claims, claimUrls, patientId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + source.name() + ": " + e.getMessage(), e);
        }
        batches.flush(profile, stamp, mapper);
        List<Pending> items = batches.join();
        if (profile == VendorProfile.PAYER) {
            List<ObjectNode> derived = ProfileShapes.derive(profile, patientId[0], claims, mapper);
            for (int i = 0; i < claims.size(); i++) {
                items.add(pending(claims.get(i), claimUrls.get(i), profile, stamp, mapper));
            }
            for (ObjectNode r : derived) {
                items.add(pending(r, null, profile, stamp, mapper));
            }
        }
        if (labels != null) {
            for (ObjectNode r : labels.derive(patientId[0], mapper)) {
                items.add(pending(r, null, profile, stamp, mapper));
            }
        }
        return new ReadBundle(source.name(), items, patientId[0]);
    }

    private static void accept(ObjectNode r, String fullUrl, boolean namesake, VendorProfile profile, String stamp,
                               ObjectMapper mapper, Batches items, List<ObjectNode> claims, List<String> claimUrls,
                               String[] patientId) {
        ensureId(r, fullUrl);
        String type = r.path("resourceType").asText();
        if (ProfileIdentities.ownIds(profile) || namesake) {
            // each vendor its own ids; references follow through the fullUrl map
            String original = r.get("id").asText();
            if ("Patient".equals(type)) {
                ProfileIdentities.patient(profile, r, original, namesake);
            }
            if (namesake) {
                ProfileIdentities.namesakeReferences(profile, r);
                if (fullUrl != null && fullUrl.startsWith("urn:uuid:")) {
                    fullUrl = "urn:uuid:" + ProfileIdentities.id(profile, true, fullUrl.substring("urn:uuid:".length()));
                }
            }
            r.put("id", ProfileIdentities.id(profile, namesake, original));
        }
        if (patientId[0] == null && "Patient".equals(type)) {
            patientId[0] = r.path("id").asText();
        }
        if (profile == VendorProfile.PAYER && "ExplanationOfBenefit".equals(type)) {
            // the derived Coverage changes these: they are finished once the whole bundle is read
            claims.add(r);
            claimUrls.add(fullUrl);
            return;
        }
        items.add(r, fullUrl, profile, stamp, mapper);
    }

    /** Indexes, shapes and serialises one resource; the tree can be dropped afterwards. */
    private static Pending pending(ObjectNode r, String fullUrl, VendorProfile profile, String stamp,
                                   ObjectMapper mapper) {
        List<String> identifiers = new ArrayList<>();
        for (JsonNode ident : r.path("identifier")) {
            String value = ident.path("value").asText(null);
            if (value != null) {
                identifiers.add(ident.path("system").asText("") + "|" + value);
            }
        }
        List<String> refFields = new ArrayList<>();
        List<String> refValues = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = r.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            collect(f.getKey(), f.getValue(), refFields, refValues);
        }
        ObjectNode meta = r.has("meta") && r.get("meta").isObject() ? (ObjectNode) r.get("meta") : r.putObject("meta");
        meta.put("lastUpdated", stamp);
        ProfileShapes.shape(profile, r); // after the identifiers were taken: CareCloud rewrites their systems
        StoredEntry indexed = SearchIndex.entry(r, null, Instant.EPOCH, List.of(), mapper);
        return new Pending(indexed.type(), indexed.id(), indexed.json(), indexed.dateLow(), indexed.dateHigh(),
                indexed.codes(), indexed.categories(), refFields, refValues, fullUrl, identifiers);
    }

    private static void collect(String topField, JsonNode node, List<String> fields, List<String> values) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("reference");
            if (ref != null && ref.isTextual()) {
                fields.add(topField);
                values.add(ref.asText());
            }
            Iterator<JsonNode> children = o.elements();
            while (children.hasNext()) {
                JsonNode c = children.next();
                if (c.isContainerNode()) {
                    collect(topField, c, fields, values);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode c : a) {
                if (c.isContainerNode()) {
                    collect(topField, c, fields, values);
                }
            }
        }
    }

    private static final byte[] REFERENCE_KEY = "\"reference\":\"".getBytes(StandardCharsets.UTF_8);

    /**
     * Rewrites every {@code "reference":"..."} value in compact JSON (as Jackson writes it: a
     * quote inside a string is always escaped, so the pattern only matches real keys).
     */
    static byte[] rewriteReferences(byte[] json, Map<String, String> byFullUrl, Map<String, String> byIdentifier) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(json.length + 64);
        int pos = 0;
        int i = indexOf(json, REFERENCE_KEY, 0);
        while (i >= 0) {
            int valueStart = i + REFERENCE_KEY.length;
            int valueEnd = valueStart;
            boolean escaped = false;
            while (valueEnd < json.length && (json[valueEnd] != '"' || escaped)) {
                escaped = !escaped && json[valueEnd] == '\\';
                valueEnd++;
            }
            String value = new String(json, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
            // values with escapes are left alone: no resolvable reference contains one
            String resolved = value.indexOf('\\') >= 0 ? value : resolveOne(value, byFullUrl, byIdentifier);
            out.write(json, pos, valueStart - pos);
            out.writeBytes(resolved.getBytes(StandardCharsets.UTF_8));
            pos = valueEnd;
            i = indexOf(json, REFERENCE_KEY, valueEnd);
        }
        out.write(json, pos, json.length - pos);
        return out.toByteArray();
    }

    /** The first index of {@code needle} in {@code haystack} at or after {@code from}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void ensureId(ObjectNode r, String fullUrl) {
        if (!r.hasNonNull("id")) {
            String id = fullUrl != null && fullUrl.startsWith("urn:uuid:")
                    ? fullUrl.substring("urn:uuid:".length()) : UUID.randomUUID().toString();
            r.put("id", id);
        }
    }

    private static void resolve(String topField, JsonNode node, Map<String, String> byFullUrl,
                                Map<String, String> byIdentifier, List<StoredEntry.Reference> refs) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("reference");
            if (ref != null && ref.isTextual()) {
                String value = ref.asText();
                String resolved = resolveOne(value, byFullUrl, byIdentifier);
                if (!resolved.equals(value)) {
                    o.put("reference", resolved);
                }
                if (isLiteral(resolved)) {
                    refs.add(new StoredEntry.Reference(topField, resolved));
                }
            }
            Iterator<JsonNode> children = o.elements();
            while (children.hasNext()) {
                JsonNode c = children.next();
                if (c.isContainerNode()) {
                    resolve(topField, c, byFullUrl, byIdentifier, refs);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode c : a) {
                if (c.isContainerNode()) {
                    resolve(topField, c, byFullUrl, byIdentifier, refs);
                }
            }
        }
    }

    /** Whether a reference is literal {@code Type/id}; by hand, not a regex: it runs for every reference. */
    static boolean isLiteral(String v) {
        int slash = v.indexOf('/');
        if (slash < 2 || slash != v.lastIndexOf('/') || slash == v.length() - 1 || v.length() - slash > 65
                || !Character.isUpperCase(v.charAt(0))) {
            return false;
        }
        for (int i = 1; i < slash; i++) {
            if (!Character.isLetter(v.charAt(i))) {
                return false;
            }
        }
        for (int i = slash + 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String resolveOne(String value, Map<String, String> byFullUrl,
                                     Map<String, String> byIdentifier) {
        if (value.startsWith("urn:uuid:")) {
            return byFullUrl.getOrDefault(value, value);
        }
        int q = value.indexOf("?identifier=");
        if (q > 0) {
            String key = value.substring(0, q) + "?" + value.substring(q + "?identifier=".length());
            String hit = byIdentifier.get(key);
            if (hit == null && !key.contains("|")) {
                return value;
            }
            return hit == null ? value : hit;
        }
        return value;
    }

    /** One resource added at runtime: literal references only, patient from subject/patient. */
    static StoredEntry entryOf(ObjectNode r, VendorProfile profile, Instant stamp, ObjectMapper mapper,
                               ServedResources data) {
        List<StoredEntry.Reference> refs = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = r.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            resolve(f.getKey(), f.getValue(), Map.of(), Map.of(), refs);
        }
        String type = r.path("resourceType").asText();
        String patient = null;
        if ("Patient".equals(type)) {
            patient = r.path("id").asText();
        } else if (!SHARED_TYPES.contains(type)) {
            for (StoredEntry.Reference ref : refs) {
                if (List.of("subject", "patient", "beneficiary").contains(ref.field())
                        && ref.target().startsWith("Patient/")) {
                    patient = ref.target().substring("Patient/".length());
                    break;
                }
            }
            if (patient == null) {
                StoredEntry old = data.get(type, r.path("id").asText());
                patient = old == null ? null : old.patientId();
            }
        }
        ObjectNode meta = r.has("meta") && r.get("meta").isObject()
                ? (ObjectNode) r.get("meta") : r.putObject("meta");
        meta.put("lastUpdated", stamp.toString());
        ProfileShapes.shape(profile, r);
        return SearchIndex.entry(r, patient, stamp, refs, mapper);
    }
}
