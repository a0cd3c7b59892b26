package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 (smaller items): a server's OperationOutcome text can name a patient, so the log gets
 * its severity and code only; the clinician still reads the text in the error.
 */
class OutcomeLoggingTest {
    static final String PHI = "Patient Jane Q Doe MRN 555-12-3456 is locked";

    static String outcome(String code) {
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
                + "\",\"diagnostics\":\"" + PHI + "\",\"details\":{\"text\":\"" + PHI + "\"}}]}";
    }

    @Test
    void theLogHasSeverityAndCodeButNotTheText() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream old = System.err;
        FhirException e;
        try (ScriptedServer s = new ScriptedServer(ex -> ScriptedServer.send(ex,
                n.incrementAndGet() < 3 ? 503 : 409, outcome(n.get() < 3 ? "transient" : "conflict")))) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            e = assertThrows(FhirException.class, () -> FhirHttpTest.http(s, new CountingTokens())
                    .get(s.url("/fhir/Patient/p1"), Map.of()));
        } finally {
            System.setErr(old);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("attempt 1 failed") && text.contains("error/transient"), "the log was captured: " + text);
        assertFalse(text.contains("Jane"), text);
        assertFalse(text.contains("555-12-3456"), text);

        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains(PHI), "the clinician sees the server's words: " + e.getMessage());
        assertEquals("The server refused the request (409) (OperationOutcome error/conflict).", e.forLog());
    }

    @Test
    void codesNeverCarryFreeText() throws Exception {
        String sneaky = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"Jane Doe\",\"code\":\"MRN 5\"}]}";
        assertEquals("?/?", OperationOutcomes.codes(new FhirJson().tree(sneaky.getBytes(StandardCharsets.UTF_8))));
    }
}
