package org.chartlens.auth;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/oidc/server.mjs (the npm package oidc-provider: an authorization server that is
 * not ours) on loopback. Installs it with {@code npm ci} from the committed package-lock.json when
 * node_modules is missing. Fails, never skips, when node or npm are missing.
 */
final class OidcProviderFixture implements AutoCloseable {
    static final Path DIR = Path.of("src/test/oidc").toAbsolutePath();

    private final Process process;
    private final URI issuer;

    private OidcProviderFixture(Process process, URI issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    static synchronized OidcProviderFixture start() throws IOException, InterruptedException {
        if (!Files.isDirectory(DIR.resolve("node_modules/oidc-provider"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "chartlens-npm-ci.log"))
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + DIR + " (see chartlens-npm-ci.log in the temp dir)");
            }
        }
        Process p = new ProcessBuilder("node", "server.mjs").directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            line = null;
        }
        if (line == null || !line.startsWith("ISSUER ")) {
            p.destroyForcibly();
            throw new IllegalStateException("oidc-provider did not start: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "oidc-provider-stdout");
        drain.setDaemon(true);
        drain.start();
        return new OidcProviderFixture(p, URI.create(line.substring("ISSUER ".length()).trim()));
    }

    URI issuer() {
        return issuer;
    }

    URI fhirBase() {
        return URI.create(issuer + "/fhir");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
