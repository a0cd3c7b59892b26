package org.chartlens.ui.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-session temporary folder that every WebView's user data (cache, local storage) goes
 * to; deleted on {@link #close()} and, as a fallback, at JVM exit (security.md item 20).
 * Thread safe.
 */
public final class WebViewSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebViewSession.class);
    private static volatile WebViewSession current;
    private final Path folder;

    private WebViewSession(Path folder) {
        this.folder = folder;
    }

    /** The session folder, created owner-only on first use. */
    public static synchronized WebViewSession get() {
        if (current == null || !Files.isDirectory(current.folder)) {
            try {
                Path p;
                try {
                    p = Files.createTempDirectory("chartlens-web-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    p = Files.createTempDirectory("chartlens-web-");
                }
                WebViewSession s = new WebViewSession(p);
                Runtime.getRuntime().addShutdownHook(new Thread(s::close, "chartlens-webview-cleanup"));
                current = s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return current;
    }

    public Path folder() {
        return folder;
    }

    /** A file inside the session folder, for attachments opened outside after confirmation. */
    public Path newFile(String suffix) throws IOException {
        return Files.createTempFile(folder, "attachment-", suffix);
    }

    @Override
    public void close() {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Could not delete a web view temp file");
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not remove the web view temp folder");
        }
    }
}
