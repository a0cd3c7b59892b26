package org.chartlens.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * Where ChartLens keeps the cache, settings and wrapped secrets: {@code --data-dir}, else
 * {@code CHARTLENS_HOME}, else the OS's per-user application-data folder. Created owner-only.
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    public static Path resolve(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String home = env.get("CHARTLENS_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        return defaultFor(System.getProperty("os.name", ""), env, Path.of(System.getProperty("user.home")));
    }

    static Path defaultFor(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("LOCALAPPDATA");
            return (appData != null ? Path.of(appData) : userHome.resolve("AppData/Local")).resolve("ChartLens");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library/Application Support/ChartLens");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share")).resolve("chartlens");
    }

    /** Creates the folder if needed and makes it owner-only (rwx------) where the OS allows. */
    public static Path ensureOwnerOnly(Path dir) {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir, e);
        }
    }
}
