package org.chartlens.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartlens.auth.OwnerOnlyFiles;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code chartlens sandbox}: runs the embedded demo EHR until the process is stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {
                "Run the embedded demo EHR (a FHIR R4 server and SMART authorization",
                "server on 127.0.0.1) until stopped. First line printed: 'FHIR base: <url>'.",
                "While it runs, the URL is also in <data dir>/sandbox/<profile>.url, so",
                "'chartlens login demo' in another process finds it. State is in memory;",
                "nothing is written to the demo data. Contract: docs/demo-ehr.md.",
                "",
                "Profiles (--profile):",
                "  demo       the default: every flow and type, auto-approve, rotating",
                "             single-use refresh tokens",
                "  credible   OIDC + PKCE, JWT access and refresh tokens, US Core 3.1.1",
                "             types, open provider directory, bulk export (backend)",
                "  insync     client id + secret (client_secret_basic), US Core 3.1.1",
                "             types, Smile CDR-style headers and OperationOutcomes",
                "  veracity   discovery required (no oauth-uris in metadata), PKCE for",
                "             every client, single-use rotating 90-day refresh tokens,",
                "             400 + OperationOutcome for unsupported requests",
                "  carecloud  password grant (grant_type=Password, Username/Password),",
                "             Type/_search?Patient=ID, _format=JSON|XML, birthDate like",
                "             '8/27/1930 12:00:00 AM', identifier systems with",
                "             backslashes, postal codes without their leading zero",
                "  payer      PKCE, Coverage + CARIN BB ExplanationOfBenefit,",
                "             Patient/$everything, patient id in the id_token sub,",
                "             one-hour access tokens",
                "",
                "Clients: public 'chartlens' (PKCE S256, redirect http://127.0.0.1:<any>/);",
                "'chartlens-confidential', secret 'chartlens-demo-secret' (demo, insync,",
                "veracity); backend clients by POST {issuer}/register (demo, credible);",
                "users 'clinician' or a patient id, password 'demo-password'.",
                "",
                "Faults (--fault SPEC, repeatable, comma-separated too). They hit FHIR data",
                "requests only (never metadata, discovery or token). N = the next N",
                "requests; [:N] = optional count, else on until the process ends.",
                "  rate-limit=N[:SECONDS|:http-date]",
                "                       429 with Retry-After (default 1 s)",
                "  error=CODE:N         CODE (500, 502, 503, 504...) + OperationOutcome",
                "  hang=N               no answer for 60 s (client timeouts)",
                "  drop=N               half the body, then the connection is cut",
                "  expire-tokens        every access token issued so far expires now",
                "  foreign-next[:N]     next links on the foreign origin, which records",
                "                       the Authorization headers it receives",
                "  loop-next[:N]        next link = the same page, forever",
                "  malformed-json=N     bodies cut in half",
                "  deep-json=DEPTH[:N]  bodies carry arrays nested DEPTH deep",
                "  huge-string=MB[:N]   bodies carry one string of MB megabytes",
                "  huge-response=MB[:N] bodies padded with MB megabytes of whitespace",
                "  script-narrative[:N] narratives with <script>, onerror, onload,",
                "                       javascript: links, CSS url() and an iframe",
                ""
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

    @Option(names = "--xml-only", description = "Answer every FHIR request in XML (application/fhir+xml), "
            + "whatever it asks for: a server that speaks only XML.")
    boolean xmlOnly;

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
                .xmlOnly(xmlOnly)
                .build();
        DemoEhr ehr = DemoEhr.start(options);
        try {
            for (String f : faults) {
                ehr.faults().set(f);
            }
        } catch (IllegalArgumentException e) {
            ehr.close();
            throw e;
        }
        Path urlFile = publishAddress(root.dataDirectory(), ehr.profile(), ehr.fhirBase());
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

    /**
     * Publishes the demo EHR's FHIR base for commands in other processes, in
     * {@code <data dir>/sandbox/<profile>.url}; folder and file owner-only like the rest of the data folder.
     */
    public static Path publishAddress(Path dataDir, String profile, java.net.URI fhirBase) throws IOException {
        Path urlFile = OwnerOnlyFiles.directory(dataDir.resolve("sandbox")).resolve(profile + ".url");
        OwnerOnlyFiles.writeString(urlFile, fhirBase + System.lineSeparator());
        return urlFile;
    }
}
