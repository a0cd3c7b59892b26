package org.chartlens.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "screenshot", description = "(not yet implemented)")
public final class ScreenshotCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Override
    public Integer call() {
        System.err.println("chartlens: 'screenshot' is not implemented yet");
        return 2;
    }
}
