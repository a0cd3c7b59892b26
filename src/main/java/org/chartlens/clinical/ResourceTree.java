package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.Source;

/**
 * A resource parsed once: the raw row, its Jackson tree and its {@link Source}. Immutable once
 * built (nobody mutates the tree).
 */
public record ResourceTree(RawResource raw, JsonNode node, Source source) {
    public String type() {
        return raw.type();
    }
}
