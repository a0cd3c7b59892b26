package org.chartlens.domain;

/**
 * What a reviewer knew of one resource when marking a chart reviewed (issue 17): its identity and
 * two hashes of its JSON. {@code rawHash} is of the JSON exactly as cached (a cheap "nothing at all
 * changed" test); {@code contentHash} is of the content without {@code meta.lastUpdated} and
 * {@code meta.versionId}, so "changed" means the content changed, not only its stamp. Immutable.
 *
 * @param org         organization id
 * @param type        resourceType
 * @param id          logical id at that organization
 * @param rawHash     SHA-256 (hex) of the JSON as cached
 * @param contentHash SHA-256 (hex) of the canonical content (keys sorted, stamps left out)
 */
public record ReviewedResource(String org, String type, String id, String rawHash, String contentHash) {

    /** "org|Type/id": the resource's identity across organizations. */
    public String key() {
        return key(org, type, id);
    }

    public static String key(String org, String type, String id) {
        return org + "|" + type + "/" + id;
    }
}
