package org.chartlens.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMART scopes in v1 ({@code patient/Observation.read}) and v2 ({@code patient/*.rs}) syntax.
 * Immutable.
 */
final class Scopes {
    private static final Pattern RESOURCE_SCOPE =
            Pattern.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]+)\\.(read|write|\\*|[cruds]+)(\\?.*)?");
    private static final Set<String> OTHER_SCOPES = Set.of("openid", "fhirUser", "profile",
            "launch", "launch/patient", "launch/encounter", "offline_access", "online_access");

    /** One resource scope: who (patient/user/system), which type, read and search allowed. */
    record Rule(String context, String type, boolean read, boolean search) {
        boolean covers(String resourceType) {
            return "*".equals(type) || type.equals(resourceType);
        }
    }

    final Set<String> granted;
    final List<Rule> rules;

    Scopes(Collection<String> granted) {
        this.granted = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(granted));
        List<Rule> r = new ArrayList<>();
        for (String s : granted) {
            Matcher m = RESOURCE_SCOPE.matcher(s);
            if (m.matches()) {
                String perm = m.group(3);
                boolean read = perm.equals("read") || perm.equals("*") || perm.contains("r");
                boolean search = perm.equals("read") || perm.equals("*") || perm.contains("s");
                if (perm.equals("write")) {
                    read = false;
                    search = false;
                }
                r.add(new Rule(m.group(1), m.group(2), read, search));
            }
        }
        this.rules = List.copyOf(r);
    }

    static Scopes parse(String spaceSeparated) {
        List<String> list = new ArrayList<>();
        if (spaceSeparated != null) {
            for (String s : spaceSeparated.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    list.add(s);
                }
            }
        }
        return new Scopes(list);
    }

    static boolean known(String scope) {
        return OTHER_SCOPES.contains(scope) || RESOURCE_SCOPE.matcher(scope).matches();
    }

    boolean has(String scope) {
        return granted.contains(scope);
    }

    /** Whether some rule of this context lets the holder read (or search) the type. */
    boolean allows(String context, String type, boolean search) {
        for (Rule r : rules) {
            if (r.context.equals(context) && r.covers(type) && (search ? r.search : r.read)) {
                return true;
            }
        }
        return false;
    }

    boolean hasContext(String context) {
        return rules.stream().anyMatch(r -> r.context.equals(context));
    }

    String text() {
        return String.join(" ", granted);
    }

    /** Keeps granted's order as requested. */
    static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }
}
