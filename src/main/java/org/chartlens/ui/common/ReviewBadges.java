package org.chartlens.ui.common;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.domain.Source;

/**
 * The "new" / "changed since your review" marks of an open chart (issue 17). While a chart's tab
 * views are built (FX thread, synchronously) its {@link ReviewDiff} is {@link #current()}, as the
 * legend is {@link OrgLegend#current()}, so {@link Tables#withSource} marks every table's rows
 * without each builder passing it along: a "Since review" column saying New or Changed (words,
 * never colour alone) and a tinted row. FX thread.
 */
public final class ReviewBadges {
    private static ReviewDiff current = ReviewDiff.none(null);

    private ReviewBadges() {
    }

    /** The diff in force while tab views are built; {@code none} otherwise. */
    public static ReviewDiff current() {
        return current;
    }

    /** Builds a view with {@code diff} as {@link #current()}. */
    public static <T> T building(ReviewDiff diff, Supplier<T> build) {
        ReviewDiff before = current;
        current = diff == null ? ReviewDiff.none(null) : diff;
        try {
            return build.get();
        } finally {
            current = before;
        }
    }

    /** "New", "Changed" or "" for a row's source. */
    public static String word(ReviewDiff diff, Source s) {
        ReviewDiff.Kind k = diff.kindOf(s);
        return k == null ? "" : k == ReviewDiff.Kind.NEW ? "New" : "Changed";
    }

    /** True when the diff marks anything (a reviewed chart with news). */
    public static boolean marks(ReviewDiff diff) {
        return diff.reviewed() && !diff.items().isEmpty();
    }

    /** The "Since review" column: New / Changed, sortable (marked rows first when sorted). */
    static <T> TableColumn<T, String> column(ReviewDiff diff, Function<T, Source> source) {
        TableColumn<T, String> c = Tables.text("Since review", 95, r -> word(diff, source.apply(r)));
        c.setId("since-review");
        c.getStyleClass().add("since-review-column");
        return c;
    }

    /** Tints a row new / changed (with the words in the column). */
    static <T> void style(TableRow<T> row, ReviewDiff diff, Function<T, Source> source) {
        row.itemProperty().addListener((o, a, item) -> {
            row.getStyleClass().removeAll("row-new", "row-changed");
            ReviewDiff.Kind k = item == null ? null : diff.kindOf(source.apply(item));
            if (k != null) {
                row.getStyleClass().add(k == ReviewDiff.Kind.NEW ? "row-new" : "row-changed");
            }
        });
    }
}
