package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Patient search parameters of FHIR R4 / US Core that a care coordinator looks a patient up
 * by: {@code name}, {@code family}, {@code given} (string: case- and accent-insensitive, "starts
 * with" on any word, {@code :exact} and {@code :contains} modifiers), {@code birthdate} (date, with
 * prefixes), {@code gender} and {@code identifier} (token: {@code system|value}, {@code value},
 * {@code system|}). Comma-separated values are OR; repeated parameters AND. The demographics of
 * each Patient are read once from its served JSON (CareCloud's {@code 6/6/1966 12:00:00 AM}
 * birth dates included) and kept per entry. Thread safe.
 */
final class PatientSearch {
    static final List<String> PARAMS = List.of("name", "family", "given", "birthdate", "gender", "identifier");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}).*");
    private static final Pattern WORDS = Pattern.compile("[\\s-]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    /**
     * What a Patient is searched by, normalised: each name part as served, and folded (case and
     * accents dropped) with the words it splits into, the keys a "starts with" search compares.
     */
    record Demographics(List<String> family, List<String> given, List<String> names, Map<String, List<String>> keys,
                        String birthDate, String gender, List<String[]> identifiers) {
        /** The folded values and words of one string parameter ({@code name}, {@code family}, {@code given}). */
        List<String> keys(String param) {
            return keys.getOrDefault(param, List.of());
        }
    }

    private final ObjectMapper mapper;
    private final Map<StoredEntry, Demographics> index = Collections.synchronizedMap(new WeakHashMap<>());
    private final PatientIndex patients = new PatientIndex(this::demographics);

    PatientSearch(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The served Patients that may match {@code params}, in load order, read off an index of their
     * demographics (as a real server's search index would be) instead of every Patient; null when
     * no parameter given narrows by the index (then every Patient is a candidate). The exact
     * matching is still {@link #filter}'s.
     */
    List<StoredEntry> candidates(ServedResources data, Map<String, List<String>> params) {
        return patients.candidates(data, params);
    }

    /** True when any of this class's parameters (with or without a modifier) is present. */
    static boolean applies(Map<String, List<String>> params) {
        return params.keySet().stream().anyMatch(p -> PARAMS.contains(base(p)));
    }

    /** The base name of a parameter ({@code family:exact} -> {@code family}). */
    static String base(String param) {
        int colon = param.indexOf(':');
        return colon < 0 ? param : param.substring(0, colon);
    }

    List<StoredEntry> filter(List<StoredEntry> in, Map<String, List<String>> params) throws FhirError {
        List<StoredEntry> out = in;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String name = base(p.getKey());
            if (!PARAMS.contains(name)) {
                continue;
            }
            String modifier = p.getKey().contains(":") ? p.getKey().substring(p.getKey().indexOf(':') + 1) : "";
            for (String value : p.getValue()) {
                List<String> any = List.of(value.split(","));
                List<StoredEntry> kept = new ArrayList<>();
                for (StoredEntry e : out) {
                    Demographics d = demographics(e);
                    for (String v : any) {
                        if (matches(d, name, modifier, v)) {
                            kept.add(e);
                            break;
                        }
                    }
                }
                out = kept;
            }
        }
        return out;
    }

    private static boolean matches(Demographics d, String name, String modifier, String value) throws FhirError {
        return switch (name) {
            case "name" -> strings(d.names(), d.keys("name"), modifier, value);
            case "family" -> strings(d.family(), d.keys("family"), modifier, value);
            case "given" -> strings(d.given(), d.keys("given"), modifier, value);
            case "gender" -> value.equalsIgnoreCase(d.gender());
            case "birthdate" -> birthDate(d.birthDate(), value);
            case "identifier" -> identifier(d.identifiers(), value);
            default -> false;
        };
    }

    /**
     * {@code :exact}: a value as served equals the wanted one; {@code :contains}: a folded value
     * contains it; otherwise a folded value or one of its words starts with it.
     */
    private static boolean strings(List<String> values, List<String> keys, String modifier, String wanted) {
        String w = fold(wanted);
        if ("exact".equals(modifier)) {
            return values.contains(wanted.trim());
        }
        for (String k : keys) {
            if ("contains".equals(modifier) ? k.contains(w) : k.startsWith(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean birthDate(String birth, String param) throws FhirError {
        if (birth == null) {
            return false;
        }
        String prefix = "eq";
        String value = param;
        if (param.length() > 2 && Character.isLetter(param.charAt(0)) && Character.isLetter(param.charAt(1))) {
            prefix = param.substring(0, 2);
            value = param.substring(2);
        }
        long[] wanted = FhirDates.range(value);
        long[] have = FhirDates.range(birth);
        if (wanted == null || !Set.of("eq", "ne", "gt", "ge", "lt", "le", "sa", "eb", "ap").contains(prefix)) {
            throw new FhirError(400, "invalid", "Not a FHIR date search value: " + param);
        }
        return have != null && FhirDates.matches(prefix, wanted[0], wanted[1], have[0], have[1]);
    }

    private static boolean identifier(List<String[]> identifiers, String token) {
        int bar = token.indexOf('|');
        String system = bar < 0 ? null : token.substring(0, bar);
        String value = bar < 0 ? token : token.substring(bar + 1);
        for (String[] i : identifiers) {
            boolean systemOk = system == null || (system.isEmpty() ? i[0] == null : system.equals(i[0]));
            boolean valueOk = value.isEmpty() ? system != null : value.equals(i[1]);
            if (systemOk && valueOk) {
                return true;
            }
        }
        return false;
    }

    private Demographics demographics(StoredEntry e) {
        Demographics d = index.get(e);
        if (d == null) {
            try {
                d = read(mapper.readTree(e.json()));
            } catch (IOException x) {
                d = new Demographics(List.of(), List.of(), List.of(), Map.of(), null, null, List.of());
            }
            index.put(e, d);
        }
        return d;
    }

    private static Demographics read(JsonNode p) {
        List<String> family = new ArrayList<>();
        List<String> given = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode n : p.path("name")) {
            if (n.hasNonNull("family")) {
                family.add(n.get("family").asText());
            }
            for (JsonNode g : n.path("given")) {
                given.add(g.asText());
            }
            for (String part : List.of("prefix", "suffix")) {
                n.path(part).forEach(x -> names.add(x.asText()));
            }
            if (n.hasNonNull("text")) {
                names.add(n.get("text").asText());
            }
        }
        names.addAll(family);
        names.addAll(given);
        List<String[]> ids = new ArrayList<>();
        for (JsonNode i : p.path("identifier")) {
            ids.add(new String[] {i.path("system").asText(null), i.path("value").asText(null)});
        }
        Map<String, List<String>> keys = Map.of("name", keys(names), "family", keys(family), "given", keys(given));
        return new Demographics(List.copyOf(family), List.copyOf(given), List.copyOf(names), keys,
                isoBirthDate(p.path("birthDate").asText(null)), p.path("gender").asText(null), List.copyOf(ids));
    }

    /** Each value folded, and each of its words (split at spaces and hyphens), without repeats. */
    private static List<String> keys(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String f = fold(v);
            out.add(f);
            out.addAll(List.of(WORDS.split(f)));
        }
        return List.copyOf(out);
    }

    /** The birth date as FHIR writes it; CareCloud's {@code 6/6/1966 12:00:00 AM} becomes {@code 1966-06-06}. */
    static String isoBirthDate(String served) {
        if (served == null) {
            return null;
        }
        Matcher m = US_DATE.matcher(served.trim());
        if (m.matches()) {
            return String.format(Locale.ROOT, "%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)));
        }
        return served;
    }

    /** Lower case without accents: FHIR string search ignores both. */
    static String fold(String s) {
        String n = MARKS.matcher(Normalizer.normalize(s.trim(), Normalizer.Form.NFD)).replaceAll("");
        return n.toLowerCase(Locale.ROOT);
    }
}
