package org.chartlens.domain;

/**
 * The type and id of a literal FHIR reference ({@code Practitioner/123}, an absolute URL ending
 * in {@code Type/id}, with any {@code /_history/N} dropped). Contained ({@code #x}), {@code urn:}
 * and conditional ({@code Type?identifier=...}) references have none. The one parser of
 * reference text on the client side (sync, cache and chart code all use it). Pure and thread
 * safe.
 *
 * @param type resource type (starts upper case)
 * @param id   logical id
 */
public record LiteralReference(String type, String id) {

    /** The literal reference in {@code ref}, or null when it is not one. */
    public static LiteralReference parse(String ref) {
        if (ref == null || ref.indexOf('#') >= 0 || ref.indexOf('?') >= 0 || ref.startsWith("urn:")) {
            return null;
        }
        int hist = ref.indexOf("/_history/");
        if (hist >= 0) {
            ref = ref.substring(0, hist);
        }
        int slash = ref.lastIndexOf('/');
        if (slash <= 0 || slash == ref.length() - 1) {
            return null;
        }
        String type = ref.substring(ref.lastIndexOf('/', slash - 1) + 1, slash);
        if (type.isEmpty() || !Character.isUpperCase(type.charAt(0))) {
            return null;
        }
        return new LiteralReference(type, ref.substring(slash + 1));
    }

    /** The id {@code ref} points to when it is a literal reference to {@code type}, else null. */
    public static String idOf(String ref, String type) {
        LiteralReference r = parse(ref);
        return r != null && r.type.equals(type) ? r.id : null;
    }
}
