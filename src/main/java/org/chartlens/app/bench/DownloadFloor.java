package org.chartlens.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor: a plain {@code java.net.http} client that downloads the same pages a sync asks for
 * and does nothing else (no parsing beyond finding the next link, no storage). A second reading
 * of the same floor with the JDK's older {@link HttpURLConnection}, which spends less CPU on the
 * same bytes on loopback (issue 21's bench shows both, so the first is not taken for the wire's
 * limit).
 */
final class DownloadFloor {
    private static final Pattern NEXT = Pattern.compile(
            "\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    /** Downloads every page reachable from {@code firstPages}; returns the bytes read. */
    long download(List<URI> firstPages, String accessToken) throws IOException, InterruptedException {
        long total = 0;
        for (URI first : firstPages) {
            URI next = first;
            while (next != null) {
                HttpRequest req = HttpRequest.newBuilder(next)
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Accept", "application/fhir+json").GET().build();
                HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                byte[] body;
                try (InputStream in = res.body()) {
                    body = in.readAllBytes();
                }
                if (res.statusCode() != 200) {
                    throw new IOException("floor download failed: HTTP " + res.statusCode() + " for " + next.getPath());
                }
                total += body.length;
                next = nextLink(body);
            }
        }
        return total;
    }

    /** As {@link #download}, with {@link HttpURLConnection} (HTTP/1.1, blocking, one connection kept alive). */
    long downloadWithUrlConnection(List<URI> firstPages, String accessToken) throws IOException {
        long total = 0;
        for (URI first : firstPages) {
            URI next = first;
            while (next != null) {
                HttpURLConnection c = (HttpURLConnection) next.toURL().openConnection();
                c.setRequestProperty("Authorization", "Bearer " + accessToken);
                c.setRequestProperty("Accept", "application/fhir+json");
                c.setInstanceFollowRedirects(false);
                if (c.getResponseCode() != 200) {
                    throw new IOException("floor download failed: HTTP " + c.getResponseCode() + " for " + next.getPath());
                }
                byte[] body;
                try (InputStream in = c.getInputStream()) {
                    body = in.readAllBytes();
                }
                total += body.length;
                next = nextLink(body);
            }
        }
        return total;
    }

    /** The Bundle's next link: links come before entries in the JSON, so only the head is scanned. */
    static URI nextLink(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        int entry = head.indexOf("\"entry\"");
        if (entry > 0) {
            head = head.substring(0, entry);
        }
        Matcher m = NEXT.matcher(head);
        return m.find() ? URI.create(m.group(1).replace("\\/", "/")) : null;
    }
}
