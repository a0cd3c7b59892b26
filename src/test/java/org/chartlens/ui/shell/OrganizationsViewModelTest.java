package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.OrganizationStatus;
import org.chartlens.ui.port.SignInPort;
import org.chartlens.ui.testing.RecordingOrganizations;
import org.junit.jupiter.api.Test;

/** The Organizations view's state, without a stage. */
class OrganizationsViewModelTest {
    final Set<String> signedIn = new HashSet<>();
    final SignInPort signIn = new SignInPort() {
        @Override
        public OrganizationStatus status(String orgId) {
            if (orgId.equals("broken")) {
                throw new IllegalStateException("secret store unreadable");
            }
            return signedIn.contains(orgId)
                    ? new OrganizationStatus(true, "Practitioner/1", null, List.of("user/*.read"), List.of(), null, null, null)
                    : OrganizationStatus.signedOut(null);
        }

        @Override
        public OrganizationStatus signIn(String orgId) throws Exception {
            if (orgId.equals("refusing")) {
                throw new Exception("The server refused the sign-in.");
            }
            signedIn.add(orgId);
            return status(orgId);
        }

        @Override
        public void signOut(String orgId) {
            signedIn.remove(orgId);
        }
    };

    @Test
    void rowsShowEachOrganizationsSignInAndFollowSignInAndSignOut() {
        List<String> synced = new ArrayList<>();
        OrganizationsViewModel vm = new OrganizationsViewModel(new RecordingOrganizations(List.of(
                StatusViewModelTest.org("a"), StatusViewModelTest.org("broken")), List.of()), signIn,
                new SameThreadTaskExecutor(), synced::add);
        vm.refresh();
        assertEquals(2, vm.rows().size());
        assertFalse(vm.rows().get(0).status().signedIn());
        assertEquals("status unavailable", vm.rows().get(1).status().lastError(), "one unreadable status spoils no other row");
        assertThrows(UnsupportedOperationException.class, () -> vm.rows().clear(), "the rows are read-only outward");

        vm.signIn(vm.rows().get(0));
        assertEquals("Signed in to a", vm.messageProperty().get());
        assertTrue(vm.rows().get(0).status().signedIn(), "the rows are read again after a sign-in");
        assertEquals("Practitioner/1", vm.rows().get(0).status().signedInAs());

        vm.signOut(vm.rows().get(0));
        assertFalse(vm.rows().get(0).status().signedIn());

        vm.sync(vm.rows().get(0));
        assertEquals(List.of("a"), synced);
    }

    @Test
    void aRefusedSignInIsSaidInPlainWords() {
        OrganizationsViewModel vm = new OrganizationsViewModel(new RecordingOrganizations(List.of(
                StatusViewModelTest.org("refusing")), List.of()), signIn, new SameThreadTaskExecutor(), id -> { });
        vm.refresh();
        vm.signIn(vm.rows().get(0));
        assertEquals("Sign-in failed: The server refused the sign-in.", vm.messageProperty().get());
    }
}
