package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chartlens.domain.ClaimEntry;
import org.chartlens.domain.CoverageEntry;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.Test;

/** Payer names in plain words on the demo patient's real claims; the raw JSON keeps what was sent. */
class ClaimsTest {
    static ParsedChart babette() {
        return ParsedChart.of(SyntheaBundles.raw(SyntheaBundles.columbus("Babette571")));
    }

    @Test
    void syntheaNoInsuranceReadsAsPlainWordsInCoverageAndClaims() {
        ParsedChart chart = babette();
        List<CoverageEntry> coverage = Claims.coverage(chart);
        CoverageEntry none = coverage.stream().filter(c -> c.payer().startsWith("No insurance")).findFirst().orElseThrow();
        assertEquals("No insurance (self-pay)", none.payer());
        assertTrue(coverage.stream().noneMatch(c -> c.payer().contains("NO_INSURANCE")), coverage.toString());
        // the row's source names the resource as sent, whose raw JSON keeps the value
        assertTrue(chart.get(none.source().type(), none.source().id()).raw().json().contains("\"NO_INSURANCE\""),
                "raw JSON keeps the value as sent");

        List<ClaimEntry> claims = Claims.claims(chart);
        assertTrue(claims.stream().anyMatch(c -> c.payer().equals("No insurance (self-pay)")));
        assertTrue(claims.stream().noneMatch(c -> c.payer().contains("NO_INSURANCE")));
        // Claim (not only EOB) rows, whose payer comes from insurance.coverage.display
        assertTrue(claims.stream().anyMatch(c -> c.kind().equals("Claim") && c.payer().equals("No insurance (self-pay)")));
        // Real payer names are untouched
        assertTrue(coverage.stream().anyMatch(c -> c.payer().equals("Cigna Health")));
        assertTrue(coverage.stream().anyMatch(c -> c.payer().equals("Medicare")));
    }

    @Test
    void aCoverageResourceWithThePlaceholderPayerReadsAsWordsToo() {
        String json = "{\"resourceType\":\"Coverage\",\"id\":\"c1\",\"status\":\"active\","
                + "\"payor\":[{\"display\":\"NO_INSURANCE\"}],\"period\":{\"start\":\"2001-03-22\"}}";
        ParsedChart chart = ParsedChart.of(List.of(new org.chartlens.domain.RawResource("demo", "Coverage", "c1", "p1",
                null, null, null, json)));
        CoverageEntry c = Claims.coverage(chart).get(0);
        assertEquals("No insurance (self-pay)", c.payer());
        assertFalse(c.derived());
        assertEquals("Coverage/c1", c.source().reference());
        assertTrue(chart.get("Coverage", "c1").raw().json().contains("NO_INSURANCE"));
    }

    @Test
    void payerDisplayTurnsPlaceholderCodesIntoWordsAndLeavesNamesAlone() {
        assertEquals("No insurance (self-pay)", Claims.payerDisplay("NO_INSURANCE"));
        assertEquals("No insurance (self-pay)", Claims.payerDisplay(" NO_INSURANCE "));
        assertEquals("Dual eligible (Medicare and Medicaid)", Claims.payerDisplay("Dual Eligible"));
        assertEquals("Self pay", Claims.payerDisplay("SELF_PAY"));
        assertEquals("Blue Cross Blue Shield", Claims.payerDisplay("Blue Cross Blue Shield"));
        assertEquals("AETNA", Claims.payerDisplay("AETNA"), "an upper-case name is a name, not a code");
        assertEquals("UnitedHealthcare", Claims.payerDisplay("UnitedHealthcare"));
        assertEquals("", Claims.payerDisplay(null));
        assertFalse(Claims.payerDisplay("NO_INSURANCE").contains("_"));
    }
}
