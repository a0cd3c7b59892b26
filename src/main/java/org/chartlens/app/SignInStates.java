package org.chartlens.app;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chartlens.auth.SignInStatus;
import org.chartlens.connect.Organization;
import org.chartlens.domain.SignInState;

/**
 * The sign-ins the completeness map shows (issue 17), for the command line and the desktop: per
 * organization whether it is signed in and when its refresh grant ends, with no token. Imported
 * files have nothing to sign in to; an organization no longer in the directory is left out.
 * Blocking (reads the secret store).
 */
public final class SignInStates {
    private SignInStates() {
    }

    public static Map<String, SignInState> of(ChartLensContext ctx, Collection<String> orgIds) {
        Map<String, SignInState> out = new LinkedHashMap<>();
        for (String id : orgIds) {
            if (id.startsWith("import:")) {
                out.put(id, SignInState.notApplicable(id));
                continue;
            }
            if (ctx.organizations().find(id).isEmpty()) {
                continue;
            }
            Organization org = ctx.organization(id);
            SignInStatus s = ctx.auth().status(org);
            out.put(id, new SignInState(id, s.signedIn(), s.refreshGrantExpiresAt(), true));
        }
        return out;
    }
}
