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

    /** With {@code --break-glass REASON --include-restricted} when {@code glass} is not null. */
    public static int export(ChartLensContext ctx, List<String> patients, Path file, org.chartlens.domain.BreakGlass glass)
            throws IOException {
        return SummaryCommand.export(ctx, patients, file, SummaryOptions.Paper.A4, UnitSystem.METRIC, glass);
    }

    /** The options' check: both or neither. */
    public static org.chartlens.domain.BreakGlass glass(String reason, boolean include) {
        return SummaryCommand.glass(reason, include);
    }
}
