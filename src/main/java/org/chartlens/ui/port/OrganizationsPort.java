package org.chartlens.ui.port;

import java.net.URI;
import java.util.List;
import org.chartlens.connect.Organization;

/** The configured organizations. Thread safe; every method blocks (runs on the task executor). */
public interface OrganizationsPort {
    /**
     * The user's organizations: the ones added (a preset or any server) or opened (the demo), in the
     * order shown; empty on first run and after the last one is removed (the welcome screen shows
     * then). Not the presets merely offered: see {@link #presets()}.
     */
    List<Organization> organizations();

    /** The organization presets shipped with ChartLens (for "Add your organization"). */
    List<Organization> presets();

    /**
     * Adds or edits an organization; returns it as stored. Its identity is its FHIR base: one at
     * a FHIR base not yet configured gets its own entry (its id may differ from the one given).
     */
    Organization saveOrganization(Organization org);

    /**
     * Looks at a FHIR base before it is added: the CapabilityStatement and SMART discovery.
     * Blocking (network, bounded by a short timeout).
     */
    default ServerCheck check(URI fhirBase) {
        return ServerCheck.refused("Checking servers is not available in this mode.");
    }

    /** How many patients of this organization the cache holds (0 while locked). */
    default int cachedPatients(String orgId) {
        return 0;
    }

    /**
     * Removes an organization (a preset: the user's edits of it) and signs out of it; its cached
     * charts are deleted unless {@code keepCharts}. Recorded in the audit log.
     */
    default void removeOrganization(String orgId, boolean keepCharts) {
        throw new UnsupportedOperationException("Removing organizations is not available in this mode.");
    }
}
