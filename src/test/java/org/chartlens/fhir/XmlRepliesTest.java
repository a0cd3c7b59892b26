package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decision 0301: a reply in FHIR XML is read as the same FHIR JSON (ids as sent, not the entry's
 * fullUrl; contained resources and references kept), its OperationOutcome gives the error its
 * words, and a body that is no FHIR XML is said in words without quoting it.
 */
class XmlRepliesTest {
    private ScriptedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static final String BUNDLE = """
            <Bundle xmlns="http://hl7.org/fhir"><type value="searchset"/><total value="1"/>
              <link><relation value="next"/><url value="http://127.0.0.1/fhir?_getpages=x"/></link>
              <entry><fullUrl value="urn:uuid:9f0c"/><resource>
                <MedicationRequest><id value="mr1"/>
                  <contained><Medication><id value="m"/><code><text value="Aspirin 81 mg"/></code></Medication></contained>
                  <status value="active"/><intent value="order"/>
                  <medicationReference><reference value="#m"/></medicationReference>
                  <subject><reference value="Patient/p1"/></subject>
                  <authoredOn value="2020-01-02"/>
                </MedicationRequest></resource></entry>
            </Bundle>""";

    static void sendXml(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/fhir+xml;charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Test
    void anXmlPageIsReadAsTheSameResourcesWithTheirOwnIdsAndContainedResources() throws Exception {
        server = new ScriptedServer(ex -> sendXml(ex, 200, BUNDLE));
        BundlePage page = FhirHttpTest.http(server, new CountingTokens()).page(server.url("/fhir/MedicationRequest"));
        assertEquals(1, page.resources().size());
        ReceivedResource r = page.resources().get(0);
        assertEquals("MedicationRequest", r.type());
        assertEquals("mr1", r.id());
        assertEquals("p1", r.patientId());
        assertEquals(1, page.total());
        assertEquals("http://127.0.0.1/fhir?_getpages=x", page.next());
        JsonNode json = new FhirJson().tree(r.json().getBytes(StandardCharsets.UTF_8));
        assertEquals("Aspirin 81 mg", json.path("contained").path(0).path("code").path("text").asText());
        assertEquals("#m", json.path("medicationReference").path("reference").asText());
    }

    @Test
    void anXmlOperationOutcomeGivesTheErrorItsWords() throws Exception {
        server = new ScriptedServer(ex -> sendXml(ex, 404, """
                <OperationOutcome xmlns="http://hl7.org/fhir"><issue><severity value="error"/><code value="not-found"/>
                <diagnostics value="Unknown resource type: Widget"/></issue></OperationOutcome>"""));
        FhirException e = assertThrows(FhirException.class,
                () -> FhirHttpTest.http(server, new CountingTokens()).page(server.url("/fhir/Widget")));
        assertTrue(e.getMessage().contains("Unknown resource type: Widget"), e.getMessage());
    }

    @Test
    void aBodyThatIsNoFhirXmlIsSaidInWordsWithoutQuotingIt() throws Exception {
        server = new ScriptedServer(ex -> sendXml(ex, 200, "<html><body>secret 999-68-8039</body></html>"));
        FhirException e = assertThrows(FhirException.class,
                () -> FhirHttpTest.http(server, new CountingTokens()).page(server.url("/fhir/Patient")));
        assertEquals(FhirException.Kind.MALFORMED, e.kind());
        assertFalse(e.getMessage().contains("999"), e.getMessage());
    }

    @Test
    void xmlIsRecognisedByItsContentTypeOrWithoutOneByItsFirstCharacter() {
        byte[] xml = "  <Bundle/>".getBytes(StandardCharsets.UTF_8);
        byte[] json = "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(XmlBodies.isXml(Optional.of("application/fhir+xml;charset=utf-8"), json));
        assertTrue(XmlBodies.isXml(Optional.of("text/xml"), json));
        assertFalse(XmlBodies.isXml(Optional.of("application/fhir+json"), xml));
        assertTrue(XmlBodies.isXml(Optional.empty(), xml));
        assertFalse(XmlBodies.isXml(Optional.empty(), json));
    }
}
