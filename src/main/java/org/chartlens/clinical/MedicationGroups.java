package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chartlens.domain.ChartDate;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.MedicationGroup;

/**
 * Orders, statements, dispenses and administrations -> one row per medication: by RxNorm code
 * where present, else by the drug's text. Status now is that of the latest order or statement
 * (events only when there is none); current groups first, then stopped and completed, each newest
 * first. Stateless, thread safe; O(n log n).
 */
public final class MedicationGroups {
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private MedicationGroups() {
    }

    public static List<MedicationGroup> of(List<MedicationEntry> entries) {
        Map<String, List<MedicationEntry>> byKey = new LinkedHashMap<>();
        for (MedicationEntry e : entries) {
            byKey.computeIfAbsent(key(e), k -> new ArrayList<>()).add(e);
        }
        List<MedicationGroup> out = new ArrayList<>();
        Comparator<MedicationEntry> newestFirst = Comparator.comparingLong(
                (MedicationEntry e) -> e.authored().millisOr(Long.MIN_VALUE)).reversed();
        for (List<MedicationEntry> list : byKey.values()) {
            list.sort(newestFirst);
            MedicationEntry latestOrder = list.stream().filter(MedicationGroups::isOrderOrStatement)
                    .findFirst().orElse(list.get(0));
            ChartDate first = ChartDate.NONE;
            for (MedicationEntry e : list) {
                if (e.authored().isPresent()) {
                    first = e.authored();
                }
            }
            String prescriber = "";
            String dosage = "";
            for (MedicationEntry e : list) {
                if (prescriber.isEmpty() && isOrderOrStatement(e)) {
                    prescriber = e.prescriber();
                }
                if (dosage.isEmpty()) {
                    dosage = e.dosage();
                }
            }
            out.add(new MedicationGroup(latestOrder.medication(), latestOrder.status(), latestOrder.active(),
                    first, list.get(0).authored(), prescriber, dosage, list));
        }
        out.sort(Comparator.comparing((MedicationGroup g) -> !g.current())
                .thenComparing(Comparator.comparingLong((MedicationGroup g) -> g.latest().millisOr(Long.MIN_VALUE))
                        .reversed()));
        return List.copyOf(out);
    }

    static boolean isOrderOrStatement(MedicationEntry e) {
        String t = e.source() == null ? "" : e.source().type();
        return t.equals("MedicationRequest") || t.equals("MedicationStatement");
    }

    /** "rxnorm:314076", else "text:lisinopril 10 mg oral tablet". */
    static String key(MedicationEntry e) {
        if (RXNORM.equals(e.medication().system()) && e.medication().code() != null) {
            return "rxnorm:" + e.medication().code();
        }
        return "text:" + e.medication().label().toLowerCase(Locale.ROOT).trim();
    }
}
