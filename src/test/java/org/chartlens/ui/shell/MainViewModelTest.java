package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.chartlens.connect.Organization;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.ChangeSignal;
import org.chartlens.ui.port.ChangesPort;
import org.chartlens.ui.port.ShellPorts;
import org.chartlens.ui.port.StoreOnlyPorts;
import org.chartlens.ui.testing.BundleChartStore;
import org.chartlens.ui.testing.RecordingOrganizations;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/** The main window's state without a stage: open charts across a lock, the first-run welcome. */
class MainViewModelTest {
    static final Path DIR = Path.of("/tmp/chartlens-test");

    static MainViewModel vm(ShellPorts ports) {
        return new MainViewModel(ports, new SameThreadTaskExecutor(), Runnable::run);
    }

    @Test
    void lockingClosesEveryChartAndUnlockingReopensThemInOrder() {
        ChartStore store = new BundleChartStore(Instant.now(), SyntheaBundles.columbus("Babette571"),
                SyntheaBundles.columbus("Jen355"));
        ShellPorts ports = StoreOnlyPorts.create(() -> store, DIR, "correct horse");
        StoreOnlyPorts.Lock keys = (StoreOnlyPorts.Lock) ports.lock();
        MainViewModel vm = vm(ports);
        vm.start(false);
        assertEquals(2, vm.worklist().total());
        assertFalse(vm.welcomeShownProperty().get(), "patients in the cache: no welcome screen");

        PatientRef a = new PatientRef(store.patients().get(0).org(), store.patients().get(0).id());
        PatientRef b = new PatientRef(store.patients().get(1).org(), store.patients().get(1).id());
        vm.open(b);
        vm.open(a);
        vm.open(b);
        assertEquals(List.of(b, a), List.copyOf(vm.charts()), "a chart opens once, in the order opened");
        assertThrows(UnsupportedOperationException.class, () -> vm.charts().clear(), "read-only outward");
        vm.worklist().searchProperty().set("jen");

        vm.lock().lock("Locked by you.");
        assertTrue(keys.isLocked());
        assertTrue(vm.charts().isEmpty(), "no chart stays open while locked");
        assertEquals("", vm.worklist().searchProperty().get(), "the search (a patient's name) is cleared");

        vm.lock().unlock("wrong".toCharArray());
        assertTrue(vm.charts().isEmpty());
        vm.lock().unlock("correct horse".toCharArray());
        assertFalse(keys.isLocked());
        assertEquals(List.of(b, a), List.copyOf(vm.charts()), "the same charts, in the same order");
        vm.close(b);
        assertEquals(List.of(a), List.copyOf(vm.charts()));
    }

    @Test
    void anEmptyCacheLeadsToTheWelcomeScreenAndTheDemoOpensItsChart() {
        boolean[] synced = {false};
        ChartStore fixture = new BundleChartStore(Instant.now(), SyntheaBundles.columbus("Jen355"));
        ChartStore empty = new BundleChartStore(Instant.now());
        RecordingOrganizations organizations = new RecordingOrganizations(List.of(), List.of(WelcomeViewModelTest.VERACITY));
        ShellPorts ports = StoreOnlyPorts.create(() -> synced[0] ? fixture : empty, DIR)
                .withOrganizations(organizations)
                .withDemo(l -> {
                    organizations.saveOrganization(WelcomeViewModelTest.VERACITY); // the demo becomes the user's
                    synced[0] = true;
                    return StoreOnlyPorts.firstPatient(fixture);
                });
        MainViewModel vm = vm(ports);
        vm.start(false);
        assertTrue(vm.welcomeShownProperty().get(), "the first run leads to the welcome screen");
        assertEquals(List.of(WelcomeViewModelTest.VERACITY), List.copyOf(vm.welcome().presets()));

        vm.welcome().openDemo();
        assertFalse(vm.welcomeShownProperty().get());
        assertEquals(Boolean.TRUE, vm.hasOrganizationsProperty().get());
        assertEquals(1, vm.worklist().total(), "the worklist is read again");
        assertEquals(List.of(StoreOnlyPorts.firstPatient(fixture)), List.copyOf(vm.charts()));
    }

    @Test
    void addingAnOrganizationLeavesTheWelcomeScreenForTheOrganizations() {
        ShellPorts ports = StoreOnlyPorts.create(() -> new BundleChartStore(Instant.now()), DIR)
                .withOrganizations(new RecordingOrganizations(List.of(), List.of(WelcomeViewModelTest.VERACITY)));
        MainViewModel vm = vm(ports);
        int[] shown = {0};
        vm.setOnOrganizationAdded(() -> shown[0]++);
        vm.start(false);
        assertTrue(vm.welcomeShownProperty().get());
        vm.welcome().add(WelcomeViewModelTest.VERACITY);
        assertFalse(vm.welcomeShownProperty().get());
        assertEquals(1, shown[0]);
        OrganizationsViewModel organizations = vm.organizations();
        organizations.refresh();
        assertEquals(List.of(WelcomeViewModelTest.VERACITY), organizations.rows().stream().map(r -> r.org()).toList());
    }

    @Test
    void whatTheAppSaysChangedIsReadAgainWithNoReload() {
        ChartStore one = new BundleChartStore(Instant.now(), SyntheaBundles.columbus("Jen355"));
        ChartStore two = new BundleChartStore(Instant.now(), SyntheaBundles.columbus("Jen355"),
                SyntheaBundles.columbus("Babette571"));
        ChartStore[] cache = {one};
        RecordingOrganizations organizations = new RecordingOrganizations(List.of(WelcomeViewModelTest.VERACITY), List.of());
        ChangeSignal changes = new ChangeSignal();
        org.chartlens.ui.port.OrganizationStatus[] current = {null};
        ShellPorts ports = StoreOnlyPorts.create(() -> cache[0], DIR, "x").withOrganizations(organizations)
                .withChanges(changes);
        MainViewModel vm = vm(ports);
        vm.start(false);
        assertFalse(vm.welcomeShownProperty().get(), "an organization: the worklist, not the welcome screen");
        assertEquals(1, vm.worklist().total());
        assertEquals(List.of(""), vm.organizations().rows().stream().map(OrganizationsViewModel.Row::sync).toList());

        // a sync writes: the worklist and the Organizations view follow while it runs
        cache[0] = two;
        changes.publish(ChangesPort.Kind.SYNCING, "veracity", "1 of 2 patients, 310 resources");
        assertEquals(2, vm.worklist().total(), "the worklist is read again during the sync");
        assertEquals("Syncing: 1 of 2 patients, 310 resources", vm.organizations().rows().get(0).sync());
        changes.publish(ChangesPort.Kind.SYNCED, "veracity", null);
        assertTrue(vm.organizations().rows().get(0).sync().startsWith("Synced at "), vm.organizations().rows().get(0).sync());
        changes.publish(ChangesPort.Kind.SYNCED, "veracity", "the server did not answer");
        assertEquals("Stopped: the server did not answer", vm.organizations().rows().get(0).sync());

        // while locked nothing is read; unlocking reads it all
        vm.lock().lock("Locked by you.");
        organizations.saved.clear();
        changes.publish(ChangesPort.Kind.ORGANIZATIONS, "veracity", null);
        assertFalse(vm.welcomeShownProperty().get());
        vm.lock().unlock("x".toCharArray());
        assertTrue(vm.welcomeShownProperty().get(), "the last organization removed: the welcome screen");
        assertEquals(Boolean.FALSE, vm.hasOrganizationsProperty().get());
        assertTrue(vm.welcomeCanBeLeft(), "patients are still cached: the worklist stays reachable");
        assertTrue(vm.organizations().rows().isEmpty());

        organizations.saveOrganization(WelcomeViewModelTest.VERACITY);
        changes.publish(ChangesPort.Kind.ORGANIZATIONS, "veracity", null);
        assertEquals(Boolean.TRUE, vm.hasOrganizationsProperty().get());
        assertEquals(1, vm.organizations().rows().size());
    }

    @Test
    void startingLockedAsksForThePassphraseFirst() {
        ChartStore store = new BundleChartStore(Instant.now(), SyntheaBundles.columbus("Jen355"));
        MainViewModel vm = vm(StoreOnlyPorts.create(() -> store, DIR, "x"));
        vm.start(true);
        assertTrue(vm.lock().isLocked());
        assertEquals(0, vm.worklist().total(), "nothing is read before the unlock");
        vm.lock().unlock("x".toCharArray());
        assertEquals(1, vm.worklist().total());
    }
    /** Issue 17: a chart's Completeness fixes reach the sign-in and sync ports; the sign-in's end is read through them. */
    @Test
    void aChartsCompletenessFixesGoThroughTheSignInAndSyncPorts() {
        ChartStore store = new BundleChartStore(Instant.now(), SyntheaBundles.columbus("Babette571"));
        org.chartlens.store.CachedPatient p = store.patients().get(0);
        Organization riverside = new Organization(p.org(), "Riverside Clinic",
                java.net.URI.create("https://fhir.example.org/r4"), Organization.Flow.PKCE,
                "chartlens", List.of(), java.util.Set.of(), null, false, "");
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.chartlens.ui.port.OrganizationStatus signedIn = new org.chartlens.ui.port.OrganizationStatus(true, "Practitioner/1",
                null, List.of(), List.of(), Instant.now().plusSeconds(3600),
                Instant.now().plus(java.time.Duration.ofDays(2)).plusSeconds(600), null);
        ChangeSignal changes = new ChangeSignal();
        org.chartlens.ui.port.OrganizationStatus[] current = {null};
        int[] statusReads = {0};
        current[0] = signedIn;
        ShellPorts ports = StoreOnlyPorts.create(() -> store, DIR).withChanges(changes)
                .withOrganizations(new RecordingOrganizations(List.of(riverside), List.of()))
                .withSync((o, patient, l) -> {
                    calls.add("sync " + o + ":" + patient);
                    return () -> { };
                })
                .withSignIn(new org.chartlens.ui.port.SignInPort() {
                    @Override
                    public org.chartlens.ui.port.OrganizationStatus status(String orgId) {
                        statusReads[0]++;
                        return current[0];
                    }

                    @Override
                    public org.chartlens.ui.port.OrganizationStatus signIn(String orgId) {
                        calls.add("sign-in " + orgId);
                        return signedIn;
                    }

                    @Override
                    public void signOut(String orgId) {
                    }
                });
        MainViewModel vm = vm(ports);
        vm.start(false);
        vm.open(new PatientRef(p.org(), p.id()));
        org.chartlens.ui.chart.ChartViewModel chart = vm.chart(new PatientRef(p.org(), p.id()));
        chart.load(org.chartlens.domain.UnitSystem.METRIC);
        org.chartlens.domain.CompletenessMap map = chart.completenessProperty().get();
        assertTrue(map.rows().get(0).access().startsWith("the sign-in runs out in 2 days"), map.rows().get(0).access());
        assertTrue(map.summary().contains("sign-in at Riverside Clinic runs out in 2 days"), map.summary());
        chart.fixes().syncNow(p.org(), p.id());
        chart.fixes().signInAgain(p.org());
        assertEquals(List.of("sync " + p.org() + ":" + p.id(), "sign-in " + p.org()), calls);
        int[] reads = {0};
        chart.completenessProperty().addListener((o, a, m) -> reads[0]++);
        // signed in again meanwhile: a new grant end
        current[0] = new org.chartlens.ui.port.OrganizationStatus(true, "Practitioner/1", null, List.of(), List.of(),
                Instant.now().plusSeconds(3600), Instant.now().plus(java.time.Duration.ofDays(90)), null);
        changes.publish(ChangesPort.Kind.SYNCED, p.org(), null);
        assertEquals(1, reads[0], "the open chart's map is read again after its organization's sync");
        assertTrue(chart.completenessProperty().get().rows().get(0).access().startsWith("signed in until"));
        current[0] = signedIn;
        changes.publish(ChangesPort.Kind.SYNCED, "elsewhere", null);
        assertEquals(1, reads[0], "not after another organization's");
        assertTrue(statusReads[0] > 0);
    }
}
