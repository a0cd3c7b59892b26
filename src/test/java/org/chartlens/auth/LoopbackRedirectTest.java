package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** security.md 6: RFC 8252 loopback redirect: 127.0.0.1, OS port, one callback, then closed. */
class LoopbackRedirectTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> get(URI u) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(u).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnlyOnAnOsChosenPort() throws Exception {
        try (LoopbackRedirect a = LoopbackRedirect.open(); LoopbackRedirect b = LoopbackRedirect.open()) {
            assertEquals("127.0.0.1", a.boundAddress().getAddress().getHostAddress(), "not 0.0.0.0");
            assertTrue(a.boundAddress().getPort() > 0);
            assertNotEquals(a.boundAddress().getPort(), b.boundAddress().getPort());
            assertEquals("http://127.0.0.1:" + a.boundAddress().getPort() + "/callback", a.redirectUri().toString());
        }
    }

    @Test
    void acceptsOneCallbackShowsReturnPageThenCloses() throws Exception {
        LoopbackRedirect r = LoopbackRedirect.open();
        CompletableFuture<HttpResponse<String>> page = CompletableFuture.supplyAsync(() -> {
            try {
                return get(URI.create(r.redirectUri() + "?code=c1&state=s1"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, String> params = r.await(Duration.ofSeconds(5));
        assertEquals("c1", params.get("code"));
        assertEquals("s1", params.get("state"));
        HttpResponse<String> p = page.get();
        assertEquals(200, p.statusCode());
        assertTrue(p.body().contains("return to ChartLens"));
        assertEquals("no-store", p.headers().firstValue("Cache-Control").orElse(""));
        long deadline = System.currentTimeMillis() + 3000;
        while (!r.isClosed() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(r.isClosed(), "listener closed after the callback");
        assertThrows(IOException.class, () -> get(URI.create(r.redirectUri() + "?code=c2&state=s2")));
    }

    @Test
    void otherPathsAreNotCallbacks() throws Exception {
        try (LoopbackRedirect r = LoopbackRedirect.open()) {
            URI favicon = URI.create("http://127.0.0.1:" + r.boundAddress().getPort() + "/favicon.ico");
            assertEquals(404, get(favicon).statusCode());
            assertTrue(!r.isClosed());
        }
    }

    @Test
    void timesOutAndCloses() throws Exception {
        LoopbackRedirect r = LoopbackRedirect.open();
        AuthException e = assertThrows(AuthException.class, () -> r.await(Duration.ofMillis(200)));
        assertEquals("timeout", e.code());
        assertTrue(r.isClosed());
    }

    @Test
    void cancelFromAnotherThreadEndsTheWait() throws Exception {
        LoopbackRedirect r = LoopbackRedirect.open();
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            r.cancel();
        });
        AuthException e = assertThrows(AuthException.class, () -> r.await(Duration.ofSeconds(10)));
        assertEquals("cancelled", e.code());
        assertTrue(r.isClosed());
    }
}
