package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chartlens.connect.Organization;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.ServerCheck;
import org.chartlens.ui.testing.RecordingOrganizations;
import org.junit.jupiter.api.Test;

/** The add / edit organization form, without a stage. */
class OrganizationEditorViewModelTest {
    final List<URI> checked = new ArrayList<>();
    final RecordingOrganizations port = new RecordingOrganizations(List.of(), List.of()) {
        @Override
        public ServerCheck check(URI base) {
            checked.add(base);
            return base.getHost().equals("down.example") ? ServerCheck.refused("down.example could not be reached.")
                    : new ServerCheck(true, "Found a FHIR server (FHIR 4.0.1).", "Riverside Health", true);
        }
    };
    final List<Organization> saved = new ArrayList<>();

    OrganizationEditorViewModel editor(Organization editing) {
        return new OrganizationEditorViewModel(port, new SameThreadTaskExecutor(), editing, (o, added) -> saved.add(o));
    }

    @Test
    void addingChecksTheServerNamesItAndRefusesWhatCannotWork() {
        OrganizationEditorViewModel vm = editor(null);
        vm.urlProperty().set("https://down.example/fhir");
        vm.clientIdProperty().set("c1");
        vm.nameProperty().set("Down");
        vm.save();
        assertEquals("down.example could not be reached.", vm.errorProperty().get());
        assertTrue(port.saved.isEmpty(), "an unreachable server is not added");

        vm.urlProperty().set("https://fhir.riverside.example/r4/");
        vm.nameProperty().set("");
        vm.check();
        assertEquals("Found a FHIR server (FHIR 4.0.1).", vm.foundProperty().get());
        assertEquals("Riverside Health", vm.nameProperty().get(), "the server's own name is offered");
        vm.clientIdProperty().set(" ");
        vm.save();
        assertTrue(vm.errorProperty().get().startsWith("Enter the client id"));
        vm.clientIdProperty().set("c1");
        vm.nameProperty().set("Riverside");
        vm.save();
        Organization o = port.saved.get(0);
        assertEquals("riverside", o.id());
        assertEquals("Riverside", o.name());
        assertEquals(URI.create("https://fhir.riverside.example/r4"), o.fhirBase());
        assertEquals(OrganizationEditorViewModel.USER_SCOPES, o.scopes());
        assertTrue(vm.doneProperty().get());
        assertEquals(1, checked.stream().filter(u -> u.getHost().equals("fhir.riverside.example")).count(),
                "checked once for this address");
    }

    @Test
    void editingKeepsTheFhirBaseUnlessAPresetHasNone() {
        Organization mine = new Organization("mine", "Mine", URI.create("https://fhir.mine.example/r4"),
                Organization.Flow.PKCE, "c", List.of("user/*.read"), Set.of(), null, false, null);
        OrganizationEditorViewModel vm = editor(mine);
        assertFalse(vm.baseEditable());
        vm.flowProperty().set(Organization.Flow.BACKEND);
        vm.scopesProperty().set("system/Patient.read");
        vm.nameProperty().set("");
        vm.save();
        assertTrue(vm.errorProperty().get().startsWith("Name the organization"));
        vm.nameProperty().set("Mine (backend)");
        vm.save();
        Organization e = port.saved.get(0);
        assertEquals("mine", e.id());
        assertEquals(mine.fhirBase(), e.fhirBase());
        assertEquals(Organization.Flow.BACKEND, e.flow());
        assertEquals(List.of("system/Patient.read"), e.scopes());
        assertTrue(checked.isEmpty(), "an edit of a known server needs no check");

        Organization vendor = new Organization("veracity", "Veracity EMR", null, Organization.Flow.PKCE, null,
                List.of("user/*.read"), Set.of(), null, true, "Needs your server's address.");
        OrganizationEditorViewModel preset = editor(vendor);
        assertTrue(preset.baseEditable(), "a preset without a FHIR base takes the user's");
        preset.urlProperty().set("https://fhir.veracity.example/r4");
        preset.clientIdProperty().set("v1");
        preset.save();
        assertEquals(URI.create("https://fhir.veracity.example/r4"), port.saved.get(1).fhirBase());
        assertEquals("veracity", port.saved.get(1).id());
    }
}
