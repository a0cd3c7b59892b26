package org.chartlens.ui.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.Settings;
import org.chartlens.ui.port.SettingsPort;

/**
 * The settings in force, and saving the user's changes: the new settings apply at once (theme,
 * auto-lock, units of charts opened next); the port saves them on the task executor and the
 * outcome shows in the status area. Properties: FX thread. Testable without a stage.
 */
public final class SettingsViewModel {
    private final SettingsPort port;
    private final TaskExecutor tasks;
    private final StatusViewModel status;
    private final ReadOnlyObjectWrapper<Settings> settings;
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper("");

    /** Reads the current settings from the port (cheap). */
    public SettingsViewModel(SettingsPort port, TaskExecutor tasks, StatusViewModel status) {
        this.port = port;
        this.tasks = tasks;
        this.status = status;
        this.settings = new ReadOnlyObjectWrapper<>(port.current());
    }

    /** The user saved the form. */
    public void save(Settings s) {
        settings.set(s);
        formMessage.set("Saved.");
        tasks.submit(() -> {
            port.save(s);
            return true;
        }, ok -> status.info("Settings saved. Reopen a chart to apply new units."),
                e -> status.error("Settings could not be saved."));
    }

    /** The reviewer's display name picked here (issue 17); "" = the signed-in OS user. */
    public String reviewerName() {
        return port.reviewerName();
    }

    /** Saves the reviewer's display name when it changed (blocking part on the task executor). */
    public void saveReviewerName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.equals(port.reviewerName())) {
            return;
        }
        tasks.submit(() -> {
            port.saveReviewerName(n);
            return true;
        }, ok -> status.info(n.isEmpty() ? "Reviews and the audit log now name you by your OS user."
                : "Reviews and the audit log now name you " + n + "."),
                e -> status.error("The reviewer's name could not be saved."));
    }

    private Runnable onSensitiveSaved = () -> { };

    /** Runs on the FX thread once the restricted records' settings are saved (the worklist reads them again). */
    public void setOnSensitiveSaved(Runnable r) {
        onSensitiveSaved = r;
    }

    /** How restricted records are handled (issue 18): the broken glass's minutes, ChartLens's inference. */
    public org.chartlens.ui.port.SensitiveSettings sensitive() {
        return port.sensitive();
    }

    /**
     * Saves the restricted records' settings when they changed (blocking part on the task
     * executor); they apply to charts opened afterwards.
     */
    public void saveSensitive(org.chartlens.ui.port.SensitiveSettings s) {
        if (s.equals(port.sensitive())) {
            return;
        }
        tasks.submit(() -> {
            port.saveSensitive(s);
            return true;
        }, ok -> {
            status.info("Restricted records: the new settings apply to charts opened from now on.");
            onSensitiveSaved.run();
        },
                e -> status.error("The restricted records' settings could not be saved."));
    }

    /** The settings in force; changes when the user saves. */
    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public Settings settings() {
        return settings.get();
    }

    /** What the form says after Save. */
    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    /** Where ChartLens keeps its data. */
    public java.nio.file.Path dataDirectory() {
        return port.dataDirectory();
    }
}
