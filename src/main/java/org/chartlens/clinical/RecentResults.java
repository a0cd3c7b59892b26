package org.chartlens.clinical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.LabResult;
import org.chartlens.domain.VitalReading;
import org.chartlens.domain.VitalSeries;
import org.chartlens.domain.Vitals;

/**
 * What the Summary and the banner show first: the latest result of each test when it is
 * abnormal and recent, critical first. Stateless, thread safe; linear.
 */
public final class RecentResults {
    /** A latest result more than this older than the chart's newest result is not "recent". */
    public static final long RECENT_MILLIS = 2 * 365L * 86_400_000L;

    private RecentResults() {
    }

    /** The latest result per test, abnormal, within {@link #RECENT_MILLIS} of the newest; critical first, then newest. */
    public static List<LabResult> abnormal(List<LabReport> reports) {
        Map<String, LabResult> latest = new LinkedHashMap<>();
        long newest = Long.MIN_VALUE;
        for (LabReport rep : reports) {
            for (LabResult r : rep.results()) {
                long t = r.when().millisOr(Long.MIN_VALUE);
                newest = Math.max(newest, t);
                String key = r.test().code() != null ? r.test().code() : r.test().label();
                LabResult seen = latest.get(key);
                if (seen == null || seen.when().millisOr(Long.MIN_VALUE) < t) {
                    latest.put(key, r);
                }
            }
        }
        List<LabResult> out = new ArrayList<>();
        for (LabResult r : latest.values()) {
            long t = r.when().millisOr(Long.MIN_VALUE);
            if (r.isAbnormal() && t != Long.MIN_VALUE && newest - t <= RECENT_MILLIS) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing((LabResult r) -> !r.isCritical())
                .thenComparing(Comparator.comparingLong((LabResult r) -> r.when().millisOr(0)).reversed()));
        return out;
    }

    /** Critical results among {@link #abnormal}. */
    public static List<LabResult> critical(List<LabReport> reports) {
        return abnormal(reports).stream().filter(LabResult::isCritical).toList();
    }

    /** The latest vital signs whose flag is critical (e.g. a hypertensive crisis). */
    public static List<VitalReading> criticalVitals(Vitals vitals) {
        List<VitalReading> out = new ArrayList<>();
        for (VitalSeries s : vitals.series().values()) {
            VitalReading r = s.latest();
            if (r != null && r.assessment().critical()) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * "▲ H High  Creatinine 3.1 mg/dL · 2024-05-01 (flagged by ChartLens)": the flag in words
     * beside its symbol and code, and who flagged it (said as such, so that in a person's chart it
     * is not read as the organization the result came from).
     */
    public static String line(LabResult r) {
        String src = switch (r.assessment().source()) {
            case LAB -> "flagged by the lab";
            case LAB_RANGE -> "flagged by the lab's range";
            case CHARTLENS -> "flagged by ChartLens";
            case NONE -> "";
        };
        String words = r.assessment().words();
        return (r.assessment().symbol().isEmpty() ? "" : r.assessment().symbol() + " ") + r.flag()
                + (words.isEmpty() ? "" : " " + words) + "  "
                + r.test().label() + "  " + r.value() + (r.unit().isEmpty() ? "" : " " + r.unit())
                + "   · " + r.when().dateOnly() + (src.isEmpty() ? "" : " (" + src + ")");
    }
}
