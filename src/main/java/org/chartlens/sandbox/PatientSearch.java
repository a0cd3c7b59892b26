package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
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

    /** What a Patient is searched by, normalised. */
    private record Demographics(List<String> family, List<String> given, List<String> names,
                                String birthDate, String gender, List<String[]> identifiers) {
    }

    private final ObjectMapper mapper;
    private final Map<StoredEntry, Demographics> index = Collections.synchronizedMap(new WeakHashMap<>());

    PatientSearch(ObjectMapper mapper) {
        this.mapper = mapper;
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
            case "name" -> strings(d.names(), modifier, value);
            case "family" -> strings(d.family(), modifier, value);
            case "given" -> strings(d.given(), modifier, value);
            case "gender" -> value.equalsIgnoreCase(d.gender());
            case "birthdate" -> birthDate(d.birthDate(), value);
            case "identifier" -> identifier(d.identifiers(), value);
            default -> false;
        };
    }

    private static boolean strings(List<String> values, String modifier, String wanted) {
        String w = fold(wanted);
        for (String v : values) {
            boolean hit = switch (modifier) {
                case "exact" -> v.equals(wanted.trim());
                case "contains" -> fold(v).contains(w);
                default -> fold(v).startsWith(w) || List.of(fold(v).split("[\\s-]+")).stream().anyMatch(x -> x.startsWith(w));
            };
            if (hit) {
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
                d = new Demographics(List.of(), List.of(), List.of(), null, null, List.of());
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
        return new Demographics(List.copyOf(family), List.copyOf(given), List.copyOf(names),
                isoBirthDate(p.path("birthDate").asText(null)), p.path("gender").asText(null), List.copyOf(ids));
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
    private static String fold(String s) {
        String n = Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT);
    }
}
