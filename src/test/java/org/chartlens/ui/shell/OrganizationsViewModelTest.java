package org.chartlens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
                new SameThreadTaskExecutor(), Runnable::run, synced::add);
        vm.refresh();
        assertEquals(2, vm.rows().size());
        assertFalse(vm.rows().get(0).status().signedIn());
        assertFalse(vm.rows().get(0).canSync());
        assertEquals("Sign in", vm.rows().get(0).action(), "not signed in: Sync could not work, the action is Sign in");
        assertEquals("status unavailable", vm.rows().get(1).status().lastError(), "one unreadable status spoils no other row");
        assertThrows(UnsupportedOperationException.class, () -> vm.rows().clear(), "the rows are read-only outward");

        vm.signIn(vm.rows().get(0));
        assertEquals("Signed in to a.", vm.messageProperty().get());
        assertEquals("Sync", vm.rows().get(0).action(), "signed in: the action is Sync");
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
                StatusViewModelTest.org("refusing")), List.of()), signIn, new SameThreadTaskExecutor(), Runnable::run, id -> { });
        vm.refresh();
        vm.signIn(vm.rows().get(0));
        assertEquals("Sign-in to refusing failed: The server refused the sign-in.", vm.messageProperty().get());
    }

    /** One browser attempt of the scripted port: its link, whether it was cancelled, its outcome. */
    static final class Attempt implements SignInPort.PendingSignIn {
        final String link;
        final CompletableFuture<OrganizationStatus> outcome = new CompletableFuture<>();
        boolean cancelled;
        int opened = 1;

        Attempt(String link) {
            this.link = link;
        }

        public String link() {
            return link;
        }

        public void openAgain() {
            opened++;
        }

        public void cancel() {
            cancelled = true; // its outcome may still come, late
        }

        public CompletableFuture<OrganizationStatus> outcome() {
            return outcome;
        }
    }

    /**
     * Issue 20: a sign-in abandoned in the browser can be cancelled, opened again or its link
     * copied; a late "not completed in time" from an abandoned attempt never shows beside the
     * organization that signed in meanwhile.
     */
    @Test
    void eachSignInAttemptsOutcomeIsItsOwn() {
        List<Attempt> attempts = new ArrayList<>();
        SignInPort browser = new SignInPort() {
            public OrganizationStatus status(String orgId) {
                return signIn.status(orgId);
            }

            public OrganizationStatus signIn(String orgId) {
                throw new AssertionError("the desktop starts attempts");
            }

            public SignInPort.PendingSignIn startSignIn(String orgId) {
                Attempt a = new Attempt("https://auth.example/authorize?state=" + (attempts.size() + 1));
                attempts.add(a);
                return a;
            }

            public void signOut(String orgId) {
            }
        };
        OrganizationsViewModel vm = new OrganizationsViewModel(new RecordingOrganizations(List.of(
                StatusViewModelTest.org("a")), List.of()), browser, new SameThreadTaskExecutor(), Runnable::run, id -> { });
        vm.refresh();
        vm.signIn(vm.rows().get(0));
        assertEquals("https://auth.example/authorize?state=1", vm.pendingProperty().get().link());
        assertEquals("a", vm.pendingProperty().get().orgName());
        vm.openAgain();
        assertEquals(2, attempts.get(0).opened);
        vm.linkCopied();
        assertTrue(vm.messageProperty().get().startsWith("Link copied"));

        // abandoned in the browser: cancelled
        vm.cancelSignIn();
        assertTrue(attempts.get(0).cancelled);
        assertNull(vm.pendingProperty().get());
        assertEquals("Sign-in to a cancelled.", vm.messageProperty().get());

        // an attempt replaced by a new one (Sign in clicked again) is cancelled too
        vm.signIn(vm.rows().get(0));
        vm.signIn(vm.rows().get(0));
        assertTrue(attempts.get(1).cancelled);
        assertEquals("https://auth.example/authorize?state=3", vm.pendingProperty().get().link());

        signedIn.add("a");
        attempts.get(2).outcome.complete(signIn.status("a"));
        assertEquals("Signed in to a.", vm.messageProperty().get());
        assertNull(vm.pendingProperty().get());
        assertTrue(vm.rows().get(0).canSync());

        // minutes later, an abandoned attempt times out: nothing of it shows
        attempts.get(0).outcome.completeExceptionally(new Exception("The sign-in was not completed in time."));
        attempts.get(1).outcome.completeExceptionally(new Exception("The sign-in was not completed in time."));
        assertEquals("Signed in to a.", vm.messageProperty().get());
        assertNull(vm.pendingProperty().get());
    }
}
