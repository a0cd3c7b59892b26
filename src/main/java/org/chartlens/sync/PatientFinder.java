package org.chartlens.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartlens.fhir.BundlePage;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.ReceivedResource;

/**
 * Finds the patient a clinician means at one organization with the server's own Patient search
 * (one request, the first page only): the criteria the CapabilityStatement lists for Patient are
 * sent, the others are named in words and left out. Nothing is written to the cache; choosing a
 * candidate is a sync of that one patient ({@link SyncRequest#patients}). Stateless per call;
 * thread safe.
 */
public final class PatientFinder {
    /** Candidates shown at most (one page); more means "narrow the search". */
    public static final int MAX_CANDIDATES = 20;

    private final FhirHttp http;
    private final Capabilities capabilities;

    public PatientFinder(FhirHttp http, Capabilities capabilities) {
        this.http = http;
        this.capabilities = capabilities;
    }

    /**
     * The candidates and what was not searched.
     *
     * @param candidates  the Patient resources the server answered, in its order (at most {@link #MAX_CANDIDATES})
     * @param unsupported one sentence per given criterion the server does not search by
     * @param more        true when the server has more matches than were read
     * @param total       the server's count of matches, or -1 when it gives none
     */
    public record Found(List<ReceivedResource> candidates, List<String> unsupported, boolean more, int total) {
        public Found {
            candidates = List.copyOf(candidates);
            unsupported = List.copyOf(unsupported);
        }
    }

    /**
     * @throws IllegalArgumentException when no criterion is given, or the server supports none of them
     *                                  (listing every patient is what {@code sync --all-patients} is for)
     */
    public Found find(PatientQuery query) throws FhirException {
        if (query.isEmpty()) {
            throw new IllegalArgumentException("Give at least one of name, birth date, sex or identifier.");
        }
        if (capabilities.known() && !capabilities.supports("Patient")) {
            throw new IllegalArgumentException(http.organization().name() + " does not offer Patient search.");
        }
        Map<String, String> sent = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>();
        query.parameters().forEach((param, value) -> {
            if (capabilities.supportsSearchParam("Patient", param)) {
                sent.put(param, value);
            } else {
                unsupported.add(http.organization().name() + " does not support searching patients by "
                        + PatientQuery.inWords(param) + "; the candidates are not narrowed by it.");
            }
        });
        if (sent.isEmpty()) {
            throw new IllegalArgumentException(http.organization().name() + " supports none of the given criteria ("
                    + String.join(", ", query.parameters().keySet().stream().map(PatientQuery::inWords).toList())
                    + ") in its Patient search.");
        }
        sent.put("_count", Integer.toString(MAX_CANDIDATES));
        URI uri = http.searchUri("Patient", null, sent);
        BundlePage page = http.page(uri);
        List<ReceivedResource> out = new ArrayList<>();
        for (ReceivedResource r : page.resources()) {
            if ("Patient".equals(r.type()) && r.id() != null && out.size() < MAX_CANDIDATES) {
                out.add(r);
            }
        }
        boolean more = page.next() != null || page.resources().size() > out.size();
        return new Found(out, unsupported, more, page.total());
    }
}
