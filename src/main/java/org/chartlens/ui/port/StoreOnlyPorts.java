package org.chartlens.ui.port;

import org.chartlens.domain.PatientRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.chartlens.connect.Organization;
import org.chartlens.store.AuditAction;
import org.chartlens.store.AuditCheck;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ChartCache;
import org.chartlens.store.ChartStore;

/**
 * Ports that can only read a cache: for the screenshot command, and the base of the UI tests'
 * fixtures (which replace single ports with {@code ShellPorts.with...}). Every action that
 * needs the network says so in plain words. Thread safe.
 */
public final class StoreOnlyPorts {
    private StoreOnlyPorts() {
    }

    /** Store-only ports whose lock needs no passphrase. */
    public static ShellPorts create(Supplier<ChartStore> store, Path dataDir) {
        return create(store, dataDir, null);
    }

    /**
     * Store-only ports.
     *
     * @param passphrase the passphrase that unlocks, or null for none (any unlock succeeds)
     */
    public static ShellPorts create(Supplier<ChartStore> store, Path dataDir, String passphrase) {
        Lock lock = new Lock(store, passphrase);
        return new ShellPorts(lock, new CachedOrganizations(lock), new NoSignIn(),
                (org, patient, listener) -> {
                    listener.finished(org, "Sync is not available in this mode.");
                    return () -> { };
                },
                listener -> firstPatient(lock.store()), new MemorySettings(dataDir), lock,
                file -> {
                    throw new UnsupportedOperationException("Opening files is not available in this mode.");
                },
                new StoreAudit(lock));
    }

    /** The first cached patient (the store-only stand-in for opening the demo). */
    public static PatientRef firstPatient(ChartStore store) {
        var p = store.patients();
        if (p.isEmpty()) {
            throw new IllegalStateException("The demo organization is not available in this mode.");
        }
        return new PatientRef(p.get(0).org(), p.get(0).id());
    }

    /** The cache behind an in-memory lock: {@link #store()} throws while locked. */
    public static final class Lock implements LockPort, CachePort {
        private final Supplier<ChartStore> store;
        private final char[] passphrase;
        private final AtomicBoolean locked = new AtomicBoolean();

        Lock(Supplier<ChartStore> store, String passphrase) {
            this.store = store;
            this.passphrase = passphrase == null ? null : passphrase.toCharArray();
        }

        @Override
        public ChartStore store() {
            if (locked.get()) {
                throw new IllegalStateException("ChartLens is locked.");
            }
            return store.get();
        }

        @Override
        public boolean hasPassphrase() {
            return passphrase != null;
        }

        @Override
        public void lock() {
            locked.set(true);
        }

        @Override
        public boolean unlock(char[] typed) {
            boolean ok = passphrase == null || Arrays.equals(passphrase, typed);
            if (ok) {
                locked.set(false);
            }
            return ok;
        }

        public boolean isLocked() {
            return locked.get();
        }
    }

    /** The audit log of the store when it is a cache (else none), read while unlocked. */
    private record StoreAudit(Lock lock) implements AuditPort {
        private AuditPort target() {
            return lock.store() instanceof ChartCache c ? new CacheAuditPort(() -> c) : AuditPort.NONE;
        }

        @Override
        public void record(AuditAction action, String org, String patientId, String detail, String source) {
            target().record(action, org, patientId, detail, source);
        }

        @Override
        public List<AuditEvent> events(Instant since, String org, String patientId) {
            return target().events(since, org, patientId);
        }

        @Override
        public AuditCheck verify() {
            return target().verify();
        }
    }

    /** Settings kept in memory only. */
    public static final class MemorySettings implements SettingsPort {
        private final Path dataDir;
        private volatile Settings settings;

        public MemorySettings(Path dataDir) {
            this.dataDir = dataDir;
            this.settings = Settings.defaults(dataDir);
        }

        @Override
        public Settings current() {
            return settings;
        }

        @Override
        public void save(Settings s) {
            settings = s;
        }

        private volatile SensitiveSettings sensitive = SensitiveSettings.DEFAULTS;

        @Override
        public SensitiveSettings sensitive() {
            return sensitive;
        }

        @Override
        public void saveSensitive(SensitiveSettings s) {
            sensitive = s;
        }

        @Override
        public Path dataDirectory() {
            return dataDir;
        }
    }

    /** The organizations the cache holds patients of (no presets; nothing can be added). */
    private record CachedOrganizations(Lock lock) implements OrganizationsPort {
        @Override
        public List<Organization> organizations() {
            return lock.store().patients().stream().map(p -> p.org()).distinct()
                    .map(id -> new Organization(id, id, null, null, null, null, null, null, false, null)).toList();
        }

        @Override
        public List<Organization> presets() {
            return List.of();
        }

        @Override
        public Organization saveOrganization(Organization org) {
            throw new UnsupportedOperationException("Adding organizations is not available in this mode.");
        }
    }

    private static final class NoSignIn implements SignInPort {
        @Override
        public OrganizationStatus status(String orgId) {
            return OrganizationStatus.signedOut(null);
        }

        @Override
        public OrganizationStatus signIn(String orgId) {
            throw new UnsupportedOperationException("Sign-in is not available in this mode.");
        }

        @Override
        public void signOut(String orgId) {
        }
    }
}
