package org.chartlens.ui.port;

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

    /** Signs out: revokes where supported, forgets tokens. */
    void signOut(String orgId);
}
