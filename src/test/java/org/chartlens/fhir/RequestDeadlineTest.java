package org.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.4 by behaviour: a server that sends its answer one byte at a time no longer holds a
 * request for (2 x request timeout) x attempts; the request's overall deadline ends it, the
 * slow response counts as a failure (not retried past the deadline) and the words name the
 * server. Short configured deadlines keep this test to seconds; the upper bound on time is
 * generous (the old code took about 8 x 4 s = 32 s here and called it a dropped connection).
 */
class RequestDeadlineTest {
    ScriptedServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    /** Headers at once, then one byte every 200 ms, for a minute. */
    static void trickle(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/fhir+json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream o = ex.getResponseBody()) {
            o.write("{\"resourceType\":\"Bundle\",\"entry\":[".getBytes());
            for (int i = 0; i < 300; i++) {
                o.write(' ');
                o.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up: expected
        }
    }

    static FhirHttp client(ScriptedServer s, Duration requestDeadline) {
        FhirHttp.Options o = FhirHttp.Options.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(1))
                .withDeadlines(requestDeadline, Duration.ofMinutes(10));
        return new FhirHttp(FhirHttpTest.org(s.url("/fhir")), new CountingTokens(), o, new FhirJson());
    }

    @Test
    void aTricklingBodyEndsAtTheRequestDeadlineNamingTheServer() throws Exception {
        server = new ScriptedServer(RequestDeadlineTest::trickle);
        FhirHttp http = client(server, Duration.ofSeconds(3));
        long t0 = System.nanoTime();
        FhirException e = assertThrows(FhirException.class, () -> http.page(server.url("/fhir/Condition")));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(FhirException.Kind.NETWORK, e.kind());
        assertEquals("The server 127.0.0.1 was too slow: a request did not finish within 3 seconds, so it was stopped.",
                e.getMessage());
        // 2 x 2 s body timer: at most one retry fits in 3 s, never the 8 attempts allowed
        assertTrue(server.seen.size() <= 2, server.seen.size() + " attempts");
        assertTrue(ms < 20_000, "took " + ms + " ms");
        assertFalse(e.getMessage().contains("t0"));
    }

    @Test
    void headersThatNeverComeEndAtTheDeadlineToo() throws Exception {
        server = new ScriptedServer(ex -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // stopped with the server
            }
        });
        FhirHttp http = client(server, Duration.ofMillis(2500));
        FhirException e = assertThrows(FhirException.class, () -> http.get(server.url("/fhir/metadata"), Map.of()));
        assertTrue(e.getMessage().startsWith("The server 127.0.0.1 was too slow"), e.getMessage());
        assertTrue(server.seen.size() <= 2, server.seen.size() + " attempts");
    }

    @Test
    void aSyncViewEndsEveryRequestAtTheSyncDeadline() throws Exception {
        server = new ScriptedServer(RequestDeadlineTest::trickle);
        FhirHttp.Options o = FhirHttp.Options.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30))
                .withDeadlines(Duration.ofMinutes(5), Duration.ofSeconds(2));
        FhirHttp shared = new FhirHttp(FhirHttpTest.org(server.url("/fhir")), new CountingTokens(), o, new FhirJson());
        FhirHttp sync = shared.forOneSync();
        FhirException e = assertThrows(FhirException.class, () -> sync.page(server.url("/fhir/Condition")));
        assertEquals("The server 127.0.0.1 was too slow: the sync did not finish within 2 seconds, so it was stopped.",
                e.getMessage());
        int sent = server.seen.size();
        // once the sync's time is up, further requests of that sync are not even sent
        assertThrows(FhirException.class, () -> sync.get(server.url("/fhir/Patient/1"), Map.of()));
        assertEquals(sent, server.seen.size());
        assertEquals(1, sent);
    }
}
