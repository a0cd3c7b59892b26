package org.chartlens.fhir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 whose answers a test scripts, for the hostile behaviours the
 * demo EHR does not offer as switches. Records every request's path and Authorization header.
 */
final class ScriptedServer implements AutoCloseable {
    record Seen(String pathAndQuery, String authorization) {
    }

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    ScriptedServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            seen.add(new Seen(ex.getRequestURI().toString(), ex.getRequestHeaders().getFirst("Authorization")));
            try {
                handler.handle(ex);
            } finally {
                ex.close();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static void send(HttpExchange ex, int status, String body, String... headers) throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/fhir+json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        }
    }

    static Handler fixed(Function<HttpExchange, String> body) {
        return ex -> send(ex, 200, body.apply(ex));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
