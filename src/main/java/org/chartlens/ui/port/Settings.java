package org.chartlens.ui.port;

import java.nio.file.Path;
import org.chartlens.domain.UnitSystem;

/**
 * User settings. Immutable.
 *
 * @param units            vital-sign units
 * @param darkTheme        dark theme on
 * @param autoLockMinutes  idle minutes before auto-lock (0 = never; default 10)
 * @param retentionDays    charts on no referral list and not opened for this many days are purged (0 = keep)
 * @param dataFolder       the data folder (change takes effect on restart)
 */
public record Settings(UnitSystem units, boolean darkTheme, int autoLockMinutes, int retentionDays,
                       Path dataFolder) {
    public static Settings defaults(Path dataFolder) {
        return new Settings(UnitSystem.METRIC, false, 10, 30, dataFolder);
    }
}
