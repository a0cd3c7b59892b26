package org.chartlens.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one organization's sync pulls per patient: either {@code Patient/$everything} (with the
 * per-type searches as the fallback) or the per-type searches directly; plus the types recorded
 * as unavailable. Immutable.
 *
 * @param everything   try {@code Patient/$everything} first
 * @param searches     per-type searches (Observation split by category where needed)
 * @param types        every type the plan covers (for freshness)
 * @param unavailable  type -> "unsupported" or "not-granted"
 */
public record SyncPlan(boolean everything, List<Search> searches, Set<String> types,
                       Map<String, String> unavailable) {

    /**
     * One search: a type, optionally restricted to a category.
     *
     * @param type     resource type
     * @param category category code or null
     */
    public record Search(String type, String category) {
        /** The cursor key: "Observation" or "Observation:vital-signs". */
        public String key() {
            return category == null ? type : type + ":" + category;
        }
    }
}
