package org.chartlens.identity;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the matcher reads what organizations send: names without case, accents, digits or
 * punctuation; identifier systems the way real servers vary them; phone numbers and postal codes
 * as digits. Stateless.
 */
public final class Normalizer {
    /** The same identifier system under another name (the SSN has a URL and an OID). */
    private static final Map<String, String> SYSTEM_ALIASES = Map.of(
            "urn:oid:2.16.840.1.113883.4.1", "http://hl7.org/fhir/sid/us-ssn",
            "http://hl7.org/fhir/sid/us-npi", "urn:oid:2.16.840.1.113883.4.6");

    private static final Pattern BARE_OID = Pattern.compile("[0-2](\\.\\d+)+");
    private static final Pattern SCHEME_SLASHES = Pattern.compile("^([a-z][a-z0-9+.-]*):/+(?=[^/])");

    private Normalizer() {
    }

    /**
     * A name part for comparison: accents removed (NFD, combining marks dropped), lower case,
     * letters only (digits such as Synthea's "Danille883" suffixes, dots and apostrophes go). A
     * hyphen or space separates parts: see {@link #nameParts}. Null or blank gives "".
     */
    public static String name(String raw) {
        if (raw == null) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < raw.length() && ascii; i++) {
            ascii = raw.charAt(i) < 128;
        }
        String s = ascii ? raw : java.text.Normalizer.normalize(raw, Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                b.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                b.append((char) (c + ('a' - 'A')));
            } else if (ascii) {
                continue;
            } else if (c == '\u00df') {
                b.append("ss");
            } else if (c == '\u00e6' || c == '\u00c6') {
                b.append("ae");
            } else if (c == '\u00f8' || c == '\u00d8') {
                b.append('o');
            } else if (Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** The parts of a (family) name split at hyphens, dashes and spaces, each {@link #name normalised}. */
    public static List<String> nameParts(String raw) {
        List<String> out = new ArrayList<>(2);
        if (raw == null) {
            return out;
        }
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || isSeparator(raw.charAt(i))) {
                if (i > start) {
                    String n = name(raw.substring(start, i));
                    if (!n.isEmpty()) {
                        out.add(n);
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '-' || (c >= '\u2010' && c <= '\u2014');
    }

    /**
     * An identifier system as one string for every way servers write it: trimmed, lower case,
     * backslashes as slashes (CareCloud writes {@code https:\\host\path}), {@code scheme:/host}
     * restored to {@code scheme://host}, {@code https} as {@code http}, trailing slashes removed,
     * a bare OID as {@code urn:oid:OID}, and known aliases (the SSN's OID) as one name.
     */
    public static String identifierSystem(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.trim().toLowerCase(Locale.ROOT).replace('\\', '/');
        if (BARE_OID.matcher(s).matches()) {
            s = "urn:oid:" + s;
        }
        s = SCHEME_SLASHES.matcher(s).replaceFirst("$1://");
        if (s.startsWith("https://")) {
            s = "http://" + s.substring("https://".length());
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return SYSTEM_ALIASES.getOrDefault(s, s);
    }

    /** An identifier value: trimmed, upper case, without spaces, hyphens or dots (999-68-8039 = 999688039). */
    public static String identifierValue(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c) && c != '.' && c != '-') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    /** A phone number as its digits; a leading US country code 1 on eleven digits dropped. */
    public static String phone(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        String d = b.toString();
        return d.length() == 11 && d.charAt(0) == '1' ? d.substring(1) : d;
    }

    /**
     * A postal code: upper case without spaces; a US ZIP+4 as its five digits; a three- or
     * four-digit code padded with the leading zeros that servers storing ZIP codes as numbers
     * lose (CareCloud serves 06095 as "6095").
     */
    public static String postalCode(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        String digits = s.replace("-", "");
        boolean allDigits = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (allDigits && digits.length() == 9 && (s.length() == 9 || s.indexOf('-') == 5)) {
            return s.substring(0, 5);
        }
        if (allDigits && s.length() >= 3 && s.length() <= 4) {
            return "0".repeat(5 - s.length()) + s;
        }
        return s;
    }
}
