package org.chartlens.testing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.Source;
import org.chartlens.store.ChartStore;

/**
 * The raw JSON behind every row of a built chart, as "raw JSON and source" would show it: rows
 * keep only their resource's name ({@link Source}, issue 21), so a test that checks nothing
 * restricted is reachable from a masked chart reads each named resource from the cache. Finds the
 * sources through the records' {@code toString} (every {@code Source[org=.., type=.., id=..}),
 * so no kind of row is missed.
 */
public final class RowsJson {
    private static final Pattern SOURCE = Pattern.compile("Source\\[org=([^,\\]]*), type=([^,\\]]*), id=([^,\\]]*),");

    /** Every resource's JSON: these checks look for what leaked, so nothing is held back here. */
    private static final org.chartlens.domain.Disclosure ALL = new org.chartlens.domain.Disclosure(true, false);

    private RowsJson() {
    }

    /** The JSON of every resource a row of {@code built} names, one per line, each once. */
    public static String of(Object built, ChartStore store) {
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        Matcher m = SOURCE.matcher(String.valueOf(built));
        while (m.find()) {
            if (seen.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3))) {
                ChartQuery.resourceJson(store, new Source(m.group(1), m.group(2), m.group(3)), ALL)
                        .ifPresent(j -> out.append(j).append('\n'));
            }
        }
        return out.toString();
    }

    /** How many distinct resources the rows of {@code built} name. */
    public static int count(Object built) {
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = SOURCE.matcher(String.valueOf(built));
        while (m.find()) {
            seen.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
        }
        return seen.size();
    }
}
