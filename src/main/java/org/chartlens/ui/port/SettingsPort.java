package org.chartlens.ui.port;

import java.nio.file.Path;

/** The user's settings and where ChartLens keeps its data. Thread safe. */
public interface SettingsPort {
    /** Current settings. Cheap. */
    Settings current();

    /** Saves settings (and applies retention). Blocking. */
    void save(Settings settings);

    /** Restricted records: how long a broken glass lasts, whether ChartLens infers (Settings, "Restricted records"). Cheap. */
    default SensitiveSettings sensitive() {
        return SensitiveSettings.DEFAULTS;
    }

    /** Saves how restricted records are handled (Settings, "Restricted records"); audited. Blocking. */
    default void saveSensitive(SensitiveSettings settings) {
        throw new UnsupportedOperationException("These settings cannot be changed in this mode.");
    }

    /** Where ChartLens keeps its data (shown in Help and Settings). Cheap. */
    Path dataDirectory();

    /** The reviewer's display name picked in Settings (issue 17); "" = the signed-in OS user. Cheap. */
    default String reviewerName() {
        return "";
    }

    /** Saves the reviewer's display name ("" = the OS user); audited. Blocking. */
    default void saveReviewerName(String name) {
        throw new UnsupportedOperationException("The reviewer's name cannot be changed in this mode.");
    }
}
