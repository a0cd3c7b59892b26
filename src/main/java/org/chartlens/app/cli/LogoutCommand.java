package org.chartlens.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "logout", description = "(not yet implemented)")
public final class LogoutCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Override
    public Integer call() {
        System.err.println("chartlens: 'logout' is not implemented yet");
        return 2;
    }
}
