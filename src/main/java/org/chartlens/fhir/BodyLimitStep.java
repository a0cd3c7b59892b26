package org.chartlens.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The body limits step, innermost: sends through the {@link Transport} and reads the body so
 * that the steps above see complete responses. A 2xx body is read within {@code maxBodyBytes}
 * (a declared or counted excess is {@link FhirException.Kind#TOO_LARGE}, not retried) or
 * streamed to the call's reader; other bodies are read up to 64 KB (for an OperationOutcome).
 * A watchdog closes a body that takes longer than twice the request timeout or runs past the
 * request's deadline; the first is a {@link NetworkFailure} (retried), the second ends the
 * request naming the slow server. Dropped connections are {@link NetworkFailure}s.
 */
final class BodyLimitStep implements ClientStep {
    static final int ERROR_BODY_BYTES = 64 * 1024;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fhir-body-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Sends one request and returns its response with the body unread. */
    interface Transport {
        HttpResponse<InputStream> send(Request request) throws FhirException;
    }

    private final Transport transport;
    private final FhirClient.Options options;

    BodyLimitStep(Transport transport, FhirClient.Options options) {
        this.transport = transport;
        this.options = options;
    }

    @Override
    public FhirClient.Response handle(Request request, Chain unused) throws FhirException {
        HttpResponse<InputStream> resp = transport.send(request);
        int status = resp.statusCode();
        boolean success = status >= 200 && status < 300;
        Call call = request.call();
        InputStream in = resp.body();
        if (success && call.buffered()
                && resp.headers().firstValueAsLong("Content-Length").orElse(-1) > options.maxBodyBytes()) {
            closeQuietly(in);
            throw tooLarge();
        }
        // a streamed body (bulk NDJSON files) is bounded by the deadline only
        Duration slow = options.requestTimeout().multipliedBy(2);
        boolean streamed = success && !call.buffered();
        Duration limit = streamed ? call.deadline.remaining() : call.deadline.cap(slow);
        boolean byDeadline = streamed || limit.compareTo(slow) < 0;
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> guard = WATCHDOG.schedule(() -> {
            fired.set(true);
            closeQuietly(in);
        }, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        try (in) {
            byte[] body = !success ? in.readNBytes(ERROR_BODY_BYTES) : streamed ? stream(in, call) : read(in, resp);
            return new FhirClient.Response(request.uri(), status, resp.headers(), body);
        } catch (IOException e) {
            if (fired.get() && byDeadline) {
                throw call.deadline.exceeded(request.uri());
            }
            if (!success) {
                return new FhirClient.Response(request.uri(), status, resp.headers(), new byte[0]);
            }
            throw new NetworkFailure(e);
        } finally {
            guard.cancel(false);
        }
    }

    private static byte[] stream(InputStream in, Call call) throws IOException, FhirException {
        call.reader.read(in);
        return new byte[0];
    }

    private byte[] read(InputStream in, HttpResponse<InputStream> resp) throws IOException, FhirException {
        long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared >= 0) {
            byte[] out = new byte[(int) declared];
            int n = in.readNBytes(out, 0, out.length);
            if (n < declared) {
                throw new IOException("body ended early");
            }
            return out;
        }
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = in.readNBytes(1 << 20);
            if (chunk.length == 0) {
                break;
            }
            total += chunk.length;
            if (total > options.maxBodyBytes()) {
                throw tooLarge();
            }
            chunks.add(chunk);
        }
        byte[] out = new byte[(int) total];
        int pos = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, out, pos, c.length);
            pos += c.length;
        }
        return out;
    }

    private FhirException tooLarge() {
        return new FhirException(FhirException.Kind.TOO_LARGE, 0, "The server's response is larger than "
                + (options.maxBodyBytes() / (1024 * 1024)) + " MB and was not read.", null);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the failure
        }
    }
}
