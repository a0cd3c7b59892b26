package org.chartlens.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chartlens.app.DataDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: no subcommand opens the desktop app. */
@Command(name = "chartlens",
        mixinStandardHelpOptions = true,
        versionProvider = ChartLensCommand.Version.class,
        description = "ChartLens: a clinician chart viewer for SMART on FHIR R4 servers.%n"
                + "With no command, opens the desktop app (on the embedded demo organization by default).",
        subcommands = {
                SandboxCommand.class,
                OrgCommand.class,
                LoginCommand.class,
                LogoutCommand.class,
                SyncCommand.class,
                ImportCommand.class,
                PatientsCommand.class,
                ShowCommand.class,
                ScreenshotCommand.class,
                BenchCommand.class,
                SelfTestCommand.class
        })
public final class ChartLensCommand implements Callable<Integer> {

    /** Exit status meaning "a long-running thing (the GUI, the sandbox) keeps the JVM alive". */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT,
            description = "Where the cache, settings and secrets go (env CHARTLENS_HOME; "
                    + "default: the per-user application-data folder).")
    Path dataDir;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ChartLensCommand());
        withHelp(cl);
        cl.setExecutionExceptionHandler(new PlainErrors());
        return cl;
    }

    /** Every command and subcommand answers --help (and --version), whoever wrote it. */
    private static void withHelp(CommandLine cl) {
        if (!cl.getCommandSpec().mixinStandardHelpOptions()) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().forEach(ChartLensCommand::withHelp);
    }

    /** The data folder, resolved and created owner-only. */
    public Path dataDirectory() {
        return DataDirectory.ensureOwnerOnly(DataDirectory.resolve(dataDir, System.getenv()));
    }

    @Override
    public Integer call() {
        Path dir = dataDirectory();
        // The desktop app logs to a file in the (owner-only) data folder; commands log to stderr.
        // Set before the first logger is created. Logs never hold PHI or tokens (see docs/security.md).
        Path logs = DataDirectory.ensureOwnerOnly(dir.resolve("logs"));
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("chartlens.log").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        return GuiLauncher.open(dir);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ChartLensCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ChartLens " + (v == null ? "dev" : v)};
        }
    }

    /** One line to stderr, no stack trace, non-zero status: users see reasons, not traces. */
    static final class PlainErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult pr) {
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cl.getErr().println("chartlens: " + msg);
            return 1;
        }
    }
}
