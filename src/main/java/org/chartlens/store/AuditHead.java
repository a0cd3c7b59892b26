package org.chartlens.store;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The head of the audit chain: the last event's sequence number and hash. Kept outside the cache
 * too ({@link AuditHeadStore}), so that removing the last events, or rewriting the chain, shows.
 *
 * @param seq  the last event's sequence number, 0 for an empty log
 * @param hash its hash (64 hex digits), {@link #GENESIS_HASH} for an empty log
 */
public record AuditHead(long seq, String hash) {
    /** The "previous hash" of the first event. */
    public static final String GENESIS_HASH = "0".repeat(64);
    /** The head of an empty log. */
    public static final AuditHead EMPTY = new AuditHead(0, GENESIS_HASH);

    /** As stored: {@code seq:hash} in ASCII. */
    public byte[] encode() {
        return (seq + ":" + hash).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads what {@link #encode()} wrote; empty when it is not a head. */
    public static Optional<AuditHead> decode(byte[] stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String s = new String(stored, StandardCharsets.US_ASCII);
        int colon = s.indexOf(':');
        if (colon <= 0 || !s.substring(colon + 1).matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditHead(Long.parseLong(s.substring(0, colon)), s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
