package org.chartlens.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditAction;
import org.chartlens.ui.port.SensitiveSettings;
import org.chartlens.ui.port.Settings;
import org.chartlens.ui.port.SettingsPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's settings in {@code settings.json} in the data folder (no PHI, no secrets), and the
 * retention they ask for. The file is read once, when the desktop starts (before the window
 * opens); {@link #current()} returns the settings in memory, so it may be called on the FX
 * thread. {@link #save} (blocking; the UI calls it on its task executor) writes the file. Thread safe.
 */
final class DesktopSettings implements SettingsPort {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopSettings.class);

    private final Path dataDir;
    private final ChartLensContext ctx;
    private final BooleanSupplier locked;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The settings in force: read from the file once, then what was last saved. */
    private volatile Settings current;
    /** The reviewer's name picked in Settings, "" = the OS user (issue 17). */
    private volatile String reviewerName = "";
    private volatile SensitiveSettings sensitive = SensitiveSettings.DEFAULTS;

    /** @param locked true while the cache is locked (nothing is audited or purged then) */
    DesktopSettings(Path dataDir, ChartLensContext ctx, BooleanSupplier locked) {
        this.dataDir = dataDir;
        this.ctx = ctx;
        this.locked = locked;
        this.current = read();
        String n = reviewerName(dataDir);
        this.reviewerName = n == null ? "" : n;
    }

    /** In memory: no file I/O. */
    @Override
    public Settings current() {
        return current;
    }

    private Settings read() {
        Path file = dataDir.resolve("settings.json");
        if (Files.isRegularFile(file)) {
            try {
                SettingsFile s = json.readValue(file.toFile(), SettingsFile.class);
                sensitive = new SensitiveSettings(s.breakGlassMinutes == null ? 0 : s.breakGlassMinutes,
                        Boolean.TRUE.equals(s.inferSensitive));
                return new Settings(s.units == null ? UnitSystem.METRIC : s.units, s.darkTheme,
                        s.autoLockMinutes, s.retentionDays, dataDir);
            } catch (IOException e) {
                LOG.warn("settings.json could not be read; defaults used");
            }
        }
        return Settings.defaults(dataDir);
    }

    @Override
    public synchronized void save(Settings settings) {
        Settings was = current;
        SettingsFile s = new SettingsFile();
        s.units = settings.units();
        s.darkTheme = settings.darkTheme();
        s.autoLockMinutes = settings.autoLockMinutes();
        s.retentionDays = settings.retentionDays();
        NetworkSettings network = NetworkSettings.read(dataDir); // set in the file only: kept as they are
        s.requestDeadlineSeconds = network.requestDeadlineSeconds();
        s.syncDeadlineMinutes = network.syncDeadlineMinutes();
        s.reviewerName = reviewerName.isEmpty() ? null : reviewerName;
        s.breakGlassMinutes = sensitive.breakGlassMinutes() == 0 ? null : sensitive.breakGlassMinutes();
        s.inferSensitive = sensitive.inferSensitive() ? Boolean.TRUE : null;
        try {
            Path tmp = dataDir.resolve("settings.json.tmp");
            json.writeValue(tmp.toFile(), s);
            Files.move(tmp, dataDir.resolve("settings.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Settings could not be saved in " + dataDir, e);
        }
        current = settings;
        if (!locked.getAsBoolean()) {
            ctx.cache().audit(AuditAction.SETTINGS_CHANGED, null, null, changes(was, settings), "view:settings");
            applyRetention(settings.retentionDays());
        }
    }

    /** Which settings changed, e.g. "units=US retentionDays=30" (no PHI); null when none did. */
    static String changes(Settings was, Settings now) {
        StringBuilder b = new StringBuilder();
        if (was.units() != now.units()) {
            b.append(" units=").append(now.units());
        }
        if (was.darkTheme() != now.darkTheme()) {
            b.append(" darkTheme=").append(now.darkTheme());
        }
        if (was.autoLockMinutes() != now.autoLockMinutes()) {
            b.append(" autoLockMinutes=").append(now.autoLockMinutes());
        }
        if (was.retentionDays() != now.retentionDays()) {
            b.append(" retentionDays=").append(now.retentionDays());
        }
        return b.length() == 0 ? null : b.substring(1);
    }

    @Override
    public Path dataDirectory() {
        return dataDir;
    }

    /** Retention with the saved period ({@link CacheRetention}); returns how many records went. Blocking. */
    int applyRetention() {
        return applyRetention(current().retentionDays());
    }

    private int applyRetention(int days) {
        return CacheRetention.apply(ctx.cache(), days, "desktop").records().size();
    }

    /** The reviewer's name picked in Settings (issue 17), or "" when none. In memory. */
    @Override
    public String reviewerName() {
        return reviewerName;
    }

    /** Saves the reviewer's name ("" = the OS user); audited, and used by the audit log from now on. Blocking. */
    @Override
    public synchronized void saveReviewerName(String name) {
        String was = reviewerName;
        reviewerName = name == null ? "" : name.strip();
        try {
            SettingsFile s = Files.isRegularFile(dataDir.resolve("settings.json"))
                    ? json.readValue(dataDir.resolve("settings.json").toFile(), SettingsFile.class) : new SettingsFile();
            s.reviewerName = reviewerName.isEmpty() ? null : reviewerName;
            write(s);
        } catch (IOException e) {
            throw new IllegalStateException("Settings could not be saved in " + dataDir, e);
        }
        if (!locked.getAsBoolean() && !was.equals(reviewerName)) {
            ctx.cache().auditReviewer(ctx.reviewerName());
            ctx.cache().audit(AuditAction.SETTINGS_CHANGED, null, null, "reviewerName", "view:settings");
        }
    }

    /**
     * Saves how restricted records are handled (issue 18): from now on, for charts opened afterwards.
     * Audited ("breakGlassMinutes=30 inferSensitive=true", what changed). Blocking.
     */
    @Override
    public synchronized void saveSensitive(SensitiveSettings now) {
        SensitiveSettings was = sensitive;
        sensitive = now;
        try {
            SettingsFile s = Files.isRegularFile(dataDir.resolve("settings.json"))
                    ? json.readValue(dataDir.resolve("settings.json").toFile(), SettingsFile.class) : new SettingsFile();
            s.breakGlassMinutes = now.breakGlassMinutes() == 0 ? null : now.breakGlassMinutes();
            s.inferSensitive = now.inferSensitive() ? Boolean.TRUE : null;
            write(s);
        } catch (IOException e) {
            throw new IllegalStateException("Settings could not be saved in " + dataDir, e);
        }
        String changed = (was.breakGlassMinutes() == now.breakGlassMinutes() ? "" : " breakGlassMinutes=" + now.breakGlassMinutes())
                + (was.inferSensitive() == now.inferSensitive() ? "" : " inferSensitive=" + now.inferSensitive());
        if (!locked.getAsBoolean() && !changed.isEmpty()) {
            ctx.cache().audit(AuditAction.SETTINGS_CHANGED, null, null, changed.substring(1), "view:settings");
        }
    }

    /** The reviewer's name in {@code dataDir}'s settings.json, or null when none (the command line). */
    static String reviewerName(Path dataDir) {
        Path file = dataDir.resolve("settings.json");
        if (Files.isRegularFile(file)) {
            try {
                String n = new ObjectMapper().readValue(file.toFile(), SettingsFile.class).reviewerName;
                return n == null || n.isBlank() ? null : n.strip();
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private void write(SettingsFile s) throws IOException {
        Path tmp = dataDir.resolve("settings.json.tmp");
        json.writeValue(tmp.toFile(), s);
        Files.move(tmp, dataDir.resolve("settings.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The settings file's shape (no PHI, no secrets). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public static final class SettingsFile {
        public UnitSystem units;
        public boolean darkTheme;
        public int autoLockMinutes = 10;
        public int retentionDays = CacheRetention.DEFAULT_DAYS;
        /** See {@link NetworkSettings}. */
        public Integer requestDeadlineSeconds;
        public Integer syncDeadlineMinutes;
        /** The reviewer's display name (issue 17); absent = the OS user. */
        public String reviewerName;
        /** See {@link SensitiveSettings}. */
        public Integer breakGlassMinutes;
        public Boolean inferSensitive;
    }

    /** Restricted records' settings, read with the rest at start; saved by {@link #saveSensitive}. */
    @Override
    public SensitiveSettings sensitive() {
        return sensitive;
    }
}
