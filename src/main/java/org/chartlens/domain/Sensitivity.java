package org.chartlens.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The security labels of one resource ({@code meta.security}, or its Bundle's) as ChartLens reads
 * them, and whether that makes it restricted (decision 0701). Immutable.
 *
 * @param confidentiality v3 Confidentiality code (U, L, M, N, R, V), the most restrictive given, or null
 * @param sensitivity     v3 ActCode information-sensitivity codes (ETH, SUD, PSY, HIV, ...)
 * @param handling        handling caveats and privacy law (NORDSLCD, 42CFRPart2, REDACT, ...)
 * @param origin          how it came to be: labelled by the server, propagated from a linked
 *                        restricted resource, or ChartLens's own inference from its codes
 */
public record Sensitivity(String confidentiality, Set<String> sensitivity, Set<String> handling, Origin origin) {

    /** Where a resource's sensitivity comes from. */
    public enum Origin { LABELLED, LINKED, INFERRED }

    /** Sensitivity codes that mask a resource on their own (v3 ActCode, _ActInformationSensitivityPolicy). */
    public static final Set<String> MASKING_SENSITIVITY = Set.of("ETH", "SUD", "OPIOIDUD", "PSY", "PSYTHPN", "BH",
            "MH", "HIV", "SDV", "SEX", "STD", "GDIS", "REPRO", "SCA", "SICKLE", "TBOO", "DRGIS", "ADOL");
    /** Handling caveats that mask a resource on their own. */
    public static final Set<String> MASKING_HANDLING = Set.of("42CFRPart2", "REDACT");

    public Sensitivity {
        sensitivity = Set.copyOf(new TreeSet<>(sensitivity == null ? Set.of() : sensitivity));
        handling = Set.copyOf(new TreeSet<>(handling == null ? Set.of() : handling));
        origin = origin == null ? Origin.LABELLED : origin;
    }

    /**
     * True when the resource is hidden until the glass is broken: confidentiality R or V, a
     * sensitivity code from {@link #MASKING_SENSITIVITY}, or a caveat from {@link #MASKING_HANDLING}.
     * N, M, L and U alone are not masked.
     */
    public boolean restricted() {
        return "R".equals(confidentiality) || "V".equals(confidentiality)
                || sensitivity.stream().anyMatch(MASKING_SENSITIVITY::contains)
                || handling.stream().anyMatch(MASKING_HANDLING::contains);
    }

    /** True when 42 CFR Part 2 applies (the caveat, or ETH / SUD / OPIOIDUD, substance-use treatment). */
    public boolean part2() {
        return handling.contains("42CFRPart2");
    }

    /** True when the server forbids redisclosure (NORDSLCD, or Part 2). */
    public boolean noRedisclosure() {
        return part2() || handling.contains("NORDSLCD") || handling.contains("NORDSCLCD");
    }

    /** This sensitivity, as reached through a link (same labels, origin LINKED). */
    public Sensitivity linked() {
        return origin == Origin.LINKED ? this : new Sensitivity(confidentiality, sensitivity, handling, Origin.LINKED);
    }

    /** Both label sets (the more restrictive confidentiality); origin of this one. */
    public Sensitivity plus(Sensitivity o) {
        if (o == null) {
            return this;
        }
        Set<String> s = new TreeSet<>(sensitivity);
        s.addAll(o.sensitivity);
        Set<String> h = new TreeSet<>(handling);
        h.addAll(o.handling);
        return new Sensitivity(stricter(confidentiality, o.confidentiality), s, h, origin);
    }

    /** The more restrictive of two Confidentiality codes (U < L < M < N < R < V), null-safe. */
    public static String stricter(String a, String b) {
        String order = "ULMNRV";
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    /** Why it is hidden, in words, no content ("substance-use treatment (42 CFR Part 2)"). */
    public String reason() {
        String text = basis();
        return switch (origin) {
            case LABELLED -> text;
            case LINKED -> text + ", linked to a restricted record";
            case INFERRED -> text + ", ChartLens's inference from its codes";
        };
    }

    /** {@link #reason()} without saying it came through a link (summaries group by it). */
    public String basis() {
        if (origin == Origin.INFERRED) {
            return basisText() + ", ChartLens's inference from its codes";
        }
        return basisText();
    }

    private String basisText() {
        List<String> why = new ArrayList<>();
        for (String c : sensitivity) {
            String w = switch (c) {
                case "ETH", "SUD", "OPIOIDUD", "DRGIS" -> "substance-use treatment";
                case "PSY", "MH", "BH" -> "mental health";
                case "PSYTHPN" -> "psychotherapy notes";
                case "HIV" -> "HIV/AIDS";
                case "SDV" -> "sexual assault, abuse or domestic violence";
                case "SEX", "REPRO" -> "sexual and reproductive health";
                case "STD" -> "sexually transmitted disease";
                case "GDIS" -> "genetic disease";
                case "SCA", "SICKLE" -> "sickle cell";
                case "ADOL" -> "adolescent";
                default -> null;
            };
            if (w != null && !why.contains(w)) {
                why.add(w);
            }
        }
        if (why.isEmpty()) {
            why.add("V".equals(confidentiality) ? "very restricted" : "restricted");
        }
        return String.join(", ", why) + (part2() ? " (42 CFR Part 2)" : "");
    }

    /** The label codes, for the audit log ("R ETH 42CFRPart2"). */
    public String codes() {
        List<String> all = new ArrayList<>();
        if (confidentiality != null) {
            all.add(confidentiality);
        }
        all.addAll(sensitivity);
        all.addAll(handling);
        return String.join(" ", all);
    }
}
