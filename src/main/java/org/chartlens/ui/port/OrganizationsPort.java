package org.chartlens.ui.port;

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

    /** Adds or replaces an organization (the user's edit); returns it as stored. */
    Organization saveOrganization(Organization org);
}
