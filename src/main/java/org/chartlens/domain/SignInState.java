package org.chartlens.domain;

import java.time.Instant;

/**
 * What the completeness map needs to know of one organization's sign-in (issue 17), with no token:
 * whether a sign-in exists and when its refresh grant runs out, where known.
 *
 * @param org              organization id
 * @param signedIn         a sign-in exists (it may still be renewable or not)
 * @param refreshGrantEnds when the refresh grant runs out, or null when not known or none
 * @param signInNeeded     true when nothing can be pulled without a new sign-in (import folders: false)
 */
public record SignInState(String org, boolean signedIn, Instant refreshGrantEnds, boolean signInNeeded) {

    /** An organization nobody signs in to (an imported file). */
    public static SignInState notApplicable(String org) {
        return new SignInState(org, false, null, false);
    }
}
