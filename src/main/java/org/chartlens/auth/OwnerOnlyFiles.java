package org.chartlens.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders ChartLens creates inside its data folder: owner-only (rw------- / rwx------)
 * where the file system has POSIX permissions, from the moment they exist (not chmod-ed after a
 * window), and tightened again when an older, looser one is found. Elsewhere (Windows ACLs) the
 * data folder's own per-user location protects them. Stateless.
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and missing parents) owner-only; an existing one is tightened. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                directory(parent);
            }
            if (posix()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix()) {
            Files.setPosixFilePermissions(dir, DIR);
        }
        return dir;
    }

    /** Writes {@code text} (UTF-8) to a file that is owner-only from its creation. */
    public static void writeString(Path file, String text) throws IOException {
        try (FileChannel ch = open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Opens (creating owner-only when missing) a file, e.g. a lock file; an existing one is tightened. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        FileChannel ch;
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(FILE);
            ch = FileChannel.open(file, Set.of(options), attr);
            Files.setPosixFilePermissions(file, FILE);
        } else {
            ch = FileChannel.open(file, options);
        }
        return ch;
    }
}
