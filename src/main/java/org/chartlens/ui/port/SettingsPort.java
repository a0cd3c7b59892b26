package org.chartlens.ui.port;

import java.nio.file.Path;

/** The user's settings and where ChartLens keeps its data. Thread safe. */
public interface SettingsPort {
    /** Current settings. Cheap. */
    Settings current();

    /** Saves settings (and applies retention). Blocking. */
    void save(Settings settings);

    /** Restricted records: how long a broken glass lasts, whether ChartLens infers (file-only settings). Cheap. */
    default SensitiveSettings sensitive() {
        return SensitiveSettings.DEFAULTS;
    }

    /** Where ChartLens keeps its data (shown in Help and Settings). Cheap. */
    Path dataDirectory();
}
