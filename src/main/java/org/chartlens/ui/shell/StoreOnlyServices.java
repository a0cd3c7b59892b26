package org.chartlens.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.chartlens.connect.Organization;
import org.chartlens.store.ChartStore;

/**
 * {@link AppServices} that can only read the cache: for the screenshot command and as a
 * stand-in until the composition root provides sign-in and sync. Every action that needs the
 * network says so in plain words. Thread safe.
 */
public class StoreOnlyServices implements AppServices {
    private final Supplier<ChartStore> store;
    private final Path dataDir;
    private volatile Settings settings;
    private volatile boolean locked;

    public StoreOnlyServices(Supplier<ChartStore> store, Path dataDir) {
        this.store = store;
        this.dataDir = dataDir;
        this.settings = Settings.defaults(dataDir);
    }

    @Override
    public ChartStore store() {
        if (locked) {
            throw new IllegalStateException("ChartLens is locked");
        }
        return store.get();
    }

    @Override
    public List<Organization> organizations() {
        return List.of();
    }

    @Override
    public List<Organization> presets() {
        return List.of();
    }

    @Override
    public Organization saveOrganization(Organization org) {
        throw new UnsupportedOperationException("Adding organizations is not available in this mode.");
    }

    @Override
    public OrganizationStatus status(String orgId) {
        return OrganizationStatus.signedOut(null);
    }

    @Override
    public OrganizationStatus signIn(String orgId) throws Exception {
        throw new UnsupportedOperationException("Sign-in is not available in this mode.");
    }

    @Override
    public void signOut(String orgId) {
    }

    @Override
    public SyncHandle startSync(String orgId, String patientId, SyncListener listener) {
        listener.finished(orgId, "Sync is not available in this mode.");
        return () -> { };
    }

    @Override
    public PatientRef openDemo(SyncListener listener) throws Exception {
        var p = store().patients();
        if (p.isEmpty()) {
            throw new IllegalStateException("The demo organization is not available in this mode.");
        }
        return new PatientRef(p.get(0).org(), p.get(0).id());
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public void saveSettings(Settings s) {
        settings = s;
    }

    @Override
    public Path dataDirectory() {
        return dataDir;
    }

    @Override
    public boolean hasPassphrase() {
        return false;
    }

    @Override
    public void lock() {
        locked = true;
    }

    @Override
    public boolean unlock(char[] passphrase) {
        locked = false;
        return true;
    }

    @Override
    public void openExternally(Path file) {
        throw new UnsupportedOperationException("Opening files is not available in this mode.");
    }
}
