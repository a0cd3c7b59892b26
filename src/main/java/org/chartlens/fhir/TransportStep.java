package org.chartlens.fhir;

import java.net.URI;
import java.util.Optional;
import org.chartlens.auth.TransportPolicy;

/**
 * The transport policy step, outermost: every address a request goes to, the first and each
 * redirect target, passes {@link TransportPolicy#refusal} (https, or http to loopback only; never
 * from https to http). Redirects are followed here by hand, at most {@value #MAX_HOPS}, each hop
 * going through the inner steps again (so the token is decided anew per hop). Stateless.
 */
final class TransportStep implements ClientStep {
    static final int MAX_HOPS = 5;

    @Override
    public FhirClient.Response handle(Request request, Chain next) throws FhirException {
        check(request.uri(), null);
        Request current = request;
        int hops = 0;
        while (true) {
            FhirClient.Response r = next.proceed(current);
            Optional<String> location = r.header("Location");
            if (r.status() < 300 || r.status() >= 400 || location.isEmpty()) {
                return r;
            }
            if (++hops > MAX_HOPS) {
                throw new FhirException(FhirException.Kind.INSECURE, r.status(),
                        "The server redirected too many times.", null);
            }
            URI target = resolve(current.uri(), location.get());
            check(target, current.uri());
            current = current.to(target);
        }
    }

    /** A Location header against the address that sent it; unusable ones are refused. */
    private static URI resolve(URI from, String location) throws FhirException {
        try {
            return from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FhirException(FhirException.Kind.INSECURE, 0,
                    "The server redirected to an address that cannot be used; the redirect was refused.", null);
        }
    }

    /** Refuses {@code target} (reached from {@code from}, null for a first request) when the policy says no. */
    static void check(URI target, URI from) throws FhirException {
        Optional<TransportPolicy.Refusal> refusal = TransportPolicy.refusal(target, from);
        if (refusal.isEmpty()) {
            return;
        }
        String message = switch (refusal.get()) {
            case NOT_HTTP -> "Only http(s) addresses are fetched.";
            case DOWNGRADE -> "The server redirected from https to plain http; the redirect was refused.";
            case PLAIN_HTTP_OFF_LOOPBACK -> "Plain http is allowed only to this computer; the server must use https.";
        };
        throw new FhirException(FhirException.Kind.INSECURE, 0, message, null);
    }
}
