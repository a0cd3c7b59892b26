package org.chartlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.chartlens.fhir.FhirException;
import org.chartlens.fhir.XmlBodies;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.chartlens.auth.AuthException;
import org.chartlens.auth.SmartConfiguration;
import org.chartlens.auth.SmartSignIn;
import org.chartlens.auth.TransportPolicy;
import org.chartlens.connect.Organization;
import org.chartlens.ui.port.ServerCheck;

/**
 * The check made when an organization is added (desktop): the FHIR base must follow the
 * transport rule, answer {@code /metadata} with a CapabilityStatement within a few seconds, and
 * its SMART sign-in endpoints are discovered. The result says what was found in plain words.
 * Thread safe.
 */
final class ServerChecks {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made on the first check: building it loads the JDK's trust store, which start-up does not need. */
    private HttpClient http;

    private synchronized HttpClient http() {
        if (http == null) {
            http = TransportPolicy.newHttpClient();
        }
        return http;
    }

    ServerCheck check(URI fhirBase, SmartSignIn signIn) {
        if (fhirBase == null || fhirBase.getHost() == null) {
            return ServerCheck.refused("That is not a valid address: type the FHIR base URL, e.g. https://fhir.example.org/r4.");
        }
        if (TransportPolicy.refusal(fhirBase, null).isPresent()) {
            return ServerCheck.refused("Use an https:// address (http only for this computer).");
        }
        JsonNode cs;
        try {
            HttpResponse<byte[]> r = http().send(HttpRequest.newBuilder(URI.create(fhirBase + "/metadata")).timeout(TIMEOUT)
                    .header("Accept", "application/fhir+json, application/json;q=0.9, application/fhir+xml;q=0.5").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                return ServerCheck.refused(fhirBase.getHost() + " answered, but there is no FHIR server at this address (HTTP "
                        + r.statusCode() + " for its CapabilityStatement). Check the address.");
            }
            byte[] body = r.body();
            if (XmlBodies.isXml(r.headers().firstValue("Content-Type"), body)) {
                body = XmlBodies.toJson(body); // an XML-only server (decision 0301)
            }
            cs = JSON.readTree(body);
        } catch (FhirException e) {
            cs = null; // not a FHIR resource: said below
        } catch (HttpTimeoutException e) {
            return ServerCheck.refused(fhirBase.getHost() + " did not answer within " + TIMEOUT.toSeconds()
                    + " seconds. Check the address and your network.");
        } catch (ConnectException | UnknownHostException e) {
            return ServerCheck.refused(fhirBase.getHost() + " could not be reached. Check the address and your network.");
        } catch (IOException e) {
            return ServerCheck.refused(fhirBase.getHost() + " could not be reached (" + e.getClass().getSimpleName()
                    + "). Check the address and your network.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServerCheck.refused("The check was interrupted.");
        }
        if (cs == null || !"CapabilityStatement".equals(cs.path("resourceType").asText())) {
            return ServerCheck.refused(fhirBase.getHost() + " answered, but not as a FHIR server (no CapabilityStatement)."
                    + " Check the address.");
        }
        String version = cs.path("fhirVersion").asText("");
        String software = (cs.path("software").path("name").asText("") + " " + cs.path("software").path("version").asText(""))
                .trim();
        StringBuilder found = new StringBuilder("Found a FHIR server");
        if (!version.isEmpty()) {
            found.append(" (FHIR ").append(version).append(')');
        }
        if (!software.isEmpty()) {
            found.append(", ").append(software);
        }
        boolean smart;
        try {
            Organization probe = new Organization("check", fhirBase.getHost(), fhirBase, Organization.Flow.PKCE, null,
                    List.of(), Set.of(Organization.Quirk.DISCOVERY_REQUIRED), null, false, null);
            SmartConfiguration c = signIn.discover(probe, null);
            smart = true;
            found.append(". Sign-in: ").append(c.authorizationEndpoint() != null ? c.authorizationEndpoint().getHost()
                    : c.tokenEndpoint().getHost()).append(" (SMART).");
        } catch (AuthException | RuntimeException e) {
            smart = false;
            found.append(". It publishes no SMART sign-in: ChartLens will not be able to sign in to it (")
                    .append(e.getMessage()).append(')');
        }
        return new ServerCheck(true, found.toString(), suggestedName(cs), smart);
    }

    private static String suggestedName(JsonNode cs) {
        for (String f : new String[] {"title", "publisher", "name"}) {
            String v = cs.path(f).asText("").trim();
            if (!v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
