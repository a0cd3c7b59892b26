package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads one attachment's inline data from its DocumentReference's raw JSON (as the cache holds
 * it, read by {@link ChartQuery#resourceJson}), on demand. Never fetches a URL. Stateless, thread
 * safe; cost: one parse of one resource.
 */
public final class Attachments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Attachments() {
    }

    /** The decoded bytes of content[index].attachment.data, or empty when absent or unreadable. */
    public static Optional<byte[]> inlineData(String documentJson, int index) {
        try {
            JsonNode n = JSON.readTree(documentJson);
            JsonNode data = n.path("content").path(index).path("attachment").path("data");
            if (!data.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(Base64.getMimeDecoder().decode(data.asText()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
