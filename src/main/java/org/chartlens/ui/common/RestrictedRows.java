package org.chartlens.ui.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.TableView;
import org.chartlens.domain.HiddenRecord;
import org.chartlens.domain.Restrictions;
import org.chartlens.domain.Source;

/**
 * Marks the rows of restricted records once the glass is broken (issue 18): while a chart's tab
 * views are built ({@link #building}), every table with sources ({@link Tables#withSource}) gets a
 * first column "Restricted" naming the reason (and 42 CFR Part 2) on those rows. Nothing changes
 * for a chart without shown restricted records. FX thread.
 */
public final class RestrictedRows {
    private static Restrictions current = Restrictions.NONE;

    private RestrictedRows() {
    }

    /** Builds a view with {@code r} in force (FX thread). */
    public static <T> T building(Restrictions r, Supplier<T> build) {
        Restrictions before = current;
        current = r == null ? Restrictions.NONE : r;
        try {
            return build.get();
        } finally {
            current = before;
        }
    }

    /**
     * "⚠ 42 CFR Part 2" / "⚠ mental health" when one of {@code sources} is a restricted record shown
     * in the chart in force (the glass broken), else "". For lines that are not table rows (the
     * Summary's cards).
     */
    public static String tag(List<Source> sources) {
        Restrictions r = current;
        if (!r.shown() || !r.any()) {
            return "";
        }
        for (Source s : sources) {
            for (Source one : s == null ? List.<Source>of() : s.all()) {
                HiddenRecord h = r.find(one.org(), one.reference());
                if (h != null) {
                    return h.why().part2() ? "⚠ 42 CFR Part 2" : "⚠ " + h.why().basis();
                }
            }
        }
        return "";
    }

    /** Adds the column when the chart in force shows restricted records. */
    static <T> void mark(TableView<T> table, Function<T, Source> source) {
        Restrictions r = current;
        if (!r.shown() || !r.any()) {
            return;
        }
        table.getColumns().add(0, Tables.text("Restricted", 200, row -> {
            Source s = source.apply(row);
            if (s == null) {
                return "";
            }
            for (Source one : s.all()) {
                HiddenRecord h = r.find(one.org(), one.reference());
                if (h != null) {
                    return h.why().part2() ? "⚠ 42 CFR Part 2" : "⚠ " + h.why().basis();
                }
            }
            return "";
        }));
    }
}
