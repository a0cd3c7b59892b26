package org.chartlens.connect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Readable names for organization ids where a user reads them (issue 14): the configured
 * organization's name, an import as "Imported file (name)", never a bare internal id when there is a
 * better word. Immutable after construction, thread safe.
 */
public final class OrganizationNames implements Function<String, String> {
    private final Map<String, String> names = new HashMap<>();

    public OrganizationNames(List<Organization> known) {
        for (Organization o : known) {
            if (o.name() != null && !o.name().isBlank()) {
                names.put(o.id(), o.name());
            }
        }
    }

    /** The organization's name, "Imported file (name)" for an import, else the id. */
    @Override
    public String apply(String orgId) {
        String n = names.get(orgId);
        if (n != null) {
            return n;
        }
        if (orgId.startsWith("import:")) {
            return "Imported file (" + orgId.substring("import:".length()) + ")";
        }
        return orgId;
    }
}
