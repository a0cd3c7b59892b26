package org.chartlens.auth;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;

/**
 * A second ChartLens process for {@link CrossProcessRefreshTest}: opens the data folder's sign-in
 * sessions as the app and the CLI do ({@link AuthSessions#forDataDirectory}), prints "ready",
 * then for each "go" line on stdin takes the access token (refreshing it when expired) and reads
 * the FHIR server with it, printing "ok STATUS TOKENHASH" or "failed CODE". Never prints a token.
 *
 * <p>Arguments: data folder, organization preset id, FHIR base, client id.
 */
public final class RefreshingProcess {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Organization org = OrganizationDirectory.loadPresets().get(args[1]).organization()
                .withFhirBase(URI.create(args[2])).withClientId(args[3]);
        AuthSessions auth = AuthSessions.forDataDirectory(data, System.getenv());
        OrganizationTokens tokens = auth.tokens(org);
        HttpClient http = HttpClient.newHttpClient();
        tokens.session().orElseThrow();
        http.send(HttpRequest.newBuilder(URI.create(args[2] + "/metadata")).build(), HttpResponse.BodyHandlers.discarding());
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.equals("go")) {
                continue;
            }
            try {
                String token = tokens.accessToken();
                int status = read(http, args[2], token);
                if (status == 401) {
                    token = tokens.refreshAfterRejection(token);
                    status = read(http, args[2], token);
                }
                System.out.println("ok " + status + " " + hash(token));
            } catch (AuthException e) {
                System.out.println("failed " + e.code());
            }
        }
    }

    private static int read(HttpClient http, String base, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/Patient?_count=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String hash(String token) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 8);
    }
}
