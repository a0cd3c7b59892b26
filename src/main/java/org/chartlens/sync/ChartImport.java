package org.chartlens.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirJson;
import org.chartlens.fhir.ReceivedResource;
import org.chartlens.store.AuditAction;
import org.chartlens.store.ChartCache;

/**
 * Imports FHIR files (a referral packet, a patient's own export) into the cache as a source of
 * their own, organization id {@code import:<name>}: Bundles (JSON, plain or .gz, e.g. Synthea
 * transaction bundles) and NDJSON (bulk-export style). {@code urn:uuid:} and conditional
 * references ({@code Practitioner?identifier=...}) are rewritten to literal {@code Type/id}
 * across all files of one import ({@link ImportReferences}), so the chart finds its
 * practitioners and organizations. Resources go into the cache the way a sync's do: through
 * {@link Ingest} (the compartment rule; a Bundle's only Patient is the context) to a
 * {@link CacheWriter}, which writes while the next file is read. Lenient: a file or line that
 * cannot be read is listed, the rest is kept; odd dates are kept as given and reported.
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
     * @param storedByType distinct resources stored per type
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
        List<Path> files = ImportFiles.list(path);
        List<String> unreadable = new ArrayList<>();
        ParseWarnings problems = new ParseWarnings(SyncListener.NONE);
        ImportReferences references = new ImportReferences(json);
        // pass 1: where every urn:uuid and identifier points, across all files of this import
        for (Path f : files) {
            if (ImportFiles.isNdjson(f)) {
                continue;
            }
            try {
                references.index(ImportFiles.readBytes(f, json));
            } catch (IOException | RuntimeException | FhirException e) {
                // reported in pass 2
            }
        }
        List<String> patients = new ArrayList<>();
        int read = 0;
        CacheWriter writer = new CacheWriter(cache, org, delta -> { });
        try {
            Ingest ingest = new Ingest(org, writer, problems);
            for (Path f : files) {
                String name = path.equals(f) ? f.getFileName().toString() : path.relativize(f).toString();
                try {
                    int rows = ImportFiles.isNdjson(f)
                            ? importNdjson(f, name, ingest, patients, unreadable)
                            : importBundle(json.tree(ImportFiles.readBytes(f, json)), references, ingest, patients);
                    read++;
                    if (rows == 0) {
                        unreadable.add(name + ": no FHIR resources found");
                    }
                } catch (FhirException e) {
                    unreadable.add(name + ": " + e.getMessage().replace("The server's response", "The file"));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The import was interrupted");
        } finally {
            writer.close();
        }
        if (writer.failure() != null) {
            unreadable.add("Writing to the local cache failed: " + writer.failure().getMessage());
        }
        Map<String, Integer> stored = writer.stored();
        // one event: the patient when one was imported, counts only (no file names: they may name the patient)
        cache.audit(AuditAction.IMPORT, org, patients.size() == 1 ? patients.get(0) : null,
                "patients=" + patients.size() + " resources=" + stored.values().stream().mapToInt(Integer::intValue).sum()
                        + " files=" + read, null);
        return new Result(org, read, stored, unreadable, problems.lines(), patients);
    }

    /** A Bundle's entries, or a single resource as an entry of one. */
    private static List<JsonNode> entries(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if ("Bundle".equals(root.path("resourceType").asText())) {
            root.path("entry").forEach(out::add);
        } else if (root.hasNonNull("resourceType")) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.set("resource", root);
            out.add(wrapper);
        }
        return out;
    }

    /** A resource's id, else the one its entry's fullUrl gives. */
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

    /** Imports one Bundle (or single resource); returns the resources queued. */
    private int importBundle(JsonNode root, ImportReferences references, Ingest ingest, List<String> patients)
            throws IOException, FhirException, InterruptedException {
        List<JsonNode> entries = entries(root);
        // the context of the compartment rule: the file's Patient, when it holds exactly one
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
        List<ReceivedResource> resources = new ArrayList<>(entries.size());
        for (JsonNode e : entries) {
            JsonNode node = e.path("resource");
            if (!(node instanceof ObjectNode r) || !r.hasNonNull("resourceType")) {
                ingest.warnings().report("An entry without a resource was skipped");
                continue;
            }
            String id = idOf(e, r);
            if (id == null) {
                ingest.warnings().report(r.path("resourceType").asText() + ": a resource without an id was skipped");
                continue;
            }
            r.put("id", id);
            references.rewrite(r, ingest.warnings());
            byte[] bytes = mapper.writeValueAsBytes(r);
            resources.add(json.readResource(bytes, 0, bytes.length));
        }
        Ingest.Batch b = ingest.accept(resources, bundlePatient);
        patients.addAll(b.patients());
        return b.rows().size();
    }

    /** Imports one NDJSON file line by line, in batches; returns the resources queued. */
    private int importNdjson(Path f, String name, Ingest ingest, List<String> patients, List<String> unreadable)
            throws IOException, InterruptedException {
        List<ReceivedResource> batch = new ArrayList<>();
        int[] rows = {0};
        int[] bad = {0};
        ImportFiles.lines(f, (lineNo, bytes) -> {
            try {
                batch.add(json.readResource(bytes, 0, bytes.length));
            } catch (FhirException e) {
                if (++bad[0] <= 5) {
                    unreadable.add(name + " line " + lineNo + ": " + e.getMessage()
                            .replace("The server's response", "The line"));
                }
            }
            if (batch.size() >= BATCH) {
                rows[0] += flush(batch, ingest, patients);
            }
        });
        if (bad[0] > 5) {
            unreadable.add(name + ": " + (bad[0] - 5) + " more unreadable lines");
        }
        return rows[0] + flush(batch, ingest, patients);
    }

    private static int flush(List<ReceivedResource> batch, Ingest ingest, List<String> patients)
            throws InterruptedException {
        Ingest.Batch b = ingest.accept(batch, null);
        batch.clear();
        patients.addAll(b.patients());
        return b.rows().size();
    }
}
