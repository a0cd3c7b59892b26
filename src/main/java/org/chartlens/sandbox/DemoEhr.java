package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo EHR: FHIR server + SMART authorization server on 127.0.0.1.
 * See docs/demo-ehr.md for the HTTP contract.
 *
 * <p>Thread safe: every method may be called from any thread while requests are served.
 * Cost: {@link #start} reads, indexes and serialises all bundles (about one second in a warm
 * JVM for the 12 demo patients, two to three seconds cold on a busy two-core machine) and opens
 * two loopback listeners; everything after that is in memory. Nothing is written to disk.
 */
public final class DemoEhr implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoEhr.class);

    private final DemoEhrContext ctx;
    private final HttpServer server;
    private final HttpServer foreign;
    private final ExecutorService executor;
    private final List<String> foreignHeaders = Collections.synchronizedList(new ArrayList<>());
    private final FhirEndpoint fhir;
    private final AuthorizationServer auth;
    private Instant lastPut;

    private DemoEhr(DemoEhrContext ctx, HttpServer server, HttpServer foreign, ExecutorService executor) {
        this.ctx = ctx;
        this.server = server;
        this.foreign = foreign;
        this.executor = executor;
        this.auth = new AuthorizationServer(ctx);
        this.fhir = new FhirEndpoint(ctx, auth);
    }

    /**
     * Loads the data and starts listening.
     *
     * @throws IllegalArgumentException for an unknown profile or a data folder without bundles
     * @throws UncheckedIOException     when the port cannot be bound or data cannot be read
     */
    public static DemoEhr start(SandboxOptions options) {
        long t0 = System.nanoTime();
        VendorProfile profile = VendorProfile.of(options.profile());
        ServerKeys keys = new ServerKeys();
        ObjectMapper mapper = new ObjectMapper();
        ServedResources data = new ServedResources();
        Instant loadedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (options.dataDir() == null) {
            long l0 = System.nanoTime();
            List<StoredEntry> entries = PreparedDemoData.demo(profile, loadedAt, mapper);
            entries.forEach(data::put);
            LOG.info("Demo EHR loaded {} demo resources in {} ms", entries.size(), (System.nanoTime() - l0) / 1_000_000);
        } else {
            BundleLoader.load(BundleLoader.folderSources(options.dataDir()), profile, loadedAt, mapper, data);
        }
        Faults faults = new Faults();
        DemoEhrContext ctx = new DemoEhrContext(profile, options, mapper, data,
                new Grants(Clock.systemUTC()), keys, faults);
        ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads());
        HttpServer server;
        HttpServer foreign;
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 64);
            foreign = HttpServer.create(new InetSocketAddress(loopback, 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + options.port(), e);
        }
        ctx.bind(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        DemoEhr ehr = new DemoEhr(ctx, server, foreign, executor);
        faults.bind(ehr.foreignOrigin(), ctx);
        ehr.lastPut = loadedAt;
        server.createContext("/fhir", ehr.fhir);
        server.createContext("/oauth", ehr.auth);
        server.createContext("/admin", ehr::admin);
        server.createContext("/", exchange -> {
            byte[] body = ("ChartLens demo EHR. FHIR base: " + ctx.fhirBase() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
            exchange.sendResponseHeaders("/".equals(exchange.getRequestURI().getPath()) ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        foreign.createContext("/", exchange -> {
            String h = exchange.getRequestHeaders().getFirst("Authorization");
            ehr.foreignHeaders.add(h == null ? "" : h);
            byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", FhirEndpoint.FHIR_JSON);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(executor);
        foreign.setExecutor(executor);
        server.start();
        foreign.start();
        Thread warmUp = new Thread(() -> {
            data.serializeAll();
            keys.generate();
        }, "demo-ehr-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
        LOG.info("Demo EHR ({} profile) started in {} ms: {} resources, FHIR base {}", profile.id(),
                (System.nanoTime() - t0) / 1_000_000, data.size(), ctx.fhirBase());
        return ehr;
    }

    /** {@code http://127.0.0.1:PORT/fhir}. */
    public URI fhirBase() {
        return ctx.fhirBase();
    }

    /** {@code http://127.0.0.1:PORT/oauth}. */
    public URI issuer() {
        return ctx.issuer();
    }

    /** The profile this server plays (demo, credible, insync, veracity, carecloud, payer). */
    public String profile() {
        return ctx.profile.id();
    }

    /** The fault switches; changes apply to the next request. */
    public Faults faults() {
        return ctx.faults;
    }

    /** The second ("foreign origin") listener, for bearer-confinement tests. */
    public URI foreignOrigin() {
        return URI.create("http://127.0.0.1:" + foreign.getAddress().getPort() + "/");
    }

    /** Authorization header values (empty string when absent) the foreign origin has received. */
    public List<String> foreignAuthorizationHeaders() {
        synchronized (foreignHeaders) {
            return List.copyOf(foreignHeaders);
        }
    }

    /**
     * Registers a backend-services client (private_key_jwt) with its public keys.
     *
     * @param publicJwksJson a JWK Set, e.g. {@code {"keys":[{...}]}}; private parts are dropped
     * @return the new client_id
     */
    public String registerBackendClient(String publicJwksJson) {
        try {
            return ctx.clients.registerBackend("backend client", JWKSet.parse(publicJwksJson)).id();
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a JWK Set", e);
        }
    }

    /** The patients, in load order; the first is the one {@code --auto-approve} picks. */
    public List<String> patientIds() {
        return ctx.data.patientIds();
    }

    /**
     * Resource type -> count of that patient's resources as loaded (or put), for exact sync
     * assertions. Counts every resource of the patient's bundle that this profile serves
     * (Medication and Provenance too; the payer profile's derived Coverage); shared Organization /
     * Practitioner / Location resources are not counted.
     */
    public Map<String, Integer> sourceCounts(String patientId) {
        Map<String, Integer> counts = new java.util.TreeMap<>(ctx.data.counts(patientId));
        counts.keySet().removeIf(type -> !ctx.profile.supports(type));
        return counts;
    }

    /** How many token requests with this grant_type (case-insensitive) arrived so far. */
    public int tokenRequestCount(String grantType) {
        return ctx.grants.tokenRequestCount(grantType);
    }

    /** Makes every access token issued so far expired (refresh tokens stay valid). */
    public void expireAccessTokens() {
        ctx.grants.expireAccessTokens();
    }

    /**
     * Adds or replaces a resource at runtime with a fresh {@code meta.lastUpdated} (later than
     * anything served before), for incremental-sync tests. References must already be literal
     * ({@code Patient/123}).
     *
     * @return the stored resource's {@code Type/id}
     */
    public String put(String resourceJson) {
        try {
            JsonNode n = ctx.mapper.readTree(resourceJson);
            if (!(n instanceof ObjectNode r) || !r.hasNonNull("resourceType")) {
                throw new IllegalArgumentException("Not a FHIR resource");
            }
            if (!r.hasNonNull("id")) {
                r.put("id", java.util.UUID.randomUUID().toString());
            }
            Instant stamp;
            synchronized (this) {
                Instant now = Instant.now();
                stamp = now.isAfter(lastPut) ? now : lastPut.plusMillis(1);
                lastPut = stamp;
            }
            StoredEntry entry = BundleLoader.entryOf(r, ctx.profile, stamp, ctx.mapper, ctx.data);
            ctx.data.put(entry);
            return entry.key();
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid JSON", e);
        }
    }

    /**
     * Changes one patient's chart as an EHR does between two syncs (issue 17): {@code edits}
     * resources get new content (a problem resolved, a value corrected, a note), {@code touches}
     * are re-sent unchanged but for a new {@code meta.lastUpdated}, {@code adds} new ones appear
     * (a body weight, a problem). All get fresh stamps, so an incremental sync brings each of them.
     * Also {@code POST /admin/change-chart?patient=ID&edit=N&touch=N&add=N} (docs/demo-ehr.md).
     *
     * @throws IllegalArgumentException when the patient is unknown
     */
    public ChartChange changeChart(String patientId, int edits, int touches, int adds) {
        return new ChartChanges(ctx.data, ctx.mapper, this::put).apply(patientId, edits, touches, adds);
    }

    /** What {@link #changeChart} did, each as {@code Type/id}. */
    public record ChartChange(List<String> edited, List<String> touched, List<String> added) {
        public ChartChange {
            edited = List.copyOf(edited);
            touched = List.copyOf(touched);
            added = List.copyOf(added);
        }
    }

    /** {@code POST /admin/change-chart?patient=ID&edit=N&touch=N&add=N} -> the {@link ChartChange} as JSON. */
    private void admin(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        int status;
        String body;
        try {
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"/admin/change-chart".equals(exchange.getRequestURI().getPath())) {
                throw new IllegalStateException("POST /admin/change-chart?patient=ID&edit=N&touch=N&add=N");
            }
            Map<String, String> q = new java.util.HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            for (String part : raw == null ? new String[0] : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    q.put(part.substring(0, eq), java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            ChartChange c = changeChart(q.getOrDefault("patient", ""), Integer.parseInt(q.getOrDefault("edit", "0")),
                    Integer.parseInt(q.getOrDefault("touch", "0")), Integer.parseInt(q.getOrDefault("add", "0")));
            status = 200;
            body = ctx.mapper.writeValueAsString(c);
        } catch (IllegalStateException e) {
            status = 405;
            body = "{\"error\":\"" + e.getMessage() + "\"}";
        } catch (IllegalArgumentException e) {
            status = 400;
            body = "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Removes a resource at runtime, as a DELETE at a real server would: reads then answer 404 and
     * searches no longer list it (for deletion-detection tests). True when it was there.
     */
    public boolean remove(String type, String id) {
        return ctx.data.remove(type, id);
    }

    @Override
    public void close() {
        server.stop(0);
        foreign.stop(0);
        executor.shutdownNow();
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "demo-ehr-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
