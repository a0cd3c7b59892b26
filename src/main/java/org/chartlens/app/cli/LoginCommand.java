package org.chartlens.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.chartlens.auth.AuthException;
import org.chartlens.auth.AuthSessions;
import org.chartlens.auth.Browser;
import org.chartlens.auth.Session;
import org.chartlens.app.ChartLensContext;
import org.chartlens.connect.DocumentedEndpoints;
import org.chartlens.connect.Organization;
import org.chartlens.store.AuditAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "login", description = "Sign in to an organization by its flow. Browser flows open the system "
        + "browser; with --no-browser they print 'Open: <url>' and wait for the loopback callback.")
public final class LoginCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", paramLabel = "ORG")
    String orgId;

    @Option(names = "--no-browser", description = "Print the sign-in address instead of opening a browser.")
    boolean noBrowser;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the browser (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--username", description = "Password flow only (where the preset requires it).")
    String username;

    @Option(names = "--password-stdin", description = "Password flow only: read the password from standard input. "
            + "It is sent once and never stored.")
    boolean passwordStdin;

    @Override
    public Integer call() throws AuthException, IOException {
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "login")) {
            return signIn(ctx);
        }
    }

    private int signIn(ChartLensContext ctx) throws AuthException, IOException {
        Organization org = ctx.organization(orgId);
        DocumentedEndpoints documented = ctx.organizations().documentedEndpoints(org);
        AuthSessions auth = ctx.auth();
        if (org.flow() == Organization.Flow.SECRET && auth.sessionStore().clientSecret(org.id()).isEmpty()) {
            System.err.println("Note: no client secret is stored for " + org.id() + " (chartlens org secret " + org.id()
                    + "); signing in as a public client with PKCE.");
        }
        Session s = switch (org.flow()) {
            case PKCE, SECRET -> auth.signInWithBrowser(org, documented,
                    noBrowser ? Browser.printing(System.out) : Browser.systemOrPrinting(System.out),
                    Duration.ofSeconds(timeoutSeconds));
            case BACKEND -> auth.signInBackend(org, documented);
            case PASSWORD -> {
                System.err.println("Note: " + org.name() + " requires the password flow; ChartLens sends your "
                        + "password once and never stores it.");
                String user = username != null ? username : prompt("Username for " + org.name() + ": ");
                yield auth.signInWithPassword(org, documented, user, password());
            }
        };
        ctx.audit(AuditAction.SIGN_IN, org.id(), s.patient(), "flow=" + org.flow().name().toLowerCase(java.util.Locale.ROOT));
        System.out.println("Signed in to " + org.name()
                + (s.fhirUser() != null ? " as " + s.fhirUser() : s.subject() != null ? " as " + s.subject() : ""));
        System.out.println("Granted scopes: " + String.join(" ", s.grantedScopes()));
        if (!s.refusedScopes().isEmpty()) {
            System.out.println("Not granted (features needing them are unavailable): " + String.join(" ", s.refusedScopes()));
        }
        if (s.patient() != null) {
            System.out.println("Patient: " + s.patient());
        }
        System.out.println("Access token expires: " + s.accessTokenExpiresAt()
                + (s.refreshToken() != null ? " (renewed automatically)" : ""));
        if (s.refreshGrantExpiresAt() != null) {
            System.out.println("Sign in again before: " + s.refreshGrantExpiresAt());
        }
        return 0;
    }

    private String prompt(String text) {
        Console c = System.console();
        if (c == null) {
            throw new IllegalArgumentException("Give --username (no console to type into)");
        }
        return c.readLine(text);
    }

    private char[] password() throws IOException {
        if (passwordStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("No password on standard input");
            }
            return line.toCharArray();
        }
        Console c = System.console();
        if (c == null) {
            throw new IllegalArgumentException("Use --password-stdin (no console to type into)");
        }
        return c.readPassword("Password: ");
    }
}
