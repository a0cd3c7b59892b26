package org.chartlens.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.connect.DemoEhrAddress;
import org.chartlens.connect.Organization;
import org.chartlens.store.AuditAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "logout", description = "Sign out of an organization: revoke the tokens where the server offers "
        + "it and forget them on this computer.")
public final class LogoutCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", paramLabel = "ORG")
    String orgId;

    @Override
    public Integer call() {
        Path dataDir = root.dataDirectory();
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(dataDir, "logout")) {
            Organization org = ctx.organizations().require(orgId);
            if (org.sandboxProfile() != null) {
                // Sign out even when the demo EHR is gone: the local session is forgotten regardless.
                org = DemoEhrAddress.read(dataDir).map(org::withFhirBase).orElse(org);
            }
            boolean revoked = ctx.auth().signOut(org);
            ctx.audit(AuditAction.SIGN_OUT, org.id(), null, revoked ? "revoked" : null);
            System.out.println("Signed out of " + org.name() + (revoked ? " (tokens revoked at the server)" : ""));
            return 0;
        }
    }
}
