package org.chartlens.auth;

/**
 * Gives the fhir layer a bearer token for one organization. Implementations are thread safe:
 * many sync workers call them at once, and at most one refresh is in flight per grant.
 */
public interface AccessTokenSource {

    /** A currently valid access token, refreshed first when it is about to expire. */
    String accessToken() throws AuthException;

    /**
     * Called after the server answered 401 to {@code rejectedToken}. Refreshes once (callers that
     * race here share the same refresh) and returns the new token; throws when no refresh is
     * possible, with a message a clinician can read ("Sign in to X again").
     */
    String refreshAfterRejection(String rejectedToken) throws AuthException;
}
