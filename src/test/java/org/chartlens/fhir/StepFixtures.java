package org.chartlens.fhir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** Helpers for driving one {@link ClientStep} directly, without a server. */
final class StepFixtures {
    private StepFixtures() {
    }

    static HttpHeaders headers(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
        }
        return HttpHeaders.of(m, (a, b) -> true);
    }

    static FhirClient.Response response(URI uri, int status, String body, String... headers) {
        return new FhirClient.Response(uri, status, headers(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    static Call call(Duration deadline) {
        return new Call(null, Deadline.start(deadline, null, null));
    }

    static ClientStep.Request request(String uri, Call call) {
        return new ClientStep.Request(URI.create(uri), Map.of(), call);
    }

    /** A chain end that records each request and answers from a script. */
    static final class Recorder implements ClientStep.Chain {
        interface Script {
            FhirClient.Response answer(ClientStep.Request r, int n) throws FhirException;
        }

        final List<ClientStep.Request> seen = new ArrayList<>();
        private final Script script;

        Recorder(Script script) {
            this.script = script;
        }

        @Override
        public FhirClient.Response proceed(ClientStep.Request r) throws FhirException {
            seen.add(r);
            return script.answer(r, seen.size());
        }
    }

    /** A body that never ends: one byte now and then, until closed (then reads fail). */
    static final class Trickle extends InputStream {
        private volatile boolean closed;

        @Override
        public int read() throws IOException {
            for (int i = 0; i < 20; i++) {
                if (closed) {
                    throw new IOException("closed");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int c = read();
            b[off] = (byte) c;
            return 1;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static HttpResponse<InputStream> http(URI uri, int status, InputStream body, String... headers) {
        HttpHeaders h = headers(headers);
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return HttpRequest.newBuilder(uri).build();
            }

            @Override
            public Optional<HttpResponse<InputStream>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return h;
            }

            @Override
            public InputStream body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return uri;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    static HttpResponse<InputStream> http(URI uri, int status, byte[] body, String... headers) {
        return http(uri, status, new ByteArrayInputStream(body), headers);
    }
}
