package org.chartlens.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ClaimEntry;
import org.chartlens.domain.CoverageEntry;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.domain.EncounterEntry;
import org.chartlens.domain.ImmunizationEntry;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.Problem;
import org.chartlens.domain.Source;
import org.chartlens.domain.TimelineItem;
import org.chartlens.domain.VitalReading;

/**
 * Each chart item as a JSON object for {@code show --json}: its fields, {@code sources} (the
 * organization ids that recorded it, issue 14), {@code resources} ("org Type/id" each) and, where
 * organizations disagree, {@code differences} (field -> each organization's value). Stateless.
 */
final class ReportItems {
    private ReportItems() {
    }

    /** Adds sources, resources and differences of {@code s} to {@code item}; returns it. */
    static Map<String, Object> sourced(Map<String, Object> item, Source s) {
        if (s == null) {
            item.put("sources", List.of());
            return item;
        }
        item.put("sources", s.orgs());
        item.put("source", s.org() + " " + s.reference());
        List<String> resources = new ArrayList<>();
        for (Source one : s.all()) {
            resources.add(one.org() + " " + one.reference());
        }
        item.put("resources", resources);
        if (!s.differences().isEmpty()) {
            Map<String, Object> d = new LinkedHashMap<>();
            for (Source.Difference diff : s.differences()) {
                d.put(diff.field(), diff.values().stream().map(v -> Map.of("org", v.org(), "value", v.value())).toList());
            }
            item.put("differences", d);
        }
        return item;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> problem(Problem x) {
        return sourced(map("display", x.code().label(), "system", x.code().systemName(), "code", x.code().code(),
                "clinicalStatus", x.clinicalStatus(), "verificationStatus", x.verificationStatus(),
                "category", x.category(), "onset", x.onset().asGiven(), "abatement", x.abatement().asGiven(),
                "active", x.active()), x.source());
    }

    static Map<String, Object> medication(MedicationEntry x) {
        return sourced(map("display", x.medication().label(), "status", x.status(),
                "authored", String.valueOf(x.authored().asGiven()), "dosage", x.dosage()), x.source());
    }

    /** {@code item} (a medication as {@link ReportParts#medication}) with its organizations and their statuses when they differ. */
    static Map<String, Object> medicationGroup(MedicationGroup g, Map<String, Object> item) {
        item.put("sources", g.orgs());
        if (g.statusesDiffer()) {
            item.put("statusByOrg", g.statusByOrg().stream().map(v -> Map.of("org", v.org(), "value", v.value())).toList());
        }
        return item;
    }

    static Map<String, Object> allergy(AllergyEntry a) {
        return sourced(map("substance", a.substance().label(), "clinicalStatus", a.clinicalStatus(),
                "criticality", a.criticality(), "reactions", a.reactions(), "recorded", a.recorded().asGiven()), a.source());
    }

    static Map<String, Object> immunization(ImmunizationEntry i) {
        return sourced(map("vaccine", i.vaccine().label(), "status", i.status(), "date", i.date().asGiven()), i.source());
    }

    static Map<String, Object> encounter(EncounterEntry e) {
        return sourced(map("type", e.type().label(), "class", e.encounterClass(), "status", e.status(),
                "start", e.start().asGiven(), "end", e.end().asGiven(), "provider", e.provider()), e.source());
    }

    static Map<String, Object> document(DocumentEntry d) {
        return sourced(map("type", d.type().label(), "date", d.date().asGiven(), "status", d.status(),
                "attachments", d.attachments().size()), d.source());
    }

    static Map<String, Object> coverage(CoverageEntry c) {
        return sourced(map("payer", c.payer(), "type", c.type(), "status", c.status(), "start", c.start().asGiven(),
                "end", c.end().asGiven(), "derived", c.derived()), c.source());
    }

    static Map<String, Object> claim(ClaimEntry c) {
        return sourced(map("kind", c.kind(), "type", c.type(), "status", c.status(), "created", c.created().asGiven(),
                "billed", Double.isNaN(c.billed()) ? null : c.billed(), "paid", Double.isNaN(c.paid()) ? null : c.paid(),
                "currency", c.currency()), c.source());
    }

    static Map<String, Object> vital(VitalReading r) {
        Map<String, Object> e = map("effective", r.when().asGiven(), "value", r.value());
        if (r.hasSecond()) {
            e.put("diastolic", r.second());
        }
        e.put("unit", r.unit());
        ReportParts.putFlag(e, r.assessment());
        return sourced(e, r.source());
    }

    static Map<String, Object> timelineItem(TimelineItem i) {
        if (org.chartlens.domain.Restrictions.isMasked(i.source())) {
            return map("restricted", true, "when", i.when(), "org", i.source().org(), "detail", i.detail());
        }
        return sourced(map("label", i.label(), "when", i.when()), i.source());
    }

    /** " [Clinic A, Hospital B]" for a person's chart, "" for one record. */
    static String orgsSuffix(Source s, boolean person, Function<String, String> names) {
        if (!person || s == null) {
            return "";
        }
        return "  [" + String.join(", ", s.orgs().stream().map(names).toList()) + "]";
    }

    /** One indented line per difference ("      differ on status: active (A) · stopped (B)"). */
    static void differences(StringBuilder sb, Source s, Function<String, String> names) {
        if (s == null) {
            return;
        }
        for (Source.Difference d : s.differences()) {
            sb.append("      differ on ").append(d.field()).append(": ").append(d.describe(names)).append('\n');
        }
    }
}
