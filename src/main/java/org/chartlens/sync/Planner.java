package org.chartlens.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartlens.connect.Organization;
import org.chartlens.domain.Compartment;

/**
 * Plans a sync from the server's CapabilityStatement, the organization's preset (quirks) and
 * the granted scopes. Stateless and thread safe.
 */
public final class Planner {
    /**
     * The chart types of issue 5, in a stable order, and the medication records of issue 16
     * (statements, dispenses, administrations: read where the server lists them, recorded as
     * unsupported where it does not; the Medication they reference is fetched as a shared type).
     */
    public static final List<String> CHART_TYPES = List.of("AllergyIntolerance", "CarePlan", "CareTeam",
            "Condition", "Device", "DiagnosticReport", "DocumentReference", "Encounter", "Goal",
            "Immunization", "MedicationRequest", "MedicationStatement", "MedicationDispense",
            "MedicationAdministration", "Observation", "Procedure", "Provenance", "Coverage",
            "ExplanationOfBenefit");

    /** Observation categories searched one by one where a server requires a category. */
    public static final List<String> OBSERVATION_CATEGORIES = List.of("vital-signs", "laboratory",
            "social-history", "survey", "exam", "imaging", "procedure", "therapy", "activity");

    private static final Pattern SCOPE = Pattern.compile(
            "(patient|user|system)/([A-Za-z*]+)\\.([a-z*]+)(\\?.*)?");

    private Planner() {
    }

    public static SyncPlan plan(Organization org, Capabilities caps, Set<String> grantedScopes) {
        Set<String> wanted = new TreeSet<>(CHART_TYPES);
        // everything else the server offers in the patient compartment, so charts are complete
        for (String t : caps.patientSearchTypes()) {
            if (!Compartment.isShared(t) && !"Patient".equals(t)) {
                wanted.add(t);
            }
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<SyncPlan.Search> searches = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        for (String type : wanted) {
            if (!caps.supports(type)) {
                unavailable.put(type, "unsupported");
            } else if (grantedScopes != null && !granted(grantedScopes, type)) {
                unavailable.put(type, "not-granted");
            } else if (!caps.searchable(type)) {
                // read by id only (Credible's Provenance): only $everything can bring it
                if (caps.supportsEverything()) {
                    types.add(type);
                } else {
                    unavailable.put(type, "unsupported");
                }
            } else {
                types.add(type);
                if ("Observation".equals(type) && org.has(Organization.Quirk.OBSERVATION_NEEDS_CATEGORY)) {
                    OBSERVATION_CATEGORIES.forEach(c -> searches.add(new SyncPlan.Search(type, c)));
                } else {
                    searches.add(new SyncPlan.Search(type, null));
                }
            }
        }
        return new SyncPlan(caps.supportsEverything(), List.copyOf(searches), Set.copyOf(types),
                Map.copyOf(unavailable));
    }

    /** True when some scope allows reading/searching {@code type} (SMART v1 or v2 syntax). */
    public static boolean granted(Set<String> scopes, String type) {
        for (String s : scopes) {
            Matcher m = SCOPE.matcher(s.trim());
            if (!m.matches()) {
                continue;
            }
            String t = m.group(2);
            String perm = m.group(3).toLowerCase(Locale.ROOT);
            boolean typeOk = t.equals("*") || t.equals(type);
            boolean readOk = perm.equals("read") || perm.equals("*") || (!perm.equals("write")
                    && (perm.contains("r") || perm.contains("s")) && perm.matches("[cruds]+"));
            if (typeOk && readOk) {
                return true;
            }
        }
        return false;
    }
}
