package org.chartlens.app.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The naive peer: what a typical integration does. HAPI's generic client searches one resource
 * type after another for the patient and parses every page into HAPI models.
 */
final class NaiveHapiPeer {
    private final FhirContext ctx;

    NaiveHapiPeer(FhirContext ctx) {
        this.ctx = ctx;
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        ctx.getRestfulClientFactory().setSocketTimeout(60_000);
    }

    /** Returns the number of resources parsed. */
    int pull(String fhirBase, String accessToken, String patientId, List<String> types) {
        IGenericClient client = ctx.newRestfulGenericClient(fhirBase);
        client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
        int count = 0;
        for (String type : types) {
            String param = "Patient".equals(type) ? "_id" : "patient";
            Bundle page = client.search().forResource(type)
                    .whereMap(java.util.Map.of(param, List.of(patientId), "_count", List.of("1000")))
                    .returnBundle(Bundle.class).execute();
            while (page != null) {
                count += page.getEntry().size();
                page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
            }
        }
        return count;
    }
}
