package org.chartlens.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Which Synthea bundles of a data folder the bench uses (the largest patient, the shared ones). */
final class BenchData {
    private BenchData() {
    }

    static Path largestPatientBundle(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !isShared(p)).max(Comparator.comparingLong(BenchData::size))
                    .orElseThrow(() -> new IOException("no patient bundles in " + dir));
        }
    }

    static List<Path> sharedBundles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(BenchData::isShared).sorted().toList();
        }
    }

    private static boolean isShared(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("hospitalInformation") || n.startsWith("practitionerInformation");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
