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
import org.chartlens.ui.port.Settings;

/**
 * Units, theme, auto-lock time, data retention, data folder, of a {@link SettingsViewModel}, and
 * the way to the Audit view. FX thread.
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
        Button ok = new Button("Save settings");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> {
            vm.save(new Settings(us.isSelected() ? UnitSystem.US : UnitSystem.METRIC, dark.isSelected(),
                    lock.getValue(), retention.getValue(), current.dataFolder()));
            vm.saveReviewerName(reviewer.getText());
        });
        int r = 0;
        addRow(r++, new Label("Vital-sign units"), new HBox(12, metric, us));
        addRow(r++, new Label("Theme"), dark);
        addRow(r++, new Label("Lock after idle (minutes, 0 = never)"), lock);
        addRow(r++, new Label("Remove charts not opened for (days, 0 = keep; referral list kept)"), retention);
        addRow(r++, new Label("Reviewer name (reviews, audit log; empty = OS user)"), reviewer);
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
