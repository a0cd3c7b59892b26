package org.chartlens.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.chartlens.app.ChartLensContext;
import org.chartlens.domain.UnitSystem;
import org.chartlens.report.SummaryOptions;

/** TEST access to {@code chartlens summary}'s export from other packages (A4, metric). */
public final class SummaryCommandAccess {
    private SummaryCommandAccess() {
    }

    public static int export(ChartLensContext ctx, List<String> patients, Path file) throws IOException {
        return SummaryCommand.export(ctx, patients, file, SummaryOptions.Paper.A4, UnitSystem.METRIC);
    }
}
