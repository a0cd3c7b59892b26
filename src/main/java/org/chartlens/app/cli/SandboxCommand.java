package org.chartlens.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code chartlens sandbox}: runs the embedded demo EHR until the process is stopped. */
@Command(name = "sandbox",
        description = {
                "Run the embedded demo EHR (a local FHIR R4 server and SMART authorization server on",
                "127.0.0.1) until stopped. The first line printed is 'FHIR base: <url>'. While it runs,",
                "the URL is also written to <data dir>/sandbox/<profile>.url so that 'chartlens login demo'",
                "in another process finds it. Nothing is written to the demo data; state is in memory.",
                "",
                "Profiles (--profile):",
                "  demo       the default: every flow and type, auto-approve, rotating refresh tokens",
                "  credible   Credible BH: OIDC + PKCE, JWT access tokens, US Core 3.1.1 types,",
                "             provider directory, bulk export for backend clients (private_key_jwt)",
                "  insync     InSync EMR (Smile CDR): client id + secret (client_secret_basic), US Core",
                "             3.1.1 types, Smile CDR-style headers and OperationOutcomes",
                "  veracity   discovery required (no oauth-uris in metadata), PKCE required, single-use",
                "             rotating 90-day refresh tokens, 400 + OperationOutcome for unsupported requests",
                "  carecloud  password grant (grant_type=Password, Username/Password), Type/_search?Patient=ID,",
                "             _format=JSON|XML, birthDate '8/27/1930 12:00:00 AM', identifier systems with",
                "             backslashes, postal codes without their leading zero",
                "  payer      Patient Access API: PKCE, Coverage + CARIN BB ExplanationOfBenefit,",
                "             Patient/$everything, patient id in the id_token sub, one-hour access tokens",
                "",
                "Clients: public 'chartlens' (PKCE S256, any http://127.0.0.1:<port>/ redirect);",
                "'chartlens-confidential' / secret 'chartlens-demo-secret' (demo, insync, veracity);",
                "password grant user 'clinician' / 'demo-password' (demo, carecloud).",
                "",
                "Faults (--fault SPEC, repeatable; each hits FHIR data requests only, not metadata,",
                "discovery or token; N counts down requests, then the fault stops):",
                "  rate-limit=N[:SECONDS|:http-date]  429 with Retry-After (default 1 second)",
                "  error=CODE:N          answer CODE (500, 502, 503, 504, ...) with an OperationOutcome",
                "  hang=N                hold the request for 60 s without answering (client timeouts)",
                "  drop=N                send half the body, then cut the connection",
                "  expire-tokens         every access token issued so far expires now",
                "  foreign-next          next links point at the foreign origin (records Authorization)",
                "  loop-next             next links point back at the same page, forever",
                "  malformed-json=N      bodies cut off mid-JSON",
                "  deep-json=DEPTH       bodies carry an extension nested DEPTH levels deep",
                "  huge-string=MB        bodies carry one string value of MB megabytes",
                "  huge-response=MB      bodies padded to about MB megabytes",
                "  script-narrative      resources carry a narrative with <script>, onerror, javascript:"
        })
public final class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "demo",
            description = "demo, credible, insync, veracity, carecloud or payer (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port on 127.0.0.1 (default: chosen by the OS).")
    int port;

    @Option(names = "--auto-approve", negatable = true,
            description = "Skip the login/consent page: approve at once for the first demo patient "
                    + "(default: on for the demo profile, off for the vendor profiles).")
    Boolean autoApprove;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Serve the FHIR bundles (*.json, *.json.gz) in DIR instead of the built-in demo patients.")
    Path data;

    @Option(names = "--access-token-seconds", paramLabel = "S",
            description = "Access token lifetime (default: the profile's, one hour).")
    Long accessTokenSeconds;

    @Option(names = "--refresh-token-seconds", paramLabel = "S",
            description = "Refresh token lifetime (default: the profile's; 90 days for demo and veracity).")
    Long refreshTokenSeconds;

    @Option(names = "--fault", paramLabel = "SPEC", description = "Switch on a fault (see above). Repeatable.")
    List<String> faults = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        SandboxOptions options = SandboxOptions.builder()
                .profile(profile)
                .port(port)
                .autoApprove(autoApprove != null ? autoApprove : "demo".equalsIgnoreCase(profile))
                .dataDir(data)
                .accessTokenLifetime(accessTokenSeconds == null ? null : Duration.ofSeconds(accessTokenSeconds))
                .refreshTokenLifetime(refreshTokenSeconds == null ? null : Duration.ofSeconds(refreshTokenSeconds))
                .build();
        DemoEhr ehr = DemoEhr.start(options);
        for (String f : faults) {
            ehr.faults().set(f);
        }
        Path urlFile = root.dataDirectory().resolve("sandbox").resolve(ehr.profile() + ".url");
        Files.createDirectories(urlFile.getParent());
        Files.writeString(urlFile, ehr.fhirBase() + System.lineSeparator(), StandardCharsets.UTF_8);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(urlFile);
            } catch (IOException e) {
                // the process is ending; a stale file is detected by 'login' (connection refused)
            }
            ehr.close();
        }, "sandbox-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("FHIR base: " + ehr.fhirBase());
        out.println("Issuer: " + ehr.issuer());
        out.println("Profile: " + ehr.profile() + (options.autoApprove() ? " (auto-approve)" : ""));
        if (!ehr.patientIds().isEmpty()) {
            out.println("Patients: " + ehr.patientIds().size() + " (auto-approve picks " + ehr.patientIds().get(0) + ")");
        }
        out.println("Foreign origin: " + ehr.foreignOrigin());
        out.println("Running until stopped (Ctrl+C).");
        out.flush();
        return ChartLensCommand.KEEP_RUNNING;
    }
}
