package org.chartlens.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.fhir.FhirJson;
import org.chartlens.sync.ChartImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens import FILE|DIR}: FHIR Bundles (JSON, .gz) and NDJSON into the cache as a
 * source of their own ({@code import:<name>}). Prints "Type count" lines for what was stored and
 * lists on stderr what could not be read; exits non-zero only when nothing could be imported.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import FHIR Bundles (.json, .json.gz) and NDJSON files into the local cache.")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "A file, or a folder of files.")
    Path path;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(path)) {
            System.err.println("chartlens: no such file or folder: " + path);
            return 1;
        }
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "import")) {
            ChartImport.Result r = new ChartImport(ctx.cache(), new FhirJson()).importPath(path);
            int total = r.storedByType().values().stream().mapToInt(Integer::intValue).sum();
            r.storedByType().forEach((type, n) -> System.out.println(type + " " + n));
            System.err.printf("Imported %d resources (%d patients) from %d file(s) as %s%n", total,
                    r.patients().size(), r.files(), r.org());
            r.problems().forEach(p -> System.err.println("  note: " + p));
            r.unreadable().forEach(u -> System.err.println("  could not read: " + u));
            if (total > 0) {
                LinkCommand.mentionCandidates(ctx, System.err);
            }
            return total > 0 ? 0 : 1;
        }
    }
}
