package org.chartlens.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * One person: the patient records a user confirmed are the same human (issue 14, decision 0602).
 * A record nobody linked is a person of one. The records stay as each organization sent them; the
 * link is a separate fact in the cache. Immutable, thread safe.
 *
 * @param id       stable person id, {@code P-} and ten letters or digits (see {@link #idOf})
 * @param records  the person's records, in the order they were linked (a person of one: the record)
 * @param warnings what the linked records disagree on (sex, birth date, an identifier), kept
 *                 since the link was made; empty when none or when the person has one record
 */
public record Person(String id, List<PatientRef> records, List<String> warnings) {
    private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    public Person {
        Objects.requireNonNull(id, "id");
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a person has at least one record");
        }
    }

    /** A record that is linked to no other: a person of one, with the record's own id. */
    public static Person single(PatientRef record) {
        return new Person(idOf(record), List.of(record), List.of());
    }

    /** Whether this person has more than one record. */
    public boolean linked() {
        return records.size() > 1;
    }

    /**
     * The id a record has as a person of one: {@code P-} and the first 50 bits of the SHA-256 of
     * {@code ORG:ID} in Crockford's base 32. A linked person keeps the id of one of its records
     * (decision 0602), so an id, once printed, keeps naming the person that record is part of.
     */
    public static String idOf(PatientRef record) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(record.qualified().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (h[i] & 0xff);
        }
        StringBuilder sb = new StringBuilder("P-");
        for (int i = 0; i < 10; i++) {
            sb.append(BASE32[(int) ((bits >>> (59 - 5 * i)) & 31)]);
        }
        return sb.toString();
    }
}
