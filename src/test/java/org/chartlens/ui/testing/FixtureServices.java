package org.chartlens.ui.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartlens.connect.Organization;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.shell.AppServices;

/**
 * TEST implementation of {@link AppServices} over a {@link ChartStore}: real store reads, a
 * passphrase check, and recorded calls. Sign-in and sync are the app's job (tested there).
 */
public class FixtureServices implements AppServices {
    private final ChartStore store;
    private final String passphrase;
    private final AtomicBoolean locked = new AtomicBoolean();
    public final AtomicInteger lockCalls = new AtomicInteger();
    public final List<Path> opened = new ArrayList<>();
    private volatile Settings settings = Settings.defaults(Path.of("/tmp/chartlens-test"));

    public FixtureServices(ChartStore store, String passphrase) {
        this.store = store;
        this.passphrase = passphrase;
    }

    @Override
    public ChartStore store() {
        if (locked.get()) {
            throw new IllegalStateException("locked");
        }
        return store;
    }

    static Organization demo() {
        return new Organization("demo", "Demo organization", URI.create("http://127.0.0.1:1/fhir"),
                Organization.Flow.PKCE, "chartlens", List.of("user/*.read"), Set.of(), "demo", true,
                "Built-in synthetic patients; needs nothing.");
    }

    @Override
    public List<Organization> organizations() {
        return List.of(demo());
    }

    @Override
    public List<Organization> presets() {
        return List.of(demo(), new Organization("veracity", "Veracity Health", URI.create("https://fhir.veracity.example/r4"),
                Organization.Flow.PKCE, null, List.of(), Set.of(), null, true,
                "Needs a client id from Veracity's developer portal."));
    }

    @Override
    public Organization saveOrganization(Organization org) {
        return org;
    }

    @Override
    public OrganizationStatus status(String orgId) {
        return new OrganizationStatus(true, "Practitioner/123", null, List.of("user/*.read"), List.of(),
                null, null, null);
    }

    @Override
    public OrganizationStatus signIn(String orgId) {
        return status(orgId);
    }

    @Override
    public void signOut(String orgId) {
    }

    @Override
    public SyncHandle startSync(String orgId, String patientId, SyncListener listener) {
        listener.progress(orgId, "Observation", 10, 0.5);
        listener.finished(orgId, null);
        return () -> { };
    }

    @Override
    public PatientRef openDemo(SyncListener listener) {
        var p = store.patients().get(0);
        return new PatientRef(p.org(), p.id());
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
        return settings.dataFolder();
    }

    @Override
    public boolean hasPassphrase() {
        return true;
    }

    @Override
    public void lock() {
        locked.set(true);
        lockCalls.incrementAndGet();
    }

    @Override
    public boolean unlock(char[] pass) {
        boolean ok = new String(pass).equals(passphrase);
        if (ok) {
            locked.set(false);
        }
        return ok;
    }

    public boolean isLocked() {
        return locked.get();
    }

    @Override
    public void openExternally(Path file) {
        opened.add(file);
    }
}
