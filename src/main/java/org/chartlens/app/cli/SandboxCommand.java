package org.chartlens.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "sandbox", description = "(not yet implemented)")
public final class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Override
    public Integer call() {
        System.err.println("chartlens: 'sandbox' is not implemented yet");
        return 2;
    }
}
