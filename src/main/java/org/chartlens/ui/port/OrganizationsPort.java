package org.chartlens.ui.port;

import java.util.List;
import org.chartlens.connect.Organization;

/** The configured organizations. Thread safe; every method blocks (runs on the task executor). */
public interface OrganizationsPort {
    /** Every configured organization, presets first. */
    List<Organization> organizations();

    /** The organization presets shipped with ChartLens (for "Add your organization"). */
    List<Organization> presets();

    /** Adds or replaces an organization (the user's edit); returns it as stored. */
    Organization saveOrganization(Organization org);
}
