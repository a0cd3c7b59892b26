package org.chartlens.app.cli;

import java.nio.file.Path;
import org.chartlens.app.ChartLensContext;

/** Headless rendering of a chart view for commands (self-test); bridges to the UI layer. */
final class HeadlessRender {
    private HeadlessRender() {
    }

    static void problems(ChartLensContext ctx, String org, String patientId, Path png) throws Exception {
        throw new UnsupportedOperationException("headless rendering is not wired yet");
    }
}
