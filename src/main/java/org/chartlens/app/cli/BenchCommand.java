package org.chartlens.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartlens.app.bench.BenchReport;
import org.chartlens.app.bench.BenchSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the benchmark suite (docs/performance.md): medians of repeated runs after warm-up,",
                "ratios against baselines measured in the same run. Prints a table and writes results.json."})
public final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Option(names = "--large", description = "Folder with the large chart's bundles (default: ../shared/fhir-data/synthea-large).")
    Path large;

    @Option(names = "--demo", description = "Folder with the 12 demo patients' bundles (default: ../shared/fhir-data/synthea-columbus).")
    Path demo;

    @Option(names = "--out", defaultValue = "target/bench", description = "Where results.json goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--runs", defaultValue = "7", description = "Measured runs per figure (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmups", defaultValue = "2", description = "Unrecorded warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--growth", split = ",", defaultValue = "1,10,100", description = "Patient counts for the growth figures.")
    List<Integer> growth;

    @Option(names = "--no-cold", description = "Skip the figures that start fresh processes.")
    boolean noCold;

    @Option(names = "--only-cold", description = "Only the cold-start figures: the demo EHR per profile, "
            + "the large chart and the app, with their baseline.")
    boolean onlyCold;

    @Option(names = "--only-find", description = "Only row 10: find + sync of one chart, 12 vs 10,012 patients at the server.")
    boolean onlyFind;

    @Option(names = "--only-person", description = "Only row 14: a person's chart of five linked copies of the large chart, "
            + "with its one-record baseline.")
    boolean onlyPerson;

    @Option(names = "--only-xml", description = "Only row 11: the sync of one chart from a JSON server vs an XML-only one.")
    boolean onlyXml;

    @Option(names = "--only-sync", description = "Only the rows of issue 21 with their baselines: warm sync of the "
            + "large chart vs the download floor, peak heap, encrypted vs plain-SQLite writes, the cold sync "
            + "process, the app's first frame vs a bare JVM start.")
    boolean onlySync;

    @Override
    public Integer call() throws Exception {
        if (noCold && onlyCold) {
            throw new IllegalArgumentException("--no-cold and --only-cold exclude each other");
        }
        if ((onlyCold ? 1 : 0) + (onlyFind ? 1 : 0) + (onlyPerson ? 1 : 0) + (onlyXml ? 1 : 0) + (onlySync ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--only-cold, --only-find, --only-person, --only-xml and --only-sync exclude each other");
        }
        Path largeDir = existing(large, "synthea-large");
        Path demoDir = existing(demo, "synthea-columbus");
        Path work = Files.createTempDirectory("chartlens-bench");
        // Rendering figures run headless (Monocle) in this process: chosen before the toolkit starts.
        org.chartlens.ui.Screenshots.useHeadless();
        List<String> launcher = noCold ? null : List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"));
        BenchSuite suite = new BenchSuite(new BenchSuite.Settings(largeDir, demoDir, work, out, warmups, runs,
                growth, launcher, onlyCold), System.err);
        try {
            BenchReport report = onlyFind ? suite.runFindSync() : onlyPerson ? suite.runPersonChart()
                    : onlyXml ? suite.runXmlSync() : onlySync ? suite.runSyncAndStart() : suite.run();
            report.printTable(System.out);
            System.out.println("Results: " + out.resolve("results.json").toAbsolutePath());
            return 0;
        } finally {
            org.chartlens.app.ScratchFolders.deleteTreeQuietly(work);
        }
    }

    private static Path existing(Path given, String sharedName) {
        Path p = given != null ? given : Path.of("..", "shared", "fhir-data", sharedName);
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("No bundle folder at " + p.toAbsolutePath()
                    + " (pass --large/--demo)");
        }
        return p.toAbsolutePath().normalize();
    }
}
