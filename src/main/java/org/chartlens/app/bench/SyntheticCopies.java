package org.chartlens.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Makes N copies of one patient bundle with fresh ids (every entry id, and every reference to
 * it, renamed consistently), for the growth figures. Shared bundles (organizations,
 * practitioners) are copied unchanged.
 */
final class SyntheticCopies {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ENTRY_ID = Pattern.compile("\"fullUrl\"\\s*:\\s*\"urn:uuid:(" + UUID_TEXT.pattern() + ")\"");

    private SyntheticCopies() {
    }

    static void write(Path patientBundle, Iterable<Path> sharedBundles, int copies, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        for (Path shared : sharedBundles) {
            Files.copy(shared, outDir.resolve(shared.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String source = read(patientBundle);
        Set<String> ids = new HashSet<>();
        Matcher m = ENTRY_ID.matcher(source);
        while (m.find()) {
            ids.add(m.group(1));
        }
        for (int copy = 0; copy < copies; copy++) {
            String renamed = rename(source, ids, copy);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(outDir.resolve("copy-" + copy + ".json.gz")))) {
                out.write(renamed.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static String rename(String bundle, Set<String> ids, int copy) {
        Map<String, String> map = new HashMap<>();
        Matcher m = UUID_TEXT.matcher(bundle);
        StringBuilder sb = new StringBuilder(bundle.length());
        while (m.find()) {
            String id = m.group();
            String replacement = ids.contains(id)
                    ? map.computeIfAbsent(id, k -> UUID.nameUUIDFromBytes((copy + ":" + k).getBytes(StandardCharsets.UTF_8)).toString())
                    : id;
            m.appendReplacement(sb, replacement);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
