package org.chartlens.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.auth.AuthException;
import org.chartlens.auth.AuthSessions;
import org.chartlens.auth.BackendKey;
import org.chartlens.auth.SignInStatus;
import org.chartlens.auth.SmartConfiguration;
import org.chartlens.connect.DemoEhrAddress;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "org", description = "List, add and configure organizations (presets included).",
        subcommands = {OrgCommand.ListOrgs.class, OrgCommand.AddOrg.class, OrgCommand.RemoveOrg.class,
                OrgCommand.SetSecret.class, OrgCommand.Jwks.class, OrgCommand.Status.class})
public final class OrgCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Override
    public Integer call() {
        return new ListOrgs().run(this);
    }

    private ChartLensContext context;

    /** The composition root for this command's data folder (organizations, sign-in sessions). */
    synchronized ChartLensContext context() {
        if (context == null) {
            context = ChartLensContext.forCommandLine(root.dataDirectory(), "org");
        }
        return context;
    }

    @Command(name = "list", description = "List organizations: id, flow, FHIR base, name.")
    static final class ListOrgs implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;

        @Override
        public Integer call() {
            return run(parent);
        }

        int run(OrgCommand org) {
            for (Organization o : org.context().organizations().list()) {
                String base = o.sandboxProfile() != null ? "(embedded demo EHR)"
                        : o.fhirBase() == null ? "(enter the FHIR base)" : o.fhirBase().toString();
                System.out.printf("%-12s %-8s %-55s %s%s%n", o.id(), o.flow().name().toLowerCase(Locale.ROOT), base,
                        o.name(), o.preset() ? "" : " (added)");
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add an organization by its FHIR base; sign-in endpoints are discovered. "
            + "With a preset's name, edits that preset (client id, FHIR base, scopes).")
    static final class AddOrg implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--fhir-base", paramLabel = "URL", description = "The FHIR base URL.")
        URI fhirBase;

        @Option(names = "--client-id", paramLabel = "ID")
        String clientId;

        @Option(names = "--flow", paramLabel = "pkce|secret|backend|password")
        String flow;

        @Option(names = "--scopes", paramLabel = "\"...\"", description = "Space-separated scopes.")
        String scopes;

        @Option(names = "--no-discovery", description = "Do not check the server now.")
        boolean noDiscovery;

        @Override
        public Integer call() throws AuthException {
            OrganizationDirectory dir = parent.context().organizations();
            String id = OrganizationDirectory.idFor(name);
            Organization.Flow f = flow == null ? null : parseFlow(flow);
            List<String> sc = scopes == null ? List.of() : Arrays.stream(scopes.trim().split("\\s+"))
                    .filter(s -> !s.isEmpty()).toList();
            boolean preset = dir.preset(id).isPresent();
            if (!preset && fhirBase == null) {
                throw new IllegalArgumentException("Give the organization's FHIR base: --fhir-base URL");
            }
            if (!preset && sc.isEmpty()) {
                sc = f == Organization.Flow.BACKEND ? List.of("system/*.read")
                        : List.of("openid", "fhirUser", "offline_access", "user/*.read");
            }
            URI base = fhirBase == null ? null : URI.create(fhirBase.toString().replaceAll("/+$", ""));
            Organization org = new Organization(id, name, base, f, clientId, sc, null, null, false, null);
            Organization saved = dir.save(org);
            if (!noDiscovery && saved.sandboxProfile() == null && saved.fhirBase() != null) {
                AuthSessions auth = parent.context().auth();
                try {
                    SmartConfiguration c = auth.discover(saved, dir.documentedEndpoints(saved));
                    System.out.println("Discovered: authorize " + c.authorizationEndpoint() + ", token "
                            + c.tokenEndpoint());
                } catch (AuthException e) {
                    System.err.println("chartlens: saved, but " + e.getMessage());
                }
            }
            System.out.println("Saved organization " + saved.id() + " (" + saved.flow().name().toLowerCase(Locale.ROOT)
                    + ", " + (saved.fhirBase() == null ? "no FHIR base yet" : saved.fhirBase()) + ")");
            return 0;
        }
    }

    static Organization.Flow parseFlow(String s) {
        try {
            return Organization.Flow.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--flow is one of pkce, secret, backend, password");
        }
    }

    @Command(name = "remove", description = "Forget an added organization (or your edits of a preset) and sign out.")
    static final class RemoveOrg implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;

        @Parameters(index = "0", paramLabel = "ORG")
        String id;

        @Override
        public Integer call() {
            OrganizationDirectory dir = parent.context().organizations();
            Organization org = dir.require(id);
            AuthSessions auth = parent.context().auth();
            if (org.sandboxProfile() == null) {
                auth.signOut(org);
            }
            System.out.println(dir.remove(id) ? "Removed " + id : "Nothing to remove for " + id);
            return 0;
        }
    }

    @Command(name = "secret", description = "Store this installation's client secret for ORG in the secret store "
            + "(read from the console, or from standard input with --stdin).")
    static final class SetSecret implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;

        @Parameters(index = "0", paramLabel = "ORG")
        String id;

        @Option(names = "--stdin", description = "Read the secret from standard input (one line).")
        boolean stdin;

        @Override
        public Integer call() throws IOException {
            Organization org = parent.context().organizations().require(id);
            char[] secret = readSecret(stdin, "Client secret for " + org.name() + ": ");
            AuthSessions auth = parent.context().auth();
            auth.sessionStore().saveClientSecret(org.id(), secret);
            Arrays.fill(secret, '\0');
            System.out.println("Client secret for " + org.id() + " saved in " + auth.sessionStore().secrets().description());
            return 0;
        }
    }

    static char[] readSecret(boolean stdin, String prompt) throws IOException {
        if (stdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("Nothing was read from standard input");
            }
            return line.toCharArray();
        }
        Console c = System.console();
        if (c == null) {
            throw new IllegalArgumentException("No console to type into: use --stdin");
        }
        char[] s = c.readPassword(prompt);
        if (s == null || s.length == 0) {
            throw new IllegalArgumentException("Nothing was entered");
        }
        return s;
    }

    @Command(name = "jwks", description = "Print ORG's public key set (JWKS) for backend-services registration; "
            + "generates the key pair on first use. Never prints private parts.")
    static final class Jwks implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;

        @Parameters(index = "0", paramLabel = "ORG")
        String id;

        @Override
        public Integer call() throws AuthException {
            Organization org = parent.context().organizations().require(id);
            AuthSessions auth = parent.context().auth();
            BackendKey key = auth.sessionStore().backendKeyOrCreate(org.id());
            System.out.println(key.publicJwks());
            return 0;
        }
    }

    @Command(name = "status", description = "Sign-in status of ORG: who, scopes, expiry, last error.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;

        @Parameters(index = "0", paramLabel = "ORG")
        String id;

        @Override
        public Integer call() {
            Organization org = parent.context().organizations().require(id);
            if (org.sandboxProfile() != null) {
                org = DemoEhrAddress.read(parent.root.dataDirectory()).map(org::withFhirBase).orElse(org);
            }
            SignInStatus s = parent.context().auth().status(org);
            System.out.println("organization: " + org.id());
            System.out.println("signed in: " + (s.signedIn() ? "yes" : "no"));
            if (s.signedIn()) {
                System.out.println("as: " + (s.signedInAs() == null ? "(not given)" : s.signedInAs()));
                System.out.println("granted scopes: " + String.join(" ", s.grantedScopes()));
                System.out.println("not granted: " + String.join(" ", s.refusedScopes()));
                System.out.println("access token expires: " + s.accessTokenExpiresAt());
                System.out.println("refresh grant expires: " + (s.refreshGrantExpiresAt() == null ? "(not known)"
                        : s.refreshGrantExpiresAt()));
                if (s.patient() != null) {
                    System.out.println("patient: " + s.patient());
                }
                if (s.refreshGrantWarning() != null) {
                    System.out.println("warning: " + s.refreshGrantWarning());
                }
            }
            if (s.lastError() != null) {
                System.out.println("last error: " + s.lastError());
            }
            if (s.flowNote() != null) {
                System.out.println("note: " + s.flowNote());
            }
            return 0;
        }
    }
}
