package org.chartlens.clinical;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chartlens.domain.HiddenRecord;
import org.chartlens.domain.LiteralReference;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.Sensitivity;

/**
 * Splits one record's resources into those anyone may see and the restricted ones (issue 18,
 * decision 0701), before any builder reads them: so a restricted resource's text, codes and notes
 * reach no tab, banner, summary, search, tooltip, raw-JSON dialog, report or screenshot.
 *
 * <p>Restricted: labelled so ({@link Sensitivity#restricted()}), or inferred when asked, or linked:
 * <ul>
 *   <li>a resource that references a restricted one is restricted (a MedicationRequest whose reason
 *   is a restricted Condition, an Encounter whose diagnosis is, an Observation or note made during a
 *   restricted Encounter, a Claim listing any);</li>
 *   <li>a resource referenced by a resource restricted on its own account (labelled or inferred) is
 *   restricted, except an Encounter (a visit a restricted Condition was recorded at may hold other
 *   care; a restricted visit is labelled itself), Coverage, the Patient and shared resources
 *   (Practitioner, Organization, Medication ...). Not from a resource restricted only by a link: a
 *   Provenance, CarePlan or claim that names a restricted record also names many open ones, and
 *   following its references on would hide the whole chart;</li>
 *   <li>repeated until nothing changes.</li>
 * </ul>
 * The Patient is never hidden (the chart is its own), shared resources never by a link. Pure, stateless, thread safe.
 * Cost: a substring test per resource when no resource is labelled (and inference is off); one
 * streaming pass per resource otherwise.
 */
public final class RestrictedRecords {
    /** Never restricted through a link (it is everyone's, or the chart itself). */
    private static final Set<String> NEVER_LINKED = Set.of("Patient", "Practitioner", "PractitionerRole",
            "Organization", "Location", "Medication", "Device", "Group", "HealthcareService");
    /** Not restricted because a restricted resource points at it. */
    private static final Set<String> NOT_DOWNWARD = Set.of("Encounter", "Coverage", "EpisodeOfCare", "Account");

    private RestrictedRecords() {
    }

    /**
     * The split.
     *
     * @param open       what may be shown (input order)
     * @param restricted the restricted resources and why (input order)
     */
    public record Split(List<RawResource> open, Map<RawResource, Sensitivity> restricted) {
        public boolean any() {
            return !restricted.isEmpty();
        }

        /** The restricted resources as masked rows may name them (no content). */
        public List<HiddenRecord> hidden() {
            List<HiddenRecord> out = new ArrayList<>();
            restricted.forEach((r, s) -> out.add(new HiddenRecord(r.org(), r.type(), r.type() + "/" + r.id(),
                    ChartDates.parse(r.effective()), s)));
            return out;
        }
    }

    /**
     * The records (organization, patient) that hold at least one restricted resource on its own
     * account: labelled so, or, with {@code infer}, inferred from its code. What a link spreads
     * needs such a resource first, so this answers "has restricted records" without reading whole
     * charts (the worklist, issue 18). The Patient resource never counts.
     *
     * @param labelled resources that may carry labels (others are ignored)
     * @param coded    resources with a code (read only with {@code infer})
     */
    public static Set<org.chartlens.domain.PatientRef> holders(List<RawResource> labelled, List<RawResource> coded,
                                                               boolean infer) {
        Set<org.chartlens.domain.PatientRef> out = new java.util.HashSet<>();
        for (RawResource r : labelled) {
            if (!"Patient".equals(r.type()) && r.patientId() != null && SecurityLabels.mayBeLabelled(r.json())) {
                Sensitivity s = SecurityLabels.scan(r.json()).labels();
                if (s != null && s.restricted()) {
                    out.add(new org.chartlens.domain.PatientRef(r.org(), r.patientId()));
                }
            }
        }
        if (infer) {
            for (RawResource r : coded) {
                if (!"Patient".equals(r.type()) && r.patientId() != null && SecurityLabels.inferred(r) != null) {
                    out.add(new org.chartlens.domain.PatientRef(r.org(), r.patientId()));
                }
            }
        }
        return out;
    }

    /**
     * Splits one record's resources.
     *
     * @param infer also apply ChartLens's inference from codes ({@link SecurityLabels#inferred})
     */
    public static Split split(List<RawResource> resources, boolean infer) {
        boolean labelled = false;
        for (RawResource r : resources) {
            if (SecurityLabels.mayBeLabelled(r.json())) {
                labelled = true;
                break;
            }
        }
        Map<String, Sensitivity> why = new HashMap<>();
        if (!labelled && !infer) {
            return new Split(resources, Map.of());
        }
        Map<String, RawResource> byKey = new LinkedHashMap<>();
        Map<String, List<String>> refsOut = new HashMap<>();
        Map<String, List<String>> refsIn = new HashMap<>();
        for (RawResource r : resources) {
            String key = r.type() + "/" + r.id();
            byKey.put(key, r);
            Sensitivity s = null;
            if (labelled) {
                SecurityLabels.Scan scan = SecurityLabels.scan(r.json());
                s = scan.labels();
                for (LiteralReference ref : scan.references()) {
                    String to = ref.type() + "/" + ref.id();
                    refsOut.computeIfAbsent(key, k -> new ArrayList<>()).add(to);
                    refsIn.computeIfAbsent(to, k -> new ArrayList<>()).add(key);
                }
            }
            if ("Patient".equals(r.type())) {
                s = null; // the chart itself: never hidden (its labels are not masking rules for ChartLens)
            } else if (infer && (s == null || !s.restricted())) {
                Sensitivity inferred = SecurityLabels.inferred(r);
                s = inferred == null ? s : inferred.plus(s);
            }
            if (s != null && s.restricted()) {
                why.put(key, s);
            }
        }
        Deque<String> todo = new ArrayDeque<>(why.keySet());
        while (!todo.isEmpty()) {
            String from = todo.pop();
            boolean own = why.get(from).origin() != Sensitivity.Origin.LINKED;
            Sensitivity s = why.get(from).linked();
            for (String up : refsIn.getOrDefault(from, List.of())) {
                mark(up, s, byKey, why, todo);
            }
            if (!own) {
                continue; // down only from a resource restricted on its own account (see the class comment)
            }
            for (String down : refsOut.getOrDefault(from, List.of())) {
                RawResource target = byKey.get(down);
                if (target != null && !NOT_DOWNWARD.contains(target.type())) {
                    mark(down, s, byKey, why, todo);
                }
            }
        }
        List<RawResource> open = new ArrayList<>(resources.size());
        Map<RawResource, Sensitivity> restricted = new LinkedHashMap<>();
        for (RawResource r : resources) {
            Sensitivity s = why.get(r.type() + "/" + r.id());
            if (s == null) {
                open.add(r);
            } else {
                restricted.put(r, s);
            }
        }
        return new Split(open, restricted);
    }

    private static void mark(String key, Sensitivity s, Map<String, RawResource> byKey,
                             Map<String, Sensitivity> why, Deque<String> todo) {
        RawResource r = byKey.get(key);
        if (r == null || why.containsKey(key) || NEVER_LINKED.contains(r.type()) || r.patientId() == null) {
            return;
        }
        why.put(key, s);
        todo.push(key);
    }
}
