package org.chartlens.ui.chart;

import java.util.Collection;
import java.util.Map;
import org.chartlens.domain.SignInState;

/**
 * What the Completeness tab needs from the rest of the desktop (issue 17): each organization's
 * sign-in (no token) and the two fixes a cell offers. Implemented by the shell over the
 * {@code ui.port} ports ({@code SignInPort}, the sync); {@link #NONE} shows the map without sign-in
 * words or buttons (screenshots, the benchmark).
 */
public interface CompletenessFixes {
    /** The sign-ins of these organizations. Blocking: called on the task executor. */
    Map<String, SignInState> signIns(Collection<String> orgs);

    /** Starts a new sign-in at the organization (its browser page opens). FX thread. */
    void signInAgain(String org);

    /** Starts a sync of one patient at the organization. FX thread. */
    void syncNow(String org, String patientId);

    /** True when the fixes can be offered as buttons. */
    default boolean available() {
        return true;
    }

    CompletenessFixes NONE = new CompletenessFixes() {
        @Override
        public Map<String, SignInState> signIns(Collection<String> orgs) {
            return Map.of();
        }

        @Override
        public void signInAgain(String org) {
        }

        @Override
        public void syncNow(String org, String patientId) {
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
