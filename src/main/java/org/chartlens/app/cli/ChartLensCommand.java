package org.chartlens.app.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                + "With no command, opens the desktop app (on the embedded demo organization by default).")
public final class ChartLensCommand implements Callable<Integer> {

    /**
     * The subcommands, by name, in help order. Added programmatically rather than in the
     * annotation: picocli instantiates and reflects over every subcommand it is given (loading
     * their field types: JavaFX, HAPI, the benchmark...), which cost a cold process several
     * hundred milliseconds before any command ran. {@link #commandLine(String...)} adds only the
     * one the arguments name.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("sandbox", SandboxCommand.class);
        m.put("org", OrgCommand.class);
        m.put("login", LoginCommand.class);
        m.put("logout", LogoutCommand.class);
        m.put("find", FindCommand.class);
        m.put("sync", SyncCommand.class);
        m.put("import", ImportCommand.class);
        m.put("patients", PatientsCommand.class);
        m.put("persons", PersonsCommand.class);
        m.put("link", LinkCommand.class);
        m.put("unlink", UnlinkCommand.class);
        m.put("audit", AuditCommand.class);
        m.put("cache", CacheCommand.class);
        m.put("show", ShowCommand.class);
        m.put("review", ReviewCommand.class);
        m.put("reconcile", ReconcileCommand.class);
        m.put("referrals", ReferralsCommand.class);
        m.put("status", StatusCommand.class);
        m.put("summary", SummaryCommand.class);
        m.put("screenshot", ScreenshotCommand.class);
        m.put("bench", BenchCommand.class);
        m.put("self-test", SelfTestCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /** Exit status meaning "a long-running thing (the GUI, the sandbox) keeps the JVM alive". */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT,
            description = "Where the cache, settings and secrets go (env CHARTLENS_HOME; "
                    + "default: the per-user application-data folder).")
    Path dataDir;

    /** The full command line, every subcommand included (help, tests, completion). */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: with only the subcommand they name (or none when
     * they name none and ask for no help), so a cold start reflects over one command, not all.
     * Anything unexpected falls back to the full command line, so parse errors and help read
     * the same.
     */
    public static CommandLine commandLine(String... args) {
        Optional<String> named = subcommandNamed(args);
        if (named == null) {
            return commandLine();
        }
        return build(named.map(List::of).orElse(List.of()));
    }

    /**
     * The subcommand these arguments run: empty for the root command itself (the desktop app or
     * --version), {@code null} when they ask for help or are not understood (then every command
     * is needed). Cheap: no picocli model is built.
     */
    @SuppressWarnings("java:S2789") // null means "unknown", distinct from "none"
    public static Optional<String> subcommandNamed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--data-dir".equals(a)) {
                i++; // its value
            } else if (a.startsWith("--data-dir=") || "-V".equals(a) || "--version".equals(a)) {
                continue;
            } else if (!a.startsWith("-")) {
                return SUBCOMMANDS.containsKey(a) ? Optional.of(a) : null;
            } else {
                return null; // help, or an option only the full usage message explains
            }
        }
        return Optional.empty();
    }

    private static CommandLine build(Collection<String> names) {
        CommandLine cl = new CommandLine(new ChartLensCommand());
        for (String name : names) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name));
        }
        withHelp(cl);
        cl.setExecutionExceptionHandler(new PlainErrors());
        cl.setExecutionStrategy(ChartLensCommand::logToFileThenRun);
        return cl;
    }

    /** Every command and subcommand answers --help (and --version), whoever wrote it. */
    private static void withHelp(CommandLine cl) {
        if (!cl.getCommandSpec().mixinStandardHelpOptions()) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().forEach(ChartLensCommand::withHelp);
    }

    /**
     * Every command logs to {@code logs/chartlens.log} in the (owner-only) data folder, never to
     * the terminal: a command prints its output and its errors, nothing else. Set before the
     * first logger exists (slf4j-simple reads its settings once). Help and version need no folder.
     */
    private static int logToFileThenRun(CommandLine.ParseResult pr) {
        boolean helpOnly = false;
        for (CommandLine.ParseResult r = pr; r != null; r = r.subcommand()) {
            helpOnly |= r.isUsageHelpRequested() || r.isVersionHelpRequested();
        }
        if (!helpOnly && pr.commandSpec().userObject() instanceof ChartLensCommand root) {
            Path logs = DataDirectory.ensureOwnerOnly(root.dataDirectory().resolve("logs"));
            System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("chartlens.log").toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        }
        return new CommandLine.RunLast().execute(pr);
    }

    /** The data folder, resolved and created owner-only. */
    public Path dataDirectory() {
        return DataDirectory.ensureOwnerOnly(DataDirectory.resolve(dataDir, System.getenv()));
    }

    @Override
    public Integer call() {
        // logs already go to the data folder's log file (logToFileThenRun); they never hold PHI or tokens
        return GuiLauncher.open(dataDirectory());
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
