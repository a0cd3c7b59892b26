package org.chartlens.clinical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.ReviewedResource;

/**
 * The two hashes a review keeps of each resource (issue 17): of the JSON as cached (cheap "nothing
 * changed"), and of its content, canonical (object keys sorted, no whitespace) without
 * {@code meta.lastUpdated} and {@code meta.versionId}, so that a resource re-sent with only a new
 * stamp is not "changed". Stateless, thread safe.
 */
public final class ContentHashes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentHashes() {
    }

    /** The resources of a record's chart as a review knows them (the record's own, not shared ones). */
    public static List<ReviewedResource> of(List<RawResource> chart) {
        List<ReviewedResource> out = new ArrayList<>(chart.size());
        for (RawResource r : chart) {
            if (r.patientId() != null) {
                out.add(new ReviewedResource(r.org(), r.type(), r.id(), raw(r.json()), content(r.json())));
            }
        }
        return out;
    }

    /** SHA-256 (hex) of the JSON exactly as given. */
    public static String raw(String json) {
        return hex(sha256().digest(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 (hex) of the canonical content without the server's stamps; of the raw text when not JSON. */
    public static String content(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            return raw(json);
        }
        if (n instanceof ObjectNode o && o.get("meta") instanceof ObjectNode meta) {
            meta.remove("lastUpdated");
            meta.remove("versionId");
            if (meta.isEmpty()) {
                o.remove("meta");
            }
        }
        StringBuilder sb = new StringBuilder(json.length());
        canonical(n, sb);
        return hex(sha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                sb.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(names.get(i)).toString()).append(':');
                canonical(n.get(names.get(i)), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                canonical(n.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(n.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
