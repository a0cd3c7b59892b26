package org.chartlens.app.cli;

import java.nio.file.Path;
import org.chartlens.app.ChartLensContext;
import org.chartlens.ui.Screenshots;

/** Headless rendering of a chart view for commands (self-test), through the screenshot path. */
final class HeadlessRender {
    private HeadlessRender() {
    }

    static void problems(ChartLensContext ctx, String org, String patientId, Path png) throws Exception {
        Screenshots.useHeadless();
        ScreenshotCommand.render(ctx.cache(), org, patientId, "problems", false, 1200, 800, png, ctx.dataDir());
    }
}
