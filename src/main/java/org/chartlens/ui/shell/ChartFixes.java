package org.chartlens.ui.shell;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chartlens.domain.SignInState;
import org.chartlens.ui.chart.CompletenessFixes;
import org.chartlens.ui.port.OrganizationStatus;
import org.chartlens.ui.port.SignInPort;

/**
 * The Completeness tab's fixes in the desktop (issue 17): sign-ins read through {@link SignInPort}
 * (no token), "Sign in again" through the Organizations view model (the pending sign-in shows
 * there), "Sync now" through the status bar's sync of one patient.
 */
final class ChartFixes implements CompletenessFixes {
    private final SignInPort signIn;
    private final OrganizationsViewModel organizations;
    private final StatusViewModel status;

    ChartFixes(SignInPort signIn, OrganizationsViewModel organizations, StatusViewModel status) {
        this.signIn = signIn;
        this.organizations = organizations;
        this.status = status;
    }

    @Override
    public Map<String, SignInState> signIns(Collection<String> orgs) {
        Map<String, SignInState> out = new LinkedHashMap<>();
        for (String org : orgs) {
            if (org.startsWith("import:")) {
                out.put(org, SignInState.notApplicable(org));
                continue;
            }
            try {
                OrganizationStatus s = signIn.status(org);
                out.put(org, new SignInState(org, s.signedIn(), s.refreshExpires(), true));
            } catch (RuntimeException e) {
                // an organization no longer configured: shown without sign-in words
            }
        }
        return out;
    }

    @Override
    public void signInAgain(String org) {
        organizations.signIn(org);
    }

    @Override
    public void syncNow(String org, String patientId) {
        status.sync(org, patientId);
    }
}
