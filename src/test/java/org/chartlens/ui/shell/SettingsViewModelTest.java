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
