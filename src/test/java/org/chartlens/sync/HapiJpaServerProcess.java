package org.chartlens.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A real HAPI FHIR JPA server (H2 in memory) in its own JVM, from the separate Maven project
 * {@code src/it/hapi-jpa} (decision 0360): its class path is the one that project's
 * {@code dependency:build-classpath} wrote, so none of HAPI's server dependencies reach
 * ChartLens's class path. Built here when not built yet; listens on 127.0.0.1 and an ephemeral
 * port; stops when this JVM closes its standard input (also when this JVM dies).
 */
final class HapiJpaServerProcess implements AutoCloseable {
    static final Path PROJECT = Path.of("src/it/hapi-jpa");
    private static final Duration START_LIMIT = Duration.ofMinutes(15);

    final Process process;
    final URI base;
    final Duration startTime;
    final Path log;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HapiJpaServerProcess(Process process, URI base, Duration startTime, Path log) {
        this.process = process;
        this.base = base;
        this.startTime = startTime;
        this.log = log;
    }

    static HapiJpaServerProcess start(Path work) throws IOException, InterruptedException {
        Path target = PROJECT.resolve("target");
        Path classpath = target.resolve("classpath.txt");
        if (!Files.isRegularFile(classpath) || !Files.isDirectory(target.resolve("classes/org"))) {
            build();
        }
        Path portFile = work.resolve("hapi.port");
        Path log = Path.of("target/hapi-jpa-server.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = target.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(classpath).trim();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(javaBin, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", cp, "org.chartlens.it.hapi.HapiJpaServer",
                portFile.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long limit = t0 + START_LIMIT.toNanos();
        while (!Files.isRegularFile(portFile)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("HAPI FHIR JPA server exited (" + p.exitValue() + "); see " + log);
            }
            if (System.nanoTime() > limit) {
                p.destroyForcibly();
                throw new IllegalStateException("HAPI FHIR JPA server not up within " + START_LIMIT + "; see " + log);
            }
            Thread.sleep(200);
        }
        int port = Integer.parseInt(Files.readString(portFile).trim());
        return new HapiJpaServerProcess(p, URI.create("http://127.0.0.1:" + port + "/fhir"),
                Duration.ofNanos(System.nanoTime() - t0), log);
    }

    /** {@code mvn -B -q compile} in src/it/hapi-jpa (writes target/classpath.txt too). */
    private static void build() throws IOException, InterruptedException {
        String mvn = System.getProperty("os.name").toLowerCase().contains("win") ? "mvn.cmd" : "mvn";
        List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q"));
        if (Boolean.getBoolean("chartlens.it.offline")) {
            cmd.add("-o");
        }
        cmd.addAll(List.of("-f", PROJECT.resolve("pom.xml").toString(), "compile"));
        Path out = Path.of("target/hapi-jpa-build.log");
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("could not build " + PROJECT + "; see " + out);
        }
    }

    /**
     * Loads Synthea transaction bundles through the server's own transaction endpoint (POST of
     * the Bundle to the base): the hospital and practitioner bundles first, since the patient
     * bundles refer to them by conditional references.
     */
    void loadDemoData(Path dir) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".json.gz")).sorted((a, b) -> {
                return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
            }).toList();
        }
        for (Path f : files) {
            byte[] body;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                body = in.readAllBytes();
            }
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base)
                    .timeout(Duration.ofMinutes(10))
                    .header("Content-Type", "application/fhir+json")
                    .header("Accept", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("transaction " + f.getFileName() + ": HTTP " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(2000, r.body().length())));
            }
        }
    }

    private static int rank(Path f) {
        String n = f.getFileName().toString();
        return n.startsWith("hospitalInformation") ? 0 : n.startsWith("practitionerInformation") ? 1 : 2;
    }

    /** GET relative to the base; the body as text (JSON). */
    String get(String relative) throws IOException, InterruptedException {
        return getUrl(base + "/" + relative);
    }

    /** GET of an absolute URL the server gave (a next link); the body as text (JSON). */
    String getUrl(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2)).header("Accept", "application/fhir+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** PUT a resource (JSON) at Type/id. */
    int put(String typeAndId, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/" + typeAndId))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** POST a resource (JSON) to Type; the status code. */
    int post(String type, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/" + type))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** DELETE Type/id; the status code. */
    int delete(String typeAndId) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/" + typeAndId))
                .timeout(Duration.ofMinutes(2)).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
