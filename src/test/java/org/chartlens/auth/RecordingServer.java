package org.chartlens.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny loopback HTTP server for the server behaviours a well-behaved authorization server never
 * shows (malformed token responses, redirects, insecure endpoints): each path answers with a
 * scripted response, and every request (method, path, headers, body) is recorded.
 */
final class RecordingServer implements AutoCloseable {
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    record Response(int status, String contentType, String body, Map<String, String> headers) {
        static Response json(String body) {
            return new Response(200, "application/json", body, Map.of());
        }

        static Response status(int status, String body) {
            return new Response(status, "application/json", body, Map.of());
        }

        static Response redirect(String location) {
            return new Response(307, "text/plain", "", Map.of("Location", location));
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    RecordingServer(Function<Request, Response> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> handle(ex, handler));
        server.start();
    }

    private void handle(HttpExchange ex, Function<Request, Response> handler) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()), body);
        requests.add(r);
        Response resp = handler.apply(r);
        if (resp == null) {
            resp = Response.status(404, "{}");
        }
        byte[] b = resp.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", resp.contentType());
        resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(resp.status(), b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
        ex.close();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
