package org.chartlens.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.chartlens.auth.Session;
import org.chartlens.auth.SmartConfiguration;
import org.chartlens.connect.Organization;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * TEST: a FHIR server on a real loopback socket that answers some requests (its
 * CapabilityStatement, the patient list: one patient) and accepts the others and never answers,
 * as a hung server does. {@link #hanging} counts down when a request is left hanging.
 */
public final class HangingFhirServer implements AutoCloseable {
    static final String CAPABILITIES = "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\",\"kind\":\"instance\","
            + "\"fhirVersion\":\"4.0.1\",\"format\":[\"json\"],\"rest\":[{\"mode\":\"server\",\"resource\":["
            + "{\"type\":\"Patient\",\"operation\":[{\"name\":\"everything\"}]},{\"type\":\"Observation\"}]}]}";
    static final String ONE_PATIENT = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Hung\",\"given\":[\"Kept\"]}],"
            + "\"birthDate\":\"1970-01-01\"}}]}";

    private final ServerSocket socket;
    private final Predicate<String> answers;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    public final CountDownLatch hanging = new CountDownLatch(1);

    /** @param answers which request paths (with query) are answered; every other one hangs */
    public HangingFhirServer(Predicate<String> answers) throws IOException {
        this.answers = answers;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptAll, "hanging-fhir-server");
        t.setDaemon(true);
        t.start();
    }

    /** Answers the CapabilityStatement and the patient list; hangs on everything else. */
    public static HangingFhirServer afterThePatientList() throws IOException {
        return new HangingFhirServer(path -> path.contains("/metadata") || path.contains("/Patient?"));
    }

    /** Hangs on every request. */
    public static HangingFhirServer always() throws IOException {
        return new HangingFhirServer(path -> false);
    }

    /** The passphrase of {@link #desktopSignedIn}. */
    public static final String PASS = "hanging server passphrase";

    /**
     * Desktop services on {@code data}, unlocked with {@link #PASS}, with the organization "hung"
     * (Hung Clinic) at this server, signed in (a stored session; the server checks no token).
     */
    public DesktopServices desktopSignedIn(Path data) {
        URI base = fhirBase();
        DesktopServices s = new DesktopServices(data, Map.of("CHARTLENS_SECRET_STORE", "file"));
        if (!s.ports().lock().unlock(PASS.toCharArray())) {
            throw new IllegalStateException("the new data folder did not unlock");
        }
        Organization org = s.saveOrganization(new Organization("hung", "Hung Clinic", base, Organization.Flow.PKCE,
                "client", List.of("user/*.read"), null, null, false, null));
        SmartConfiguration server = SmartConfiguration.documented(base, URI.create(base + "/authorize"),
                URI.create(base + "/token"));
        Instant now = Instant.now();
        s.context().auth().sessionStore().save(new Session(org.id(), org.flow(), "client", server, "token", "Bearer",
                now.plus(Duration.ofHours(1)), null, null, org.scopes(), org.scopes(), null, null, null, false, null,
                now, now));
        // Patient p1 is on the worklist (found earlier): a sync refreshes it, it never lists the server
        s.context().cache().putAll(List.of(new org.chartlens.store.StoredResource("hung", "Patient", "p1", "p1", null,
                null, null, "{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
        return s;
    }

    public URI fhirBase() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/fhir");
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "hanging-fhir-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            while (true) {
                String request = in.readLine();
                if (request == null) {
                    return;
                }
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    // headers: not needed
                }
                String path = request.split(" ")[1];
                if (!answers.test(path)) {
                    hanging.countDown();
                    return; // accepted, never answered: the socket stays open until close()
                }
                String body = path.contains("/metadata") ? CAPABILITIES : ONE_PATIENT;
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: " + b.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
