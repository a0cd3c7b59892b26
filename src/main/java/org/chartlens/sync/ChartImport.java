package org.chartlens.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirJson;
import org.chartlens.fhir.ReceivedResource;
import org.chartlens.fhir.References;
import org.chartlens.store.CacheBatch;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;

/**
 * Imports FHIR files (a referral packet, a patient's own export) into the cache as a source of
 * their own, organization id {@code import:<name>}: Bundles (JSON, plain or .gz, e.g. Synthea
 * transaction bundles) and NDJSON (bulk-export style). {@code urn:uuid:} and conditional
 * references ({@code Practitioner?identifier=...}) are rewritten to literal {@code Type/id}
 * across all files of one import, so the chart finds its practitioners and organizations.
 * Lenient: a file or line that cannot be read is listed, the rest is kept; odd dates are kept as
 * given and reported.
 *
 * <p>Not thread safe (one import at a time per instance); I/O and CPU heavy: run off the FX
 * thread. Files are read one at a time (a Bundle file is held as a tree while it is imported).
 */
public final class ChartImport {
    private static final int BATCH = 5000;

    /**
     * How an import went.
     *
     * @param org          the organization id the data went to
     * @param files        files read (fully or partly)
     * @param storedByType resources stored per type
     * @param unreadable   "file: reason" for what could not be read
     * @param problems     lenient-parsing reports
     * @param patients     patient ids imported
     */
    public record Result(String org, int files, Map<String, Integer> storedByType, List<String> unreadable,
                         List<String> problems, List<String> patients) {
    }

    private final ChartCache cache;
    private final FhirJson json;
    private final ObjectMapper mapper;

    public ChartImport(ChartCache cache, FhirJson json) {
        this.cache = cache;
        this.json = json;
        this.mapper = json.mapper();
    }

    /** The organization id an import of {@code path} goes to: {@code import:<name>}. */
    public static String orgFor(Path path) {
        String name = path.toAbsolutePath().normalize().getFileName() == null ? "files"
                : path.toAbsolutePath().normalize().getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".gz", ".ndjson", ".jsonl", ".json")) {
            if (lower.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                lower = lower.substring(0, lower.length() - ext.length());
            }
        }
        String slug = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return "import:" + (slug.isEmpty() ? "files" : slug);
    }

    /** Imports a file or every FHIR file under a folder. */
    public Result importPath(Path path) throws IOException {
        String org = orgFor(path);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(Files::isRegularFile).filter(ChartImport::looksLikeFhir).sorted().forEach(files::add);
            }
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        } else {
            throw new IOException("No such file or folder: " + path.getFileName());
        }
        List<String> unreadable = new ArrayList<>();
        ParseWarnings problems = new ParseWarnings(SyncListener.NONE);
        Map<String, String> literal = new HashMap<>();
        // pass 1: where every urn:uuid and identifier points, across all files of this import
        for (Path f : files) {
            if (isNdjson(f)) {
                continue;
            }
            try {
                indexReferences(readBytes(f), literal);
            } catch (IOException | RuntimeException | FhirException e) {
                // reported in pass 2
            }
        }
        Map<String, Integer> stored = new TreeMap<>();
        List<String> patients = new ArrayList<>();
        int read = 0;
        for (Path f : files) {
            String name = path.equals(f) ? f.getFileName().toString() : path.relativize(f).toString();
            try {
                int before = stored.values().stream().mapToInt(Integer::intValue).sum();
                if (isNdjson(f)) {
                    importNdjson(f, name, org, stored, patients, unreadable, problems);
                } else {
                    importBundle(readTree(f), org, literal, stored, patients, problems);
                }
                read++;
                int after = stored.values().stream().mapToInt(Integer::intValue).sum();
                if (after == before) {
                    unreadable.add(name + ": no FHIR resources found");
                }
            } catch (FhirException e) {
                unreadable.add(name + ": " + e.getMessage().replace("The server's response", "The file"));
            } catch (IOException | RuntimeException e) {
                unreadable.add(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        cache.audit("import", org, null, stored.values().stream().mapToInt(Integer::intValue).sum() + " resources");
        return new Result(org, read, stored, unreadable, problems.lines(), patients);
    }

    static boolean looksLikeFhir(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".json.gz") || n.endsWith(".ndjson") || n.endsWith(".ndjson.gz")
                || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
    }

    private static boolean isNdjson(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ndjson") || n.endsWith(".ndjson.gz") || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private JsonNode readTree(Path f) throws IOException, FhirException {
        return json.tree(readBytes(f));
    }

    private byte[] readBytes(Path f) throws IOException, FhirException {
        byte[] bytes;
        try (InputStream in = open(f)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, json.limits().maxDocumentBytes() + 1));
        }
        if (bytes.length > json.limits().maxDocumentBytes()) {
            throw new FhirException(FhirException.Kind.TOO_LARGE, "The file is too large to import.");
        }
        return bytes;
    }

    /**
     * Pass 1: where each fullUrl (urn:uuid) and each shared resource's identifier points. Streams
     * the file (no tree); only shared resources (small) are parsed for their identifiers.
     */
    private void indexReferences(byte[] file, Map<String, String> literal) throws FhirException, IOException {
        for (ReceivedResource p : json.readPage(file).resources()) {
            String id = p.id();
            if ((id == null || id.isBlank()) && p.fullUrl() != null && p.fullUrl().startsWith("urn:uuid:")) {
                id = p.fullUrl().substring("urn:uuid:".length());
            }
            if (id == null) {
                continue;
            }
            String lit = p.type() + "/" + id;
            if (p.fullUrl() != null && !p.fullUrl().isEmpty()) {
                literal.put(p.fullUrl(), lit);
            }
            if (!References.SHARED_TYPES.contains(p.type())) {
                continue;
            }
            String type = p.type();
            JsonNode r = mapper.readTree(p.json());
            for (JsonNode ident : r.path("identifier")) {
                String value = ident.path("value").asText(null);
                if (value != null) {
                    literal.put(type + "?identifier=" + ident.path("system").asText("") + "|" + value, lit);
                    literal.put(type + "?identifier=" + value, lit);
                }
            }
        }
    }

    private static List<JsonNode> entries(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if ("Bundle".equals(root.path("resourceType").asText())) {
            root.path("entry").forEach(out::add);
        } else if (root.hasNonNull("resourceType")) {
            ObjectNode wrapper = JsonNodeFactoryHolder.object();
            wrapper.set("resource", root);
            out.add(wrapper);
        }
        return out;
    }

    private static String idOf(JsonNode entry, JsonNode r) {
        String id = r.path("id").asText(null);
        if (id != null && !id.isBlank()) {
            return id;
        }
        String fullUrl = entry.path("fullUrl").asText("");
        if (fullUrl.startsWith("urn:uuid:")) {
            return fullUrl.substring("urn:uuid:".length());
        }
        int slash = fullUrl.lastIndexOf('/');
        return slash >= 0 && slash < fullUrl.length() - 1 ? fullUrl.substring(slash + 1) : null;
    }

    private void importBundle(JsonNode root, String org, Map<String, String> literal, Map<String, Integer> stored,
                              List<String> patients, ParseWarnings problems) throws IOException, FhirException {
        List<JsonNode> entries = entries(root);
        String bundlePatient = null;
        int patientCount = 0;
        for (JsonNode e : entries) {
            JsonNode r = e.path("resource");
            if ("Patient".equals(r.path("resourceType").asText())) {
                patientCount++;
                bundlePatient = idOf(e, r);
            }
        }
        if (patientCount != 1) {
            bundlePatient = null;
        }
        List<StoredResource> rows = new ArrayList<>();
        List<String> lu = new ArrayList<>();
        for (JsonNode e : entries) {
            JsonNode node = e.path("resource");
            if (!(node instanceof ObjectNode r) || !r.hasNonNull("resourceType")) {
                problems.report("An entry without a resource was skipped");
                continue;
            }
            String id = idOf(e, r);
            if (id == null) {
                problems.report(r.path("resourceType").asText() + ": a resource without an id was skipped");
                continue;
            }
            r.put("id", id);
            rewrite(r, literal, problems);
            byte[] bytes = mapper.writeValueAsBytes(r);
            ReceivedResource p = json.readResource(bytes, 0, bytes.length);
            StoredResource row = toRow(p, org, bundlePatient, problems);
            if (row != null) {
                rows.add(row);
                lu.add(p.lastUpdated());
                if ("Patient".equals(row.type())) {
                    patients.add(row.id());
                }
            }
        }
        write(rows, lu, stored);
    }

    private void importNdjson(Path f, String name, String org, Map<String, Integer> stored, List<String> patients,
                              List<String> unreadable, ParseWarnings problems) throws IOException {
        List<StoredResource> rows = new ArrayList<>();
        List<String> lu = new ArrayList<>();
        int lineNo = 0;
        int bad = 0;
        try (InputStream in = open(f)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
            int b;
            boolean end = false;
            while (!end) {
                b = in.read();
                if (b == -1) {
                    end = true;
                }
                if (b == '\n' || end) {
                    lineNo++;
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                        continue;
                    }
                    try {
                        ReceivedResource p = json.readResource(bytes, 0, bytes.length);
                        StoredResource row = toRow(p, org, null, problems);
                        if (row != null) {
                            rows.add(row);
                            lu.add(p.lastUpdated());
                            if ("Patient".equals(row.type())) {
                                patients.add(row.id());
                            }
                        }
                    } catch (FhirException e) {
                        bad++;
                        if (bad <= 5) {
                            unreadable.add(name + " line " + lineNo + ": " + e.getMessage()
                                    .replace("The server's response", "The line"));
                        }
                    }
                    if (rows.size() >= BATCH) {
                        write(rows, lu, stored);
                        rows.clear();
                        lu.clear();
                    }
                } else {
                    line.write(b);
                }
            }
        }
        if (bad > 5) {
            unreadable.add(name + ": " + (bad - 5) + " more unreadable lines");
        }
        write(rows, lu, stored);
    }

    private StoredResource toRow(ReceivedResource p, String org, String bundlePatient, ParseWarnings problems) {
        if (p.id() == null || p.id().isBlank()) {
            problems.report(p.type() + ": a resource without an id was skipped");
            return null;
        }
        problems.check(p);
        String patient;
        if ("Patient".equals(p.type())) {
            patient = p.id();
        } else if (References.SHARED_TYPES.contains(p.type())) {
            patient = null;
        } else {
            patient = p.patientId();
            if (patient == null) {
                String[] first = {null};
                References.each(p.json(), (t, refId) -> {
                    if (first[0] == null && "Patient".equals(t)) {
                        first[0] = refId;
                    }
                });
                patient = first[0] != null ? first[0] : bundlePatient;
            }
        }
        return new StoredResource(org, p.type(), p.id(), patient, p.effective(), p.status(), p.code(), p.json());
    }

    private void write(List<StoredResource> rows, List<String> lu, Map<String, Integer> stored) {
        if (rows.isEmpty()) {
            return;
        }
        try (CacheBatch b = cache.begin()) {
            for (int i = 0; i < rows.size(); i++) {
                b.put(rows.get(i), lu.get(i));
            }
            b.commit();
        }
        rows.forEach(r -> stored.merge(r.type(), 1, Integer::sum));
    }

    /** Rewrites urn:uuid and conditional references to literal Type/id where the import knows them. */
    private static void rewrite(JsonNode node, Map<String, String> literal, ParseWarnings problems) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if ("reference".equals(f.getKey()) && v.isTextual()) {
                    String ref = v.asText();
                    if (ref.startsWith("urn:") || ref.contains("?")) {
                        String lit = literal.get(ref);
                        if (lit != null) {
                            f.setValue(TextNode.valueOf(lit));
                        } else {
                            problems.report("References that resolve nowhere were kept as given");
                        }
                    }
                } else if (v.isContainerNode()) {
                    rewrite(v, literal, problems);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                rewrite(n, literal, problems);
            }
        }
    }

    private static final class JsonNodeFactoryHolder {
        static ObjectNode object() {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
    }
}
