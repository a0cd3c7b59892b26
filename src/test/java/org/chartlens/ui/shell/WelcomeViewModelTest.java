package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chartlens.connect.Organization;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.DemoPort;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.testing.RecordingOrganizations;
import org.junit.jupiter.api.Test;

/** The first-run screen's state, without a stage. */
class WelcomeViewModelTest {
    static final Organization DEMO = new Organization("demo", "Demo organization", URI.create("http://127.0.0.1:1/fhir"),
            Organization.Flow.PKCE, "chartlens", List.of("user/*.read"), Set.of(), "demo", true, "Built-in.");
    static final Organization VERACITY = new Organization("veracity", "Veracity Health",
            URI.create("https://fhir.veracity.example/r4"), Organization.Flow.PKCE, null, List.of(), Set.of(), null, true,
            "Needs a client id.");

    final RecordingOrganizations orgs = new RecordingOrganizations(List.of(), List.of(DEMO, VERACITY));
    final StatusViewModel status = SettingsViewModelTest.status();
    final List<Organization> added = new ArrayList<>();

    WelcomeViewModel vm(DemoPort demo) {
        WelcomeViewModel vm = new WelcomeViewModel(orgs, demo, new SameThreadTaskExecutor(), status);
        vm.setOnAdded(added::add);
        vm.load(() -> { });
        return vm;
    }

    @Test
    void presetsLeaveOutTheDemoWhichHasItsOwnButton() {
        WelcomeViewModel vm = vm(l -> null);
        assertEquals(List.of(VERACITY), List.copyOf(vm.presets()));
        vm.add(VERACITY);
        assertEquals(List.of(VERACITY), orgs.saved);
        assertEquals(List.of(VERACITY), added);
        assertEquals("Added Veracity Health. Sign in from Organizations.", status.messageProperty().get());
    }

    @Test
    void anAddressMustBeHttpsExceptOnThisComputer() {
        WelcomeViewModel vm = vm(l -> null);
        vm.addAddress("http://fhir.example.org/r4", "");
        assertEquals("Use an https:// address (http only for this computer).", vm.addressMessageProperty().get());
        vm.addAddress("not a url at all", "");
        assertEquals("That is not a valid address.", vm.addressMessageProperty().get());
        assertTrue(orgs.saved.isEmpty(), "nothing saved");
        vm.addressEdited();
        assertEquals("", vm.addressMessageProperty().get());

        vm.addAddress(" https://fhir.example.org/r4/ ", " my-client ");
        Organization o = orgs.saved.get(0);
        assertEquals("fhir-example-org", o.id());
        assertEquals(URI.create("https://fhir.example.org/r4"), o.fhirBase());
        assertEquals("my-client", o.clientId());
        vm.addAddress("http://127.0.0.1:8080/fhir", " ");
        assertNull(orgs.saved.get(1).clientId(), "a blank client id is none");
    }

    @Test
    void theDemoButtonWaitsWhileTheDemoOpensAndComesBackWhenItFailed() {
        List<PatientRef> opened = new ArrayList<>();
        boolean[] runningDuring = {false};
        WelcomeViewModel[] holder = new WelcomeViewModel[1];
        WelcomeViewModel ok = vm(l -> {
            runningDuring[0] = holder[0].demoRunningProperty().get();
            return new PatientRef("demo", "p1");
        });
        holder[0] = ok;
        ok.setOnDemoOpened(opened::add);
        ok.openDemo();
        assertTrue(runningDuring[0], "the button is disabled while the demo opens");
        assertEquals(List.of(new PatientRef("demo", "p1")), opened);

        WelcomeViewModel failing = vm(l -> {
            throw new IllegalStateException("port 8080 is taken");
        });
        failing.openDemo();
        assertFalse(failing.demoRunningProperty().get(), "the button is back");
        assertEquals("Could not open the demo: port 8080 is taken", failing.demoMessageProperty().get());
        assertEquals("The demo organization could not be opened: port 8080 is taken", status.errorProperty().get());
        failing.load(() -> { });
        assertEquals("", failing.demoMessageProperty().get(), "shown again, the screen starts afresh");
    }
}
