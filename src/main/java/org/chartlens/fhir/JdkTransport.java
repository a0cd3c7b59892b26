package org.chartlens.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network end of the chain: one GET through {@code java.net.http} (HTTP/1.1, TLS 1.2+ with
 * the JDK's certificate validation, redirects never followed by the JDK). The wait for headers is
 * the request timeout, cut to what is left of the request's deadline; a request whose deadline
 * has passed is not sent. Interrupting the caller cancels the exchange's future at once (a server
 * that never answers does not hold the caller). Thread safe.
 */
final class JdkTransport implements BodyLimitStep.Transport {
    private static final Logger LOG = LoggerFactory.getLogger(JdkTransport.class);

    private final HttpClient client;
    private final FhirClient.Options options;

    JdkTransport(FhirClient.Options options) {
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1);
        try {
            SSLParameters ssl = SSLContext.getDefault().getDefaultSSLParameters();
            ssl.setProtocols(Arrays.stream(ssl.getProtocols())
                    .filter(x -> x.equals("TLSv1.3") || x.equals("TLSv1.2")).toArray(String[]::new));
            builder.sslParameters(ssl);
        } catch (Exception e) {
            LOG.warn("Default TLS parameters unavailable: {}", e.getClass().getSimpleName());
        }
        this.client = builder.build();
    }

    @Override
    public HttpResponse<InputStream> send(ClientStep.Request request) throws FhirException {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Sync cancelled");
        }
        Deadline deadline = request.call().deadline;
        if (deadline.passed()) {
            throw deadline.exceeded(request.uri());
        }
        Duration timeout = deadline.cap(options.requestTimeout());
        HttpRequest.Builder rb = HttpRequest.newBuilder(request.uri()).GET()
                .timeout(timeout.isZero() ? Duration.ofMillis(1) : timeout)
                .header("Accept", "application/fhir+json, application/json;q=0.9, application/fhir+xml;q=0.5");
        request.headers().forEach(rb::header);
        CompletableFuture<HttpResponse<InputStream>> exchange =
                client.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        try {
            return exchange.get();
        } catch (InterruptedException e) {
            // cancel: the exchange is abandoned at once, not left to its timeout
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("Sync cancelled");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), timeout, deadline, request);
        }
    }

    /** What a failed exchange means: the request's deadline passed, or the network failed. */
    private FhirException failure(Throwable thrown, Duration timeout, Deadline deadline, ClientStep.Request request) {
        Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof HttpTimeoutException && timeout.compareTo(options.requestTimeout()) < 0) {
            return deadline.exceeded(request.uri());
        }
        if (cause instanceof IOException io) {
            return new NetworkFailure(io);
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        return new NetworkFailure(new IOException(cause));
    }
}
