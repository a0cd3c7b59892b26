package org.chartlens.domain;

/**
 * Where one row of a view came from: the organization and the resource, with its raw JSON so the
 * user can always see what the server actually sent. Immutable.
 *
 * @param org  organization id
 * @param type resourceType
 * @param id   logical id
 * @param json raw JSON as received (shared with the cache row, not copied)
 */
public record Source(String org, String type, String id, String json) {
    public String reference() {
        return type + "/" + id;
    }
}
