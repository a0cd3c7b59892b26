package org.chartlens.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR XML bodies turned once into the FHIR JSON the rest of ChartLens reads (decision 0301: a
 * server that answers only {@code application/fhir+xml}, as CareCloud may). HAPI's XML parser reads
 * the body into its R4 model and its JSON encoder writes it back out: ids, references, contained
 * resources, extensions and narratives kept; Bundle entries keep their own ids (not the fullUrl).
 * The HAPI {@link FhirContext} (about two seconds to make) is made on the first XML body only,
 * never for a JSON server. Values HAPI cannot read are dropped without a log line (a log would
 * carry them: PHI). Thread safe.
 */
public final class XmlBodies {
    private XmlBodies() {
    }

    /**
     * HAPI, loaded on the first XML body only: the one {@link FhirContext} per JVM (the holder
     * idiom) and the conversion. Every HAPI type is named here, so reading a JSON server's replies
     * loads none of them.
     */
    private static final class Holder {
        static final FhirContext CONTEXT = context();

        private static FhirContext context() {
            FhirContext c = FhirContext.forR4();
            c.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
            c.getParserOptions().setStripVersionsFromReferences(false);
            c.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
            c.setParserErrorHandler(new LenientErrorHandler(false));
            return c;
        }

        static byte[] convert(byte[] xml) throws FhirException {
            IParser in = CONTEXT.newXmlParser();
            IBaseResource r;
            try {
                r = in.parseResource(new String(xml, StandardCharsets.UTF_8));
            } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
                // the message may quote the body: not passed on
                throw new FhirException(FhirException.Kind.MALFORMED, 0,
                        "The server's XML reply could not be read as a FHIR resource.", null);
            }
            IParser out = CONTEXT.newJsonParser().setSuppressNarratives(false).setPrettyPrint(false);
            return out.encodeResourceToString(r).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** True when the reply is XML: its Content-Type says so, or (none given) its body starts with '<'. */
    public static boolean isXml(Optional<String> contentType, byte[] body) {
        if (contentType.isPresent() && !contentType.get().isBlank()) {
            String t = contentType.get().toLowerCase(Locale.ROOT);
            return t.contains("xml") && !t.contains("json");
        }
        for (byte b : body) {
            if (b == '<') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /**
     * The resource (a Bundle, a CapabilityStatement, an OperationOutcome...) as FHIR JSON.
     *
     * @throws FhirException {@code MALFORMED} when the body is not a FHIR XML resource
     */
    public static byte[] toJson(byte[] xml) throws FhirException {
        return Holder.convert(xml);
    }
}
