package org.chartlens.sandbox;

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

    private record ParsedBundle(String name, List<ObjectNode> resources, List<String> fullUrls,
                                String patientId) {
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

    /** Loads the sources into {@code data}. */
    static void load(List<Source> sources, VendorProfile profile, Instant lastUpdated,
                     ObjectMapper mapper, ChartData data) {
        long t0 = System.nanoTime();
        List<ParsedBundle> bundles = sources.parallelStream()
                .map(s -> parse(s, mapper)).collect(Collectors.toList());
        long t1 = System.nanoTime();

        Map<String, String> byFullUrl = new HashMap<>();
        Map<String, String> byIdentifier = new HashMap<>();
        for (ParsedBundle b : bundles) {
            for (int i = 0; i < b.resources.size(); i++) {
                ObjectNode r = b.resources.get(i);
                String literal = r.path("resourceType").asText() + "/" + r.path("id").asText();
                String fullUrl = b.fullUrls.get(i);
                if (fullUrl != null) {
                    byFullUrl.put(fullUrl, literal);
                }
                for (JsonNode ident : r.path("identifier")) {
                    String system = ident.path("system").asText("");
                    String value = ident.path("value").asText(null);
                    if (value != null) {
                        byIdentifier.putIfAbsent(r.path("resourceType").asText() + "?" + system + "|" + value, literal);
                    }
                }
            }
        }
        String stamp = lastUpdated.toString();
        String firstPatient = bundles.stream().map(ParsedBundle::patientId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        List<List<StoredEntry>> entries = bundles.parallelStream().map(b -> {
            List<ObjectNode> resources = new ArrayList<>(b.resources);
            resources.addAll(ProfileShapes.derive(profile, b.patientId, b.resources, mapper));
            List<StoredEntry> out = new ArrayList<>(resources.size());
            for (ObjectNode r : resources) {
                List<StoredEntry.Reference> refs = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> fields = r.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    resolve(f.getKey(), f.getValue(), byFullUrl, byIdentifier, refs);
                }
                String type = r.path("resourceType").asText();
                String patient = "Patient".equals(type) ? r.path("id").asText()
                        : SHARED_TYPES.contains(type) ? null : b.patientId;
                ObjectNode meta = r.has("meta") && r.get("meta").isObject()
                        ? (ObjectNode) r.get("meta") : r.putObject("meta");
                meta.put("lastUpdated", stamp);
                if (profile == VendorProfile.CARECLOUD && "Patient".equals(type) && patient.equals(firstPatient)) {
                    ProfileShapes.careCloudFirstPatient(r);
                }
                ProfileShapes.shape(profile, r);
                out.add(SearchIndex.entry(r, patient, lastUpdated, refs, mapper));
            }
            return out;
        }).collect(Collectors.toList());
        long t2 = System.nanoTime();
        int count = 0;
        for (List<StoredEntry> list : entries) {
            for (StoredEntry e : list) {
                data.put(e);
                count++;
            }
        }
        LOG.info("Demo EHR loaded {} resources from {} bundles (parse {} ms, resolve and index {} ms, store {} ms)",
                count, bundles.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    }

    private static ParsedBundle parse(Source source, ObjectMapper mapper) {
        try (InputStream raw = new BufferedInputStream(source.open(), 1 << 16)) {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            JsonNode root = mapper.readTree(in);
            List<ObjectNode> resources = new ArrayList<>();
            List<String> fullUrls = new ArrayList<>();
            String patientId = null;
            if (root != null && "Bundle".equals(root.path("resourceType").asText())) {
                for (JsonNode e : root.path("entry")) {
                    if (e.get("resource") instanceof ObjectNode r) {
                        ensureId(r, e.path("fullUrl").asText(null));
                        resources.add(r);
                        fullUrls.add(e.path("fullUrl").asText(null));
                        if (patientId == null && "Patient".equals(r.path("resourceType").asText())) {
                            patientId = r.path("id").asText();
                        }
                    }
                }
            } else if (root instanceof ObjectNode r && r.has("resourceType")) {
                ensureId(r, null);
                resources.add(r);
                fullUrls.add(null);
                if ("Patient".equals(r.path("resourceType").asText())) {
                    patientId = r.path("id").asText();
                }
            } else {
                throw new IllegalArgumentException("Not a FHIR bundle: " + source.name());
            }
            return new ParsedBundle(source.name(), resources, fullUrls, patientId);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + source.name(), e);
        }
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
                               ChartData data) {
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
