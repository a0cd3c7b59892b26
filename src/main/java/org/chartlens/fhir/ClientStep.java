package org.chartlens.fhir;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of the FHIR client's request chain, in the manner of HAPI's client interceptors and
 * OkHttp's: a step sees the request on its way in, may change it (add a header, follow a
 * redirect), hands it to the next step one or more times (a retry, a refresh), and sees every
 * response on its way out. Steps are stateless and shared by all requests; what belongs to one
 * request (attempts, token, deadline) lives in its {@link Call}.
 *
 * <p>The chain of {@link FhirHttp}, outermost first: {@link TransportStep} (transport policy and
 * redirects), {@link RetryStep}, {@link BearerAuthStep}, {@link BodyLimitStep} (reads the body),
 * then the network ({@link BodyLimitStep.Transport}).
 */
interface ClientStep {

    FhirClient.Response handle(Request request, Chain next) throws FhirException;

    /** The rest of the chain after a step. */
    interface Chain {
        FhirClient.Response proceed(Request request) throws FhirException;
    }

    /** One hop of a request: where it goes, with which extra headers, for which call. */
    record Request(URI uri, Map<String, String> headers, Call call) {
        Request to(URI other) {
            return new Request(other, headers, call);
        }

        Request withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Request(uri, Map.copyOf(h), call);
        }
    }

    /** {@code steps} in order, ending in {@code last}. */
    static Chain chain(List<ClientStep> steps, Chain last) {
        Chain c = last;
        for (int i = steps.size() - 1; i >= 0; i--) {
            ClientStep step = steps.get(i);
            Chain inner = c;
            c = r -> step.handle(r, inner);
        }
        return c;
    }
}
