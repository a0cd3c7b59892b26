package org.chartlens.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "self-test", description = "(not yet implemented)")
public final class SelfTestCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Override
    public Integer call() {
        System.err.println("chartlens: 'self-test' is not implemented yet");
        return 2;
    }
}
