package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.domain.UnitSystem;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.Settings;
import org.chartlens.ui.port.SettingsPort;
import org.chartlens.ui.port.StoreOnlyPorts;
import org.chartlens.ui.testing.RecordingOrganizations;
import org.junit.jupiter.api.Test;

/** Saving settings, without a stage: they apply at once and the outcome is said. */
class SettingsViewModelTest {
    static StatusViewModel status() {
        return new StatusViewModel((o, p, l) -> () -> { }, new RecordingOrganizations(List.of(), List.of()),
                new SameThreadTaskExecutor(), Runnable::run);
    }

    @Test
    void savedSettingsApplyAtOnceAndAreWrittenThroughThePort() {
        Path dir = Path.of("/tmp/chartlens-test");
        StoreOnlyPorts.MemorySettings port = new StoreOnlyPorts.MemorySettings(dir);
        StatusViewModel status = status();
        SettingsViewModel vm = new SettingsViewModel(port, new SameThreadTaskExecutor(), status);
        assertEquals(Settings.defaults(dir), vm.settings());
        List<Settings> applied = new ArrayList<>();
        vm.settingsProperty().addListener((o, a, b) -> applied.add(b));

        Settings dark = new Settings(UnitSystem.US, true, 3, 30, dir);
        vm.save(dark);
        assertEquals(List.of(dark), applied);
        assertEquals(dark, port.current());
        assertEquals("Saved.", vm.formMessageProperty().get());
        assertEquals("Settings saved. Reopen a chart to apply new units.", status.messageProperty().get());
    }

    /**
     * Settings, "Restricted records" (issue 18): the view shows the minutes a broken glass lasts and
     * ChartLens's inference (named as such), saves them through the port once changed, says they
     * apply to charts opened afterwards, and the worklist reads them again; new charts get them.
     */
    @Test
    void restrictedRecordsSettingsAreShownSavedThroughThePortAndApplyToChartsOpenedAfterwards() throws Exception {
        org.chartlens.ui.testing.Fx.stage();
        Path dir = Path.of("/tmp/chartlens-test");
        StoreOnlyPorts.MemorySettings port = new StoreOnlyPorts.MemorySettings(dir);
        StatusViewModel status = status();
        SettingsViewModel vm = new SettingsViewModel(port, new SameThreadTaskExecutor(), status);
        int[] refreshed = {0};
        vm.setOnSensitiveSaved(() -> refreshed[0]++);
        SettingsView view = org.chartlens.ui.testing.Fx.call(() -> new SettingsView(vm));
        javafx.scene.control.CheckBox infer = org.chartlens.ui.testing.Fx.call(
                () -> (javafx.scene.control.CheckBox) view.lookup("#settings-infer-sensitive"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> minutes = org.chartlens.ui.testing.Fx.call(
                () -> (javafx.scene.control.Spinner<Integer>) view.lookup("#settings-break-glass-minutes"));
        assertEquals("Also hide what ChartLens infers is sensitive (ChartLens's inference, not the server's label)",
                infer.getText());
        assertEquals(false, infer.isSelected());
        assertEquals(0, minutes.getValue());
        java.util.Set<String> labels = org.chartlens.ui.testing.Fx.call(() -> view.lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(true, labels.contains("Restricted records"), labels.toString());
        assertEquals(true, labels.contains("A broken glass lasts (minutes, 0 = until the chart is closed or ChartLens locks)"));

        org.chartlens.ui.testing.Fx.run(() -> {
            infer.setSelected(true);
            minutes.getValueFactory().setValue(45);
            ((javafx.scene.control.Button) view.lookupAll(".button").stream()
                    .filter(b -> "Save settings".equals(((javafx.scene.control.Button) b).getText())).findFirst().orElseThrow()).fire();
        });
        assertEquals(new org.chartlens.ui.port.SensitiveSettings(45, true), port.sensitive());
        assertEquals("Restricted records: the new settings apply to charts opened from now on.", status.messageProperty().get());
        assertEquals(1, refreshed[0], "the worklist reads them again");
        vm.saveSensitive(new org.chartlens.ui.port.SensitiveSettings(45, true));
        assertEquals(1, refreshed[0], "unchanged: nothing saved");
    }

    @Test
    void aFailedSaveIsSaidInTheStatusArea() {
        StatusViewModel status = status();
        StoreOnlyPorts.MemorySettings memory = new StoreOnlyPorts.MemorySettings(Path.of("/tmp/x"));
        SettingsViewModel vm = new SettingsViewModel(new SettingsPort() {
            @Override
            public Settings current() {
                return memory.current();
            }

            @Override
            public void save(Settings s) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public Path dataDirectory() {
                return memory.dataDirectory();
            }
        }, new SameThreadTaskExecutor(), status);
        vm.save(new Settings(UnitSystem.METRIC, false, 0, 0, Path.of("/tmp/x")));
        assertEquals("Settings could not be saved.", status.errorProperty().get());
    }
}
