package org.chartlens.domain;

import java.util.List;
import java.util.Set;

/**
 * The compartment rule of the cache, in one place: which resources are shared directory
 * resources (kept once per organization, in no patient's chart) and which patient every other
 * resource belongs to. Sync, bulk export and import all store what this rule says, so a
 * resource lands in the same chart whichever way it arrives. Pure and thread safe.
 */
public final class Compartment {
    /** Types kept once per organization, outside any patient's compartment. */
    public static final Set<String> SHARED_TYPES =
            Set.of("Practitioner", "Organization", "Location", "Medication", "PractitionerRole");

    private Compartment() {
    }

    /** True for a shared directory resource type (Practitioner, Organization, ...). */
    public static boolean isShared(String type) {
        // asked for every reference a sync reads; most name a Patient or an Encounter, which the
        // length tells apart without hashing a fresh substring (issue 21)
        int length = type.length();
        return length < 64 && (SHARED_LENGTHS & (1L << length)) != 0 && SHARED_TYPES.contains(type);
    }

    /** Bit n set when a shared type name has n characters (all are shorter than 64). */
    private static final long SHARED_LENGTHS = SHARED_TYPES.stream().mapToLong(t -> 1L << t.length())
            .reduce(0L, (a, b) -> a | b);

    /**
     * The patient a resource belongs to, first rule that gives one:
     * <ol>
     *   <li>a Patient is its own;</li>
     *   <li>a shared type belongs to no patient (null);</li>
     *   <li>the patient its {@code subject} / {@code patient} / {@code beneficiary} names;</li>
     *   <li>the first Patient it references anywhere (a Provenance's target, ...);</li>
     *   <li>the context: the patient the resource was fetched for, or the only patient of the
     *       file it came in;</li>
     *   <li>none (null).</li>
     * </ol>
     * What the resource says comes before where it came from, so the same resource gets the
     * same patient by sync (a patient's pulls are the context), by bulk export (no context) and
     * by import (the file's only patient is the context).
     *
     * @param type       resourceType
     * @param id         its id
     * @param subject    the patient id its subject / patient / beneficiary names, or null
     * @param references its literal references in document order
     * @param context    the patient it arrived for, or null
     */
    public static String owner(String type, String id, String subject, List<LiteralReference> references,
                               String context) {
        if ("Patient".equals(type)) {
            return id;
        }
        if (isShared(type)) {
            return null;
        }
        if (subject != null) {
            return subject;
        }
        for (LiteralReference r : references) {
            if ("Patient".equals(r.type())) {
                return r.id();
            }
        }
        return context;
    }
}
