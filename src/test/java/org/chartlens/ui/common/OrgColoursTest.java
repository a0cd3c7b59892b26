package org.chartlens.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * One organization, one colour (issue 14): the worklist's chips and a chart's chips, trend charts
 * and timeline lanes all read {@link OrgLegend#colour}; a chart's legend built on the worklist's
 * {@link OrgColours} gives each organization the worklist's colour whatever the records' order.
 */
class OrgColoursTest {
    private static final Function<String, String> NAMES = id -> id.toUpperCase();

    @Test
    void aChartGivesEachOrganizationTheWorklistsColourWhateverTheRecordOrder() {
        List<String> all = List.of("veracity", "credible", "insync", "payer");
        OrgLegend worklist = new OrgLegend(List.of("credible", "insync", "payer", "veracity"), NAMES, OrgColours.of(all));
        // a person whose first record is at Veracity: record order used to decide the colour
        OrgLegend chart = new OrgLegend(List.of("veracity", "insync"), NAMES, worklist.colours());

        assertEquals(worklist.colour("veracity"), chart.colour("veracity"));
        assertEquals(worklist.colour("insync"), chart.colour("insync"));
        assertNotEquals(chart.colour("veracity"), chart.colour("insync"));
        assertEquals(List.of("veracity", "insync"), chart.orgs(), "the chips still follow the records' order");
    }

    @Test
    void coloursGoByOrganizationIdNotByTheOrderTheyWereGiven() {
        OrgColours a = OrgColours.of(List.of("b", "a", "c"));
        OrgColours b = OrgColours.of(List.of("c", "b", "a", "a"));
        for (String o : List.of("a", "b", "c")) {
            assertEquals(a.colour(o), b.colour(o), o);
        }
        assertEquals(OrgColours.PALETTE[0], a.colour("a"), "the first id in sorted order gets the first colour");
        // without the worklist's colours (screenshots, the command line) a chart sorts its own ids the same way
        assertEquals(new OrgLegend(List.of("c", "a"), NAMES).colour("a"), OrgColours.PALETTE[0]);
    }

    @Test
    void anOrganizationTheWorklistDidNotKnowGetsAColourOfItsOwn() {
        OrgColours known = OrgColours.of(List.of("a", "b", "c"));
        OrgLegend chart = new OrgLegend(List.of("b", "new"), NAMES, known);

        assertEquals(known.colour("b"), chart.colour("b"), "the known keep theirs");
        Set<String> colours = new HashSet<>();
        for (String o : List.of("a", "b", "c", "new")) {
            colours.add(chart.colour(o));
        }
        assertEquals(4, colours.size(), "four organizations, four colours");
    }
}
