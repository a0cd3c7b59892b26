package org.chartlens.sandbox;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * JSON to FHIR XML, through HAPI. The HAPI {@link FhirContext} costs about two seconds to make,
 * so it is made on the first XML request only, never at start, and shared by all demo EHRs in
 * the JVM. Thread safe.
 */
final class XmlFormat {
    private final ObjectMapper mapper;

    /** One per JVM, shared by every demo EHR in it: made on first use (the holder idiom). */
    private static final class Holder {
        static final FhirContext CONTEXT = FhirContext.forR4();
    }

    XmlFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static FhirContext context() {
        return Holder.CONTEXT;
    }

    byte[] toXml(byte[] json) {
        FhirContext c = context();
        IBaseResource r = c.newJsonParser().setSuppressNarratives(false)
                .parseResource(new String(json, StandardCharsets.UTF_8));
        return c.newXmlParser().encodeResourceToString(r).getBytes(StandardCharsets.UTF_8);
    }
}
