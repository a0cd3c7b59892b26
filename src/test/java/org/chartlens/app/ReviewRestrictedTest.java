package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.LabelledBundle;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.domain.Disclosure;
import org.chartlens.domain.PatientRef;
import org.chartlens.fhir.FhirJson;
import org.chartlens.store.ChartCache;
import org.chartlens.sync.ChartImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 17 and 18 together: restricted records that arrive after a review are not listed as
 * "new" (nor their text shown) while the chart is masked, and are once the glass is broken.
 */
class ReviewRestrictedTest {
    private static final Set<String> OPEN_IDS = Set.of(LabelledBundle.PATIENT, "checkup", "htn", "lis", "bp");

    @TempDir
    Path dir;

    @Test
    void restrictedArrivalsStayOutOfWhatsNewUntilTheGlassIsBroken() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), key)) {
            PatientRef ref = importBundle(cache, openOnly());
            Reviews.mark(cache, List.of(ref), "alice", "test:review");
            assertEquals(ref, importBundle(cache, LabelledBundle.json()));

            ReviewDiff masked = ChartQuery.changesSince(cache, List.of(ref), "alice");
            assertTrue(masked.reviewed());
            assertEquals(Set.of(), ids(masked), "restricted arrivals must not be listed while masked");
            String maskedText = masked.items().toString();
            for (String secret : LabelledBundle.SECRETS) {
                assertFalse(maskedText.contains(secret), secret);
            }

            ReviewDiff shown = ChartQuery.changesSince(cache, List.of(ref), "alice", new Disclosure(true, false));
            assertEquals(Set.of("Condition/mdd", "Condition/oud", "DocumentReference/otp-note", "Encounter/otp",
                    "MedicationRequest/bup"), ids(shown));
            assertTrue(shown.items().stream().allMatch(i -> i.kind() == ReviewDiff.Kind.NEW));
        }
    }

    private static Set<String> ids(ReviewDiff d) {
        Set<String> out = new TreeSet<>();
        d.items().forEach(i -> out.add(i.reference()));
        return out;
    }

    /** The labelled bundle without its restricted resources. */
    private static String openOnly() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode bundle = (ObjectNode) m.readTree(LabelledBundle.json());
        ArrayNode kept = m.createArrayNode();
        bundle.withArray("entry").forEach(e -> {
            if (OPEN_IDS.contains(e.path("resource").path("id").asText())) {
                kept.add(e);
            }
        });
        bundle.set("entry", kept);
        return m.writeValueAsString(bundle);
    }

    private PatientRef importBundle(ChartCache cache, String json) throws Exception {
        Path f = dir.resolve("credible-export.json");
        Files.writeString(f, json);
        ChartImport.Result r = new ChartImport(cache, new FhirJson()).importPath(f);
        return new PatientRef(r.org(), LabelledBundle.PATIENT);
    }
}
