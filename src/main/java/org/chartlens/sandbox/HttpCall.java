package org.chartlens.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request/response on the JDK server. Not thread safe (one per request). */
final class HttpCall {
    /** Form bodies larger than this are refused: the demo EHR has no reason to read more. */
    private static final int MAX_FORM_BYTES = 1 << 20;

    final HttpExchange exchange;
    final String method;
    /** Path below the context (e.g. {@code /Patient/123} under {@code /fhir}), decoded. */
    final String path;
    final Map<String, List<String>> query;
    private Map<String, List<String>> form;
    private boolean sent;
    /** Set by the {@code drop} fault: send half the body, then cut the connection. */
    boolean dropMidBody;
    /** True once the drop fault has cut this exchange: nobody may close it normally. */
    boolean dropped;

    HttpCall(HttpExchange exchange, String contextPath) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String full = exchange.getRequestURI().getPath();
        this.path = full.length() > contextPath.length() ? full.substring(contextPath.length()) : "";
        this.query = parse(exchange.getRequestURI().getRawQuery());
    }

    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Form fields of a {@code application/x-www-form-urlencoded} POST body. */
    Map<String, List<String>> form() throws IOException {
        if (form == null) {
            String type = header("Content-Type");
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                form = parse(new String(readBody(), StandardCharsets.UTF_8));
            } else {
                form = new LinkedHashMap<>();
            }
        }
        return form;
    }

    byte[] readBody() throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new IOException("request body too large");
            }
            return body;
        }
    }

    String formParam(String name) throws IOException {
        List<String> v = form().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    boolean sent() {
        return sent;
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        if (sent) {
            return;
        }
        sent = true;
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(method);
        if (body == null || body.length == 0 || head) {
            exchange.sendResponseHeaders(status, head ? -1 : -1);
        } else if (dropMidBody && body.length > 1) {
            exchange.sendResponseHeaders(status, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            dropped = true;
            // escaping the handler with an IOException makes the JDK server close the socket
            throw new IOException("connection dropped on purpose (drop fault)");
        } else {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                // in slices: the JDK server copies each write into a buffer of its size, so one write
                // of a large page (or of the 160 MB huge-response fault) would copy it whole
                for (int off = 0; off < body.length; off += WRITE_SLICE) {
                    out.write(body, off, Math.min(WRITE_SLICE, body.length - off));
                }
            }
        }
        exchange.close();
    }

    private static final int WRITE_SLICE = 256 * 1024;

    void send(int status, String contentType, String body) throws IOException {
        send(status, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(302, null, (byte[]) null);
    }

    /** Scheme, host and port the client used (loopback only, so plain http). */
    String origin() {
        return "http://" + exchange.getLocalAddress().getAddress().getHostAddress() + ":"
                + exchange.getLocalAddress().getPort();
    }
}
