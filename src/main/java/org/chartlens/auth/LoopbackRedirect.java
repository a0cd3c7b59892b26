package org.chartlens.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The RFC 8252 loopback redirect for one sign-in: listens on 127.0.0.1 (never 0.0.0.0) on a port
 * the OS picks, accepts exactly one callback, answers with a page telling the user to return to
 * ChartLens, then closes. Thread safe; {@link #cancel()} may be called from any thread.
 */
public final class LoopbackRedirect implements AutoCloseable {
    public static final String PATH = "/callback";

    private final HttpServer server;
    private final URI redirectUri;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile CallbackCheck check = params -> null;

    /**
     * Decides, before the browser gets its answer, whether a callback belongs to this sign-in, so
     * a refused one is shown as refused there too.
     */
    @FunctionalInterface
    public interface CallbackCheck {
        /** Null when the callback belongs to this sign-in, else why not (plain words, no server text). */
        String refusal(Map<String, String> params);
    }

    private LoopbackRedirect(HttpServer server) {
        this.server = server;
        this.redirectUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    public static LoopbackRedirect open() throws AuthException {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
            LoopbackRedirect r = new LoopbackRedirect(s);
            s.createContext("/", r::handle);
            s.start();
            return r;
        } catch (IOException e) {
            throw new AuthException("ChartLens could not open a local port to receive the sign-in.", "loopback_failed", e);
        }
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** Sets the check each callback passes before the browser is told "Sign-in received". */
    public void check(CallbackCheck c) {
        this.check = c;
    }

    /** The address actually bound (for tests: it must be 127.0.0.1). */
    public InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!"GET".equals(ex.getRequestMethod()) || !PATH.equals(ex.getRequestURI().getPath())) {
                send(ex, 404, page("Not found", "This address only receives ChartLens sign-ins."));
                return;
            }
            if (!taken.compareAndSet(false, true)) {
                send(ex, 410, page("Already used", "This sign-in link was already used. Return to ChartLens."));
                return;
            }
            Map<String, String> params = FormEncoding.parseQuery(ex.getRequestURI().getRawQuery());
            String refusal = check.refusal(params);
            boolean error = params.containsKey("error");
            if (refusal != null) {
                send(ex, 400, page("Sign-in refused", "ChartLens refused this sign-in response because " + refusal
                        + ". Nothing was signed in. Return to ChartLens and try again. You can close this tab."));
            } else {
                send(ex, 200, error
                    ? page("Sign-in not completed", "The server did not complete the sign-in. "
                        + "Return to ChartLens to see why and try again. You can close this tab.")
                    : page("Sign-in received", "ChartLens received your sign-in. "
                        + "You can close this tab and return to ChartLens."));
            }
            callback.complete(params);
        } finally {
            ex.close();
            if (taken.get()) {
                stopLater();
            }
        }
    }

    private static void send(HttpExchange ex, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static String page(String title, String text) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>ChartLens: " + title + "</title>"
                + "<style>body{font-family:sans-serif;margin:4em auto;max-width:32em;color:#222}</style></head>"
                + "<body><h1>" + title + "</h1><p>" + text + "</p></body></html>";
    }

    private void stopLater() {
        Thread t = new Thread(this::stopServer, "loopback-redirect-close");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits for the one callback.
     *
     * @throws AuthException on timeout or cancel (the listener is closed either way)
     */
    public Map<String, String> await(Duration timeout) throws AuthException {
        try {
            return callback.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AuthException("The sign-in was not completed in time. Please try again.", "timeout", null);
        } catch (CancellationException e) {
            throw new AuthException("Sign-in was cancelled.", "cancelled", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Sign-in was cancelled.", "cancelled", null);
        } catch (ExecutionException e) {
            throw new AuthException("Sign-in was cancelled.", "cancelled", null);
        } finally {
            close();
        }
    }

    /** Stops waiting; {@link #await} then throws "cancelled". */
    public void cancel() {
        close();
        callback.cancel(false);
    }

    /** True once the listener has stopped accepting connections. */
    public boolean isClosed() {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(server.getAddress(), 200);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private synchronized void stopServer() {
        if (stopped.compareAndSet(false, true)) {
            server.stop(0);
        }
    }

    @Override
    public void close() {
        taken.set(true);
        stopServer();
    }
}
