package org.chartlens.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One served resource: the few values searches filter on, and its JSON serialised once (pages
 * are built by concatenating these bytes). Serialisation is deferred so that start-up only
 * parses and indexes; a background pass right after start (or the first request that needs it)
 * serialises, then the parsed tree is dropped. Thread safe; the bytes must not be modified.
 */
final class StoredEntry {
    /** A resolved {@code Type/id} reference and the top-level element it sits in. */
    record Reference(String field, String target) {
    }

    private final String type;
    private final String id;
    private final String patientId;
    private final Instant lastUpdated;
    private final long dateLow;
    private final long dateHigh;
    private final Set<String> codes;
    private final Set<String> categories;
    private final List<Reference> references;
    private final ObjectMapper mapper;
    private ObjectNode tree;
    private volatile byte[] json;

    /**
     * @param patientId the patient whose chart this belongs to; null for shared resources
     * @param dateLow   start of its clinical date range (epoch ms), {@link Long#MIN_VALUE} if none
     * @param dateHigh  end of that range (epoch ms, exclusive)
     */
    StoredEntry(String type, String id, String patientId, Instant lastUpdated, ObjectNode tree,
                ObjectMapper mapper, long dateLow, long dateHigh, Set<String> codes, Set<String> categories,
                List<Reference> references) {
        this.type = type;
        this.id = id;
        this.patientId = patientId;
        this.lastUpdated = lastUpdated;
        this.tree = tree;
        this.mapper = mapper;
        this.dateLow = dateLow;
        this.dateHigh = dateHigh;
        this.codes = codes;
        this.categories = categories;
        this.references = references;
    }

    /** An entry whose JSON is already serialised. */
    StoredEntry(String type, String id, String patientId, Instant lastUpdated, byte[] json,
                long dateLow, long dateHigh, Set<String> codes, Set<String> categories,
                List<Reference> references) {
        this(type, id, patientId, lastUpdated, null, null, dateLow, dateHigh, codes, categories, references);
        this.json = json;
    }

    String type() {
        return type;
    }

    String id() {
        return id;
    }

    String patientId() {
        return patientId;
    }

    Instant lastUpdated() {
        return lastUpdated;
    }

    long dateLow() {
        return dateLow;
    }

    long dateHigh() {
        return dateHigh;
    }

    Set<String> codes() {
        return codes;
    }

    Set<String> categories() {
        return categories;
    }

    List<Reference> references() {
        return references;
    }

    /** The compact JSON of the resource. */
    byte[] json() {
        byte[] j = json;
        if (j == null) {
            synchronized (this) {
                j = json;
                if (j == null) {
                    try {
                        j = mapper.writeValueAsBytes(tree);
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                    json = j;
                    tree = null;
                }
            }
        }
        return j;
    }

    String key() {
        return type + "/" + id;
    }

    boolean hasDate() {
        return dateLow != Long.MIN_VALUE;
    }

    @Override
    public String toString() {
        // no body: resource contents are PHI and must not reach logs
        return "StoredEntry[" + key() + "]";
    }
}
