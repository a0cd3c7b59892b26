package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.chartlens.app.cli.ChartLensCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command names scripts, benchmarks and tests rely on (issue 2's contract). */
class CommandLineContractTest {

    @Test
    void helpListsEveryContractCommand() {
        StringWriter out = new StringWriter();
        CommandLine cl = ChartLensCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        String help = out.toString();
        for (String command : List.of("sandbox", "org", "login", "logout", "sync", "import", "patients",
                "persons", "link", "unlink", "show", "status", "summary", "screenshot", "audit", "cache", "bench", "self-test", "--data-dir", "--version")) {
            assertTrue(help.contains(command), "--help should mention " + command + ":\n" + help);
        }
    }

    @Test
    void everySubcommandAnswersHelp() {
        for (String[] args : List.of(new String[] {"org", "--help"}, new String[] {"org", "add", "--help"},
                new String[] {"sync", "--help"}, new String[] {"show", "--help"}, new String[] {"status", "--help"}, new String[] {"summary", "--help"}, new String[] {"sandbox", "--help"},
                new String[] {"login", "--help"}, new String[] {"screenshot", "--help"}, new String[] {"bench", "--help"},
                new String[] {"audit", "--help"}, new String[] {"audit", "verify", "--help"},
                new String[] {"persons", "--help"}, new String[] {"link", "--help"}, new String[] {"unlink", "--help"})) {
            StringWriter out = new StringWriter();
            CommandLine cl = ChartLensCommand.commandLine();
            cl.setOut(new PrintWriter(out));
            assertEquals(0, cl.execute(args), String.join(" ", args));
            assertTrue(out.toString().startsWith("Usage:"), String.join(" ", args) + ":\n" + out);
        }
    }

    @Test
    void versionNamesTheProduct() {
        StringWriter out = new StringWriter();
        CommandLine cl = ChartLensCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--version"));
        assertTrue(out.toString().startsWith("ChartLens "), out.toString());
    }

    @Test
    void unknownCommandIsAUsageErrorNotACrash() {
        StringWriter err = new StringWriter();
        CommandLine cl = ChartLensCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("frobnicate"));
        assertTrue(err.toString().contains("frobnicate"));
    }

    @Test
    void argumentsNamingOneCommandGetOnlyThatCommandAndTheSameHelp() {
        CommandLine one = ChartLensCommand.commandLine("--data-dir", "sandbox", "patients", "--help");
        assertEquals(List.of("patients"), List.copyOf(one.getSubcommands().keySet()));
        assertTrue(ChartLensCommand.commandLine("--version").getSubcommands().isEmpty());
        assertTrue(ChartLensCommand.commandLine().getSubcommands().containsKey("self-test"));
        // help, unknown options and unknown commands see every command, as before
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"--bogus"}, new String[] {"bogus"},
                new String[] {"--data-dir=x", "-h"})) {
            assertEquals(ChartLensCommand.commandLine().getSubcommands().keySet(),
                    ChartLensCommand.commandLine(args).getSubcommands().keySet(), String.join(" ", args));
        }
        StringWriter full = new StringWriter();
        StringWriter lazy = new StringWriter();
        CommandLine a = ChartLensCommand.commandLine();
        a.setOut(new PrintWriter(full));
        a.execute("sandbox", "--help");
        CommandLine b = ChartLensCommand.commandLine("sandbox", "--help");
        b.setOut(new PrintWriter(lazy));
        b.execute("sandbox", "--help");
        assertEquals(full.toString(), lazy.toString());
    }
}
