package org.chartlens.ui.port;

import java.util.concurrent.CompletableFuture;

/** Signing in to and out of organizations. Thread safe; every method blocks. */
public interface SignInPort {
    /** Sign-in state of one organization (reads the secret store). */
    OrganizationStatus status(String orgId);

    /**
     * Signs in interactively (system browser + loopback callback) until done, refused or
     * cancelled.
     *
     * @throws Exception with a plain-words message on failure (shown to the user as is)
     */
    OrganizationStatus signIn(String orgId) throws Exception;

    /**
     * Starts a sign-in and returns it while it waits for the user: the browser has been opened
     * at its link (flows without a browser are done when this returns). A new attempt for the
     * same organization cancels the one before. Blocking (discovery).
     *
     * @throws Exception with a plain-words message when it cannot start
     */
    default PendingSignIn startSignIn(String orgId) throws Exception {
        return PendingSignIn.done(signIn(orgId));
    }

    /** Signs out: revokes where supported, forgets tokens. */
    void signOut(String orgId);

    /** One sign-in attempt waiting for the user in the browser. Thread safe. */
    interface PendingSignIn {
        /** The sign-in page's address (to copy into a browser), or null when no browser is used. */
        String link();

        /** Opens the sign-in page in the browser again. Blocking. */
        void openAgain() throws Exception;

        /** Stops waiting; {@link #outcome} then fails with "cancelled". Any thread, returns at once. */
        void cancel();

        /**
         * This attempt's outcome, and only this attempt's: completes when it signed in, or
         * exceptionally (a plain-words message) when it was refused, cancelled or timed out.
         * Nothing waits on the caller's thread.
         */
        CompletableFuture<OrganizationStatus> outcome();

        /** An attempt that is over already (a flow without a browser). */
        static PendingSignIn done(OrganizationStatus status) {
            return new PendingSignIn() {
                @Override
                public String link() {
                    return null;
                }

                @Override
                public void openAgain() {
                }

                @Override
                public void cancel() {
                }

                @Override
                public CompletableFuture<OrganizationStatus> outcome() {
                    return CompletableFuture.completedFuture(status);
                }
            };
        }
    }
}
