package org.chartlens.app.cli;

import java.util.concurrent.Callable;
import org.chartlens.app.SelfTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "self-test", mixinStandardHelpOptions = true,
        description = {"Check this installation end to end in a throw-away folder: start the demo EHR, sign in,",
                "sync one patient into an encrypted cache, render one view headlessly. Exit 0 when all passed."})
public final class SelfTestCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Override
    public Integer call() throws Exception {
        try {
            return new SelfTest(System.out, HeadlessRender::problems).run();
        } catch (Exception e) {
            System.out.println("FAILED: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }
}
