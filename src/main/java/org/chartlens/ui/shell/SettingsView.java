package org.chartlens.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.port.SensitiveSettings;
import org.chartlens.ui.port.Settings;

/**
 * Units, theme, auto-lock time, data retention, reviewer's name, restricted records (how long a
 * broken glass lasts, ChartLens's inference), data folder, of a {@link SettingsViewModel}, and the
 * way to the Audit view. FX thread.
 */
public final class SettingsView extends GridPane {
    public SettingsView(SettingsViewModel vm) {
        this(vm, null);
    }

    /** @param openAudit opens the Audit view (null: no audit button) */
    public SettingsView(SettingsViewModel vm, Runnable openAudit) {
        Settings current = vm.settings();
        setId("settings");
        setHgap(16);
        setVgap(14);
        setPadding(new Insets(24));
        ToggleGroup units = new ToggleGroup();
        RadioButton metric = new RadioButton("Metric (kg, cm, °C)");
        RadioButton us = new RadioButton("US (lb, in, °F)");
        metric.setToggleGroup(units);
        us.setToggleGroup(units);
        (current.units() == UnitSystem.US ? us : metric).setSelected(true);
        CheckBox dark = new CheckBox("Dark theme");
        dark.setSelected(current.darkTheme());
        Spinner<Integer> lock = new Spinner<>(0, 240, current.autoLockMinutes());
        lock.setEditable(true);
        lock.setId("settings-autolock");
        Spinner<Integer> retention = new Spinner<>(0, 3650, current.retentionDays());
        retention.setEditable(true);
        Label folder = new Label(current.dataFolder() == null ? "" : current.dataFolder().toString());
        Label saved = new Label();
        saved.textProperty().bind(vm.formMessageProperty());
        javafx.scene.control.TextField reviewer = new javafx.scene.control.TextField(vm.reviewerName());
        reviewer.setId("settings-reviewer");
        reviewer.setPromptText(System.getProperty("user.name", "") + " (your OS user)");
        reviewer.setPrefColumnCount(22);
        // issue 18: restricted records (security labels)
        SensitiveSettings sensitive = vm.sensitive();
        Spinner<Integer> glass = new Spinner<>(0, 720, sensitive.breakGlassMinutes());
        glass.setEditable(true);
        glass.setId("settings-break-glass-minutes");
        CheckBox infer = new CheckBox("Also hide what ChartLens infers is sensitive (ChartLens's inference, not the "
                + "server's label)");
        infer.setId("settings-infer-sensitive");
        infer.setWrapText(true);
        infer.setSelected(sensitive.inferSensitive());
        Label inferWhat = new Label("Substance-use diagnoses (ICD-10 F10–F19) and buprenorphine/methadone orders that no "
                + "server labelled. Applies to charts opened afterwards.");
        inferWhat.getStyleClass().add("muted");
        inferWhat.setWrapText(true);
        Button ok = new Button("Save settings");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> {
            vm.save(new Settings(us.isSelected() ? UnitSystem.US : UnitSystem.METRIC, dark.isSelected(),
                    lock.getValue(), retention.getValue(), current.dataFolder()));
            vm.saveReviewerName(reviewer.getText());
            vm.saveSensitive(new SensitiveSettings(glass.getValue(), infer.isSelected()));
        });
        int r = 0;
        addRow(r++, new Label("Vital-sign units"), new HBox(12, metric, us));
        addRow(r++, new Label("Theme"), dark);
        addRow(r++, new Label("Lock after idle (minutes, 0 = never)"), lock);
        addRow(r++, new Label("Remove charts not opened for (days, 0 = keep; referral list kept)"), retention);
        addRow(r++, new Label("Reviewer name (reviews, audit log; empty = OS user)"), reviewer);
        Label restricted = new Label("Restricted records");
        restricted.getStyleClass().add("completeness-type");
        add(restricted, 0, r++, 2, 1);
        addRow(r++, new Label("A broken glass lasts (minutes, 0 = until the chart is closed or ChartLens locks)"), glass);
        addRow(r++, new Label("ChartLens's inference"), new javafx.scene.layout.VBox(4, infer, inferWhat));
        addRow(r++, new Label("Data folder"), folder);
        addRow(r++, ok, saved);
        if (openAudit != null) {
            Button audit = new Button("Open the audit log…");
            audit.setId("settings-audit");
            audit.setOnAction(e -> openAudit.run());
            addRow(r, new Label("Audit log (who looked at which chart)"), audit);
        }
    }
}
