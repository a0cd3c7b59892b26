package org.chartlens.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.chartlens.auth.AuthException;
import org.chartlens.auth.Browser;
import org.chartlens.auth.TransportPolicy;

/**
 * A "browser" for scripts, the self-test and the benchmark: it opens the authorize URL of an
 * auto-approving server on this machine and follows its redirects to the loopback callback,
 * exactly as a person's browser would after clicking Allow. It refuses any host that is not
 * loopback ({@link TransportPolicy#isLoopback}, the rule sign-in and FHIR requests use), so it can
 * never be pointed at a real organization.
 */
public final class ScriptedBrowser implements Browser {
    private static final int MAX_HOPS = 10;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public void open(URI url) throws AuthException {
        URI next = url;
        try {
            for (int hop = 0; hop < MAX_HOPS && next != null; hop++) {
                if (!TransportPolicy.isLoopback(next) || TransportPolicy.refusal(next, null).isPresent()) {
                    throw new AuthException("The scripted sign-in only talks to servers on this machine.");
                }
                HttpResponse<Void> res = http.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() / 100 != 3) {
                    if (res.statusCode() == 200 && hop > 0) {
                        return; // the callback page ("return to ChartLens")
                    }
                    throw new AuthException("The sign-in page did not approve automatically (HTTP " + res.statusCode()
                            + "); is the demo EHR running with --auto-approve?");
                }
                next = res.headers().firstValue("Location").map(next::resolve).orElse(null);
            }
        } catch (IOException e) {
            throw new AuthException("The scripted sign-in could not reach the server.", "network", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Sign-in was interrupted.");
        }
    }
}
