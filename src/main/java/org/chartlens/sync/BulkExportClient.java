package org.chartlens.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.ReceivedResource;

/**
 * Bulk Data Access 1.0.1 client for backend-services organizations: kick-off
 * ({@code Group/ID/$export} with {@code Prefer: respond-async}), status polling that honours
 * Retry-After, then each NDJSON file streamed line by line into the cache in batches (a file is
 * never held whole in memory). One instance per export; not thread safe.
 */
final class BulkExportClient {
    /** Receives parsed resources in batches of up to {@link #BATCH}. */
    interface Sink {
        void rows(List<ReceivedResource> batch) throws InterruptedException;
    }

    static final int BATCH = 2000;
    private static final int MAX_LINE = 64 * 1024 * 1024;

    private final FhirHttp http;
    private final ParseWarnings problems;
    private final BooleanSupplier cancelled;
    private final Duration maxWait;
    private long bytes;

    BulkExportClient(FhirHttp http, ParseWarnings problems, BooleanSupplier cancelled, Duration maxWait) {
        this.http = http;
        this.problems = problems;
        this.cancelled = cancelled;
        this.maxWait = maxWait;
    }

    long bytes() {
        return bytes;
    }

    /**
     * Runs one export.
     *
     * @param groupId group to export, or "*" for {@code Patient/$export}
     * @param types   {@code _type} filter, or empty for everything
     * @param since   {@code _since} (previous transactionTime) or null
     * @return the manifest's transactionTime (the next {@code _since})
     */
    String run(String groupId, Set<String> types, String since, Sink sink) throws FhirException, InterruptedException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("_outputFormat", "application/fhir+ndjson");
        if (!types.isEmpty()) {
            q.put("_type", String.join(",", types));
        }
        if (since != null) {
            q.put("_since", since);
        }
        String path = "*".equals(groupId) ? "Patient/$export" : "Group/" + groupId + "/$export";
        FhirHttp.Response kick = http.get(http.withQuery(http.base() + "/" + path, q),
                Map.of("Prefer", "respond-async", "Accept", "application/fhir+json"));
        if (kick.status() != 202) {
            throw new FhirException(FhirException.Kind.UNSUPPORTED, kick.status(),
                    "The server did not start a bulk export (status " + kick.status() + ").", null);
        }
        String location = kick.header("Content-Location").orElseThrow(() -> new FhirException(
                FhirException.Kind.MALFORMED, 202, "The server started a bulk export but gave no status address.", null));
        URI status = http.resolve(location);
        JsonNode manifest = poll(status);
        List<URI> files = new ArrayList<>();
        for (JsonNode o : manifest.path("output")) {
            if (o.hasNonNull("url")) {
                files.add(http.resolve(o.get("url").asText()));
            }
        }
        for (JsonNode e : manifest.path("error")) {
            problems.report("The bulk export reported an error file for " + e.path("type").asText("?"));
        }
        for (URI file : files) {
            readFile(file, sink);
        }
        return manifest.path("transactionTime").asText(null);
    }

    private JsonNode poll(URI status) throws FhirException, InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long backoff = 500;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Sync cancelled");
            }
            FhirHttp.Response r = http.get(status, Map.of("Accept", "application/json"));
            bytes += r.body().length;
            if (r.status() == 200) {
                return http.json().tree(r.body());
            }
            if (r.status() != 202) {
                throw new FhirException(FhirException.Kind.SERVER, r.status(),
                        "The bulk export ended with status " + r.status() + ".", null);
            }
            long wait = r.header("Retry-After").map(v -> {
                try {
                    return Long.parseLong(v.trim()) * 1000;
                } catch (NumberFormatException e) {
                    return -1L;
                }
            }).orElse(-1L);
            if (wait < 0) {
                wait = backoff;
                backoff = Math.min(backoff * 2, 10_000);
            }
            wait = Math.min(wait, http.options().maxRetryAfter().toMillis());
            if (System.nanoTime() + wait * 1_000_000 > deadline) {
                throw new FhirException(FhirException.Kind.SERVER, 202,
                        "The bulk export did not finish within " + maxWait.toMinutes() + " minutes.", null);
            }
            Thread.sleep(wait);
        }
    }

    private void readFile(URI file, Sink sink) throws FhirException, InterruptedException {
        List<ReceivedResource> batch = new ArrayList<>(BATCH);
        int[] lineNo = {0};
        {
            http.stream(file, Map.of("Accept", "application/fhir+ndjson"), in -> {
                ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    bytes += n;
                    int start = 0;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            line.write(buf, start, i - start);
                            line(line, batch, sink, ++lineNo[0]);
                            line.reset();
                            start = i + 1;
                        }
                    }
                    line.write(buf, start, n - start);
                    if (line.size() > MAX_LINE) {
                        throw new FhirException(FhirException.Kind.TOO_LARGE, 0,
                                "A bulk export line is larger than 64 MB and was not read.", null);
                    }
                }
                line(line, batch, sink, ++lineNo[0]);
            });
        }
        if (!batch.isEmpty()) {
            sink.rows(List.copyOf(batch));
        }
    }

    private void line(ByteArrayOutputStream line, List<ReceivedResource> batch, Sink sink, int no) throws IOException {
        if (line.size() == 0) {
            return;
        }
        byte[] b = line.toByteArray();
        boolean blank = true;
        for (byte x : b) {
            if (x != ' ' && x != '\r' && x != '\t') {
                blank = false;
                break;
            }
        }
        if (blank) {
            return;
        }
        try {
            batch.add(http.json().readResource(b, 0, b.length));
        } catch (FhirException e) {
            problems.report("Bulk export: unreadable lines skipped (" + e.getMessage() + ")");
            return;
        }
        if (batch.size() >= BATCH) {
            try {
                sink.rows(List.copyOf(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedInterrupt(e);
            }
            batch.clear();
        }
    }

    private static final class UncheckedInterrupt extends IOException {
        UncheckedInterrupt(InterruptedException e) {
            super(e);
        }
    }

    static InputStream none() {
        return InputStream.nullInputStream();
    }
}
