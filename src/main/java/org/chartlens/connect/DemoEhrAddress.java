package org.chartlens.connect;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the embedded demo EHR is listening. While {@code chartlens sandbox} runs it writes its
 * FHIR base to {@code <data dir>/sandbox/demo.url}; commands in other processes read it here.
 * Stateless and thread safe; each call reads one small file.
 */
public final class DemoEhrAddress {
    /** Shown when an organization served by the demo EHR is used while no demo EHR runs. */
    public static final String NOT_RUNNING = "Start the demo EHR first: chartlens sandbox";

    private DemoEhrAddress() {
    }

    /** The file the running demo EHR writes its FHIR base into. */
    public static Path file(Path dataDir) {
        return dataDir.resolve("sandbox").resolve("demo.url");
    }

    /** The FHIR base of the running demo EHR, if its address file is there. */
    public static Optional<URI> read(Path dataDir) {
        Path f = file(dataDir);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(URI.create(stripSlash(text)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The organization with its FHIR base filled in when it is served by the demo EHR; other
     * organizations come back unchanged.
     *
     * @throws IllegalStateException with {@link #NOT_RUNNING} when the demo EHR is not running
     */
    public static Organization resolve(Organization org, Path dataDir) {
        if (org.sandboxProfile() == null) {
            return org;
        }
        URI base = read(dataDir).orElseThrow(() -> new IllegalStateException(NOT_RUNNING));
        return org.withFhirBase(base);
    }

    static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
