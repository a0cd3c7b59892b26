package org.chartlens.ui.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.chartlens.domain.RawResource;
import org.chartlens.store.ChartStore;
import org.chartlens.store.StoredResource;

/**
 * Test fixture: the real Synthea bundles in ../shared/fhir-data, read into the rows the cache
 * would hold (org "demo"), so clinical builders and views are tested on real data. Results are
 * memoised per file.
 */
public final class SyntheaBundles {
    public static final Path DATA = locate();
    public static final Path COLUMBUS = DATA.resolve("synthea-columbus");
    public static final Path LARGE = DATA.resolve("synthea-large");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, List<StoredResource>> CACHE = new ConcurrentHashMap<>();

    private SyntheaBundles() {
    }

    private static Path locate() {
        for (Path p : List.of(Path.of("../shared/fhir-data"), Path.of("/work/shared/fhir-data"),
                Path.of("shared/fhir-data"))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared/fhir-data not found beside the project");
    }

    /** The bundle file of a Columbus patient whose file name starts with {@code prefix}. */
    public static Path columbus(String prefix) {
        return find(COLUMBUS, prefix);
    }

    public static Path large() {
        return find(LARGE, "Marian");
    }

    static Path find(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Patient bundle rows plus the shared Organization/Practitioner rows of its folder. */
    public static List<StoredResource> chart(Path bundle) {
        return CACHE.computeIfAbsent(bundle, b -> {
            List<StoredResource> out = new ArrayList<>(read(b, "demo"));
            try (Stream<Path> s = Files.list(b.getParent())) {
                s.filter(p -> p.getFileName().toString().startsWith("hospital")
                        || p.getFileName().toString().startsWith("practitioner"))
                        .forEach(p -> out.addAll(read(p, "demo")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.copyOf(out);
        });
    }

    public static List<RawResource> raw(Path bundle) {
        return chart(bundle).stream().map(SyntheaBundles::toRaw).toList();
    }

    public static RawResource toRaw(StoredResource s) {
        return ChartStore.toRaw(s);
    }

    public static List<StoredResource> read(Path file, String org) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            JsonNode bundle = JSON.readTree(in);
            String patientId = null;
            for (JsonNode e : bundle.path("entry")) {
                if ("Patient".equals(e.path("resource").path("resourceType").asText())) {
                    patientId = e.path("resource").path("id").asText();
                }
            }
            List<StoredResource> out = new ArrayList<>();
            for (JsonNode e : bundle.path("entry")) {
                JsonNode r = e.path("resource");
                String type = r.path("resourceType").asText();
                if (type.equals("Provenance")) {
                    continue;
                }
                boolean shared = List.of("Organization", "Location", "Practitioner",
                        "PractitionerRole", "Medication").contains(type);
                JsonNode coding = r.path("code").path("coding").path(0);
                String code = coding.isMissingNode() ? null
                        : coding.path("system").asText("") + "|" + coding.path("code").asText("");
                String status = r.has("clinicalStatus")
                        ? r.path("clinicalStatus").path("coding").path(0).path("code").asText(null)
                        : r.path("status").asText(null);
                out.add(new StoredResource(org, type, r.path("id").asText(),
                        shared ? null : patientId, effective(r), status, code, JSON.writeValueAsString(r)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String effective(JsonNode r) {
        for (String f : List.of("effectiveDateTime", "onsetDateTime", "authoredOn", "occurrenceDateTime",
                "performedDateTime", "date", "recordedDate", "created", "issued")) {
            if (r.hasNonNull(f)) {
                return r.get(f).asText();
            }
        }
        for (String f : List.of("period", "effectivePeriod", "performedPeriod", "billablePeriod")) {
            if (r.has(f)) {
                return r.path(f).path("start").asText(null);
            }
        }
        return null;
    }
}
