package org.chartlens.ui.port;

import java.nio.file.Path;

/** The operating system's viewer for documents ChartLens does not show itself. */
@FunctionalInterface
public interface SystemViewerPort {
    /** Opens a file with the operating system's viewer (after the user confirmed). */
    void openExternally(Path file);
}
