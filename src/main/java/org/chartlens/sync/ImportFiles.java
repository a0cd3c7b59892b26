package org.chartlens.sync;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirJson;

/**
 * The files of an import: which ones are FHIR (by name), gzip or plain (by content), read whole
 * under the JSON document limit, or NDJSON line by line. Stateless and thread safe.
 */
final class ImportFiles {
    /** Receives one NDJSON line (without its newline) and its 1-based number. */
    interface LineSink {
        void line(int number, byte[] line) throws IOException, InterruptedException;
    }

    private ImportFiles() {
    }

    /** {@code path} itself, or every FHIR file under it in name order. */
    static List<Path> list(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(Files::isRegularFile).filter(ImportFiles::looksLikeFhir).sorted().forEach(files::add);
            }
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        } else {
            throw new IOException("No such file or folder: " + path.getFileName());
        }
        return files;
    }

    static boolean looksLikeFhir(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".json.gz") || isNdjson(f);
    }

    static boolean isNdjson(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ndjson") || n.endsWith(".ndjson.gz") || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
    }

    /** Opens a file, decompressing it when it starts with the gzip magic bytes. */
    private static InputStream open(Path f) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** The whole (decompressed) file, refused when larger than the JSON document limit. */
    static byte[] readBytes(Path f, FhirJson json) throws IOException, FhirException {
        byte[] bytes;
        try (InputStream in = open(f)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, json.limits().maxDocumentBytes() + 1));
        }
        if (bytes.length > json.limits().maxDocumentBytes()) {
            throw new FhirException(FhirException.Kind.TOO_LARGE, "The file is too large to import.");
        }
        return bytes;
    }

    /** Calls {@code sink} for every line that is not blank. */
    static void lines(Path f, LineSink sink) throws IOException, InterruptedException {
        int lineNo = 0;
        try (InputStream in = open(f)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
            boolean end = false;
            while (!end) {
                int b = in.read();
                end = b == -1;
                if (b == '\n' || end) {
                    lineNo++;
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (!new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                        sink.line(lineNo, bytes);
                    }
                } else {
                    line.write(b);
                }
            }
        }
    }
}
