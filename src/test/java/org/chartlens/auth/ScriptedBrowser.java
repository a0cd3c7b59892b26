package org.chartlens.auth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plays the user's browser in tests: follows the authorization server's redirects (with cookies)
 * from the authorize URL to the loopback redirect, on its own thread, like a real browser would.
 * Records every URL visited.
 */
final class ScriptedBrowser implements Browser {
    final List<URI> visited = new ArrayList<>();
    volatile CompletableFuture<HttpResponse<String>> last;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void open(URI authorizationUrl) {
        last = CompletableFuture.supplyAsync(() -> follow(authorizationUrl));
    }

    HttpResponse<String> follow(URI start) {
        URI url = start;
        try {
            for (int i = 0; i < 20; i++) {
                synchronized (visited) {
                    visited.add(url);
                }
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String location = r.headers().firstValue("Location").orElse(null);
                if (r.statusCode() / 100 != 3 || location == null) {
                    return r;
                }
                url = url.resolve(location);
            }
            throw new IllegalStateException("too many redirects");
        } catch (IOException e) {
            throw new IllegalStateException("browser request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI lastVisited() {
        synchronized (visited) {
            return visited.get(visited.size() - 1);
        }
    }
}
