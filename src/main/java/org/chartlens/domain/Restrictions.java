package org.chartlens.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The restricted records of one open chart (issue 18, decision 0701): hidden (masked) until the
 * glass is broken, then {@code shown} and marked. Holds no clinical content: organization, type,
 * date and labels only. Immutable.
 *
 * @param records every restricted record, in chart order
 * @param shown   true when they are in the chart's model (the glass is broken); false when masked
 */
public record Restrictions(List<HiddenRecord> records, boolean shown) {
    public static final Restrictions NONE = new Restrictions(List.of(), false);
    /** The {@link Source#type()} of a masked placeholder (a grey timeline item): no resource behind it. */
    public static final String MASKED_TYPE = "Restricted";

    /**
     * The regulation's short notice to accompany a disclosure of Part 2 records: statement 2 of
     * 42 CFR 2.32(a) as revised by the 2024 final rule (89 FR 12472; compliance from 16 Feb 2026),
     * quoted in decision 0701 with its sources.
     */
    public static final String PART2_NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

    public Restrictions {
        records = List.copyOf(records);
    }

    /** True for a masked placeholder's source (no id, no resource behind it, nothing to open). */
    public static boolean isMasked(Source s) {
        return s != null && MASKED_TYPE.equals(s.type());
    }

    /** These and {@code more} (a person's records), shown when both are. */
    public Restrictions plus(Restrictions more) {
        List<HiddenRecord> all = new ArrayList<>(records);
        all.addAll(more.records);
        return new Restrictions(all, shown || more.shown);
    }

    public boolean any() {
        return !records.isEmpty();
    }

    /** True when some restricted records are hidden from the model. */
    public boolean masked() {
        return any() && !shown;
    }

    public int count() {
        return records.size();
    }

    /** True when a Part 2 record is among them (the redisclosure notice applies once shown). */
    public boolean part2() {
        return records.stream().anyMatch(r -> r.why().part2());
    }

    /** The records of these resource types (a tab's). */
    public List<HiddenRecord> ofTypes(Set<String> types) {
        return records.stream().filter(r -> types.contains(r.type())).toList();
    }

    /** The record for a reference at an organization, or null (a row shown after breaking the glass). */
    public HiddenRecord find(String org, String reference) {
        for (HiddenRecord r : records) {
            if (r.org().equals(org) && r.reference().equals(reference)) {
                return r;
            }
        }
        return null;
    }

    /** True when a row's source (or one of its merged sources) is a restricted record. */
    public boolean covers(Source s) {
        if (s == null || records.isEmpty()) {
            return false;
        }
        for (Source one : s.all()) {
            if (find(one.org(), one.reference()) != null) {
                return true;
            }
        }
        return false;
    }

    /** Every distinct reason, in order ("substance-use treatment (42 CFR Part 2)"). */
    public List<String> reasons() {
        Set<String> out = new LinkedHashSet<>();
        records.forEach(r -> out.add(r.why().basis()));
        return List.copyOf(out);
    }

    /** All label codes, each once, for the audit log. */
    public String codes() {
        Set<String> out = new LinkedHashSet<>();
        records.forEach(r -> out.addAll(List.of(r.why().codes().split(" "))));
        out.remove("");
        return String.join(" ", out);
    }

    /**
     * One line per organization and reason, no content: "3 restricted records hidden · from
     * Credible · reason: substance-use treatment (42 CFR Part 2)".
     */
    public List<String> summary(List<HiddenRecord> of, Function<String, String> orgNames) {
        return summary(of, orgNames, shown ? "shown" : "hidden");
    }

    /**
     * As {@link #summary(List, Function)} with the state in other words ("not included" in a
     * document): "3 restricted records not included · from Credible · reason: mental health".
     */
    public List<String> summary(List<HiddenRecord> of, Function<String, String> orgNames, String state) {
        List<String> lines = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        of.forEach(r -> keys.add(r.org() + "\u0000" + r.why().basis()));
        for (String k : keys) {
            String org = k.substring(0, k.indexOf('\u0000'));
            String reason = k.substring(k.indexOf('\u0000') + 1);
            long n = of.stream().filter(r -> r.org().equals(org) && r.why().basis().equals(reason)).count();
            lines.add((n == 1 ? "Restricted record " : n + " restricted records ") + state + " · from "
                    + orgNames.apply(org) + " · reason: " + reason);
        }
        return lines;
    }

    /** "Restricted record hidden", "3 restricted records hidden", "... shown". */
    public static String line(long n, boolean shown) {
        String what = n == 1 ? "Restricted record" : n + " restricted records";
        return what + (shown ? " shown" : " hidden");
    }
}
