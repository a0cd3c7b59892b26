package org.chartlens.fhir;

import java.net.URI;
import java.util.function.Predicate;
import org.chartlens.auth.AccessTokenSource;
import org.chartlens.auth.AuthException;

/**
 * The bearer auth step: the access token goes only where {@code own} says (the organization's
 * FHIR origin and base path, {@link org.chartlens.auth.TransportPolicy#confinedTo}); elsewhere the
 * request is sent without it. A 401 from an own address refreshes the token once per request
 * ({@link AccessTokenSource#refreshAfterRejection}) and sends the request once more; a second
 * 401 asks the user to sign in again. Without a token source, requests go out unauthenticated.
 * Stateless; the token in use lives in the {@link Call}.
 */
final class BearerAuthStep implements ClientStep {
    private final AccessTokenSource tokens;
    private final Predicate<URI> own;
    private final String orgName;

    BearerAuthStep(AccessTokenSource tokens, Predicate<URI> own, String orgName) {
        this.tokens = tokens;
        this.own = own;
        this.orgName = orgName;
    }

    @Override
    public FhirClient.Response handle(Request request, Chain next) throws FhirException {
        if (tokens == null || !own.test(request.uri())) {
            return next.proceed(request);
        }
        Call call = request.call();
        while (true) {
            if (call.token == null) {
                call.token = accessToken();
            }
            FhirClient.Response r = next.proceed(call.token == null ? request
                    : request.withHeader("Authorization", "Bearer " + call.token));
            if (r.status() != 401) {
                return r;
            }
            if (call.refreshed) {
                throw new FhirException(FhirException.Kind.UNAUTHORIZED, 401, "The server at " + orgName
                        + " no longer accepts the sign-in. Sign in to " + orgName + " again.", null);
            }
            call.refreshed = true;
            try {
                call.token = tokens.refreshAfterRejection(call.token);
            } catch (AuthException e) {
                throw new FhirException(FhirException.Kind.UNAUTHORIZED, 401, e.getMessage(), e);
            }
        }
    }

    private String accessToken() throws FhirException {
        try {
            return tokens.accessToken();
        } catch (AuthException e) {
            throw new FhirException(FhirException.Kind.UNAUTHORIZED, 0, e.getMessage(), e);
        }
    }
}
