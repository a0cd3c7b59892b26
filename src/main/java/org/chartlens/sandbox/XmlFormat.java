package org.chartlens.sandbox;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * JSON to FHIR XML, through HAPI. The HAPI {@link FhirContext} costs about two seconds to make,
 * so it is made on the first XML request only, never at start. Thread safe.
 */
final class XmlFormat {
    private final ObjectMapper mapper;
    private volatile FhirContext context;

    XmlFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private FhirContext context() {
        FhirContext c = context;
        if (c == null) {
            synchronized (this) {
                c = context;
                if (c == null) {
                    c = FhirContext.forR4();
                    context = c;
                }
            }
        }
        return c;
    }

    byte[] toXml(byte[] json) {
        FhirContext c = context();
        IBaseResource r = c.newJsonParser().setSuppressNarratives(false)
                .parseResource(new String(json, StandardCharsets.UTF_8));
        return c.newXmlParser().encodeResourceToString(r).getBytes(StandardCharsets.UTF_8);
    }
}
