package org.chartlens.ui.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chartlens.connect.Organization;
import org.chartlens.ui.port.OrganizationsPort;

/** TEST {@link OrganizationsPort}: fixed organizations and presets; saved ones are recorded and listed. */
public class RecordingOrganizations implements OrganizationsPort {
    private final List<Organization> presets;
    public final List<Organization> saved = new CopyOnWriteArrayList<>();

    public RecordingOrganizations(List<Organization> organizations, List<Organization> presets) {
        this.presets = presets;
        saved.addAll(organizations);
    }

    @Override
    public List<Organization> organizations() {
        return List.copyOf(saved);
    }

    @Override
    public List<Organization> presets() {
        return presets;
    }

    @Override
    public Organization saveOrganization(Organization org) {
        saved.add(org);
        return org;
    }
}
