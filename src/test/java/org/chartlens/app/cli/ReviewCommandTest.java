package org.chartlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.Reviews;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.store.StoredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chartlens review}: the reviewer (CHARTLENS_REVIEWER first), what it prints after a review
 * and a change (text and JSON), and that --mark's review is the reviewer's own.
 */
class ReviewCommandTest {
    @TempDir
    Path data;

    private ChartLensContext context(String reviewer) {
        return new ChartLensContext(data, PassphraseSource.fixed("review-cli-pass".toCharArray()),
                reviewer == null ? Map.of("CHARTLENS_SECRET_STORE", "file")
                        : Map.of("CHARTLENS_SECRET_STORE", "file", ChartLensContext.REVIEWER_ENV, reviewer));
    }

    private static StoredResource condition(String id, String text) {
        return new StoredResource("demo", "Condition", id, "p1", "2026-12-01", "active", null,
                "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"code\":{\"text\":\"" + text + "\"},"
                        + "\"subject\":{\"reference\":\"Patient/p1\"}}");
    }

    @Test
    void printsWhatIsNewAndChangedForTheReviewerInTextAndJson() throws Exception {
        try (ChartLensContext ctx = context("Dr Alice")) {
            assertEquals("Dr Alice", Reviews.reviewer(ctx));
            ctx.cache().putAll(List.of(new StoredResource("demo", "Patient", "p1", "p1", null, null, null,
                    "{\"resourceType\":\"Patient\",\"id\":\"p1\"}"), condition("c1", "Asthma")));
            PatientRef p1 = new PatientRef("demo", "p1");
            Reviews.mark(ctx.cache(), List.of(p1), Reviews.reviewer(ctx), "cli:review");
            ctx.cache().putAll(List.of(condition("c1", "Asthma, moderate"), condition("c2", "Hypertension")));
            Person person = ChartQuery.resolvePerson(ctx.cache(), "demo:p1");
            ReviewDiff d = ChartQuery.changesSince(ctx.cache(), person.records(), "Dr Alice");
            OrganizationNames names = new OrganizationNames(ctx.organizations().list());
            String text = ReviewCommand.text(person, "Dr Alice", d, null, names);
            assertTrue(text.contains("1 new, 1 changed since "), text);
            assertTrue(text.contains("new    \tCondition/c2\tHypertension"), text);
            assertTrue(text.contains("changed\tCondition/c1\tAsthma, moderate"), text);
            var json = ReviewCommand.json(person, "Dr Alice", d, Instant.EPOCH, names);
            assertEquals(1, json.path("new").asInt());
            assertEquals(1, json.path("changed").asInt());
            assertEquals("Dr Alice", json.path("reviewer").asText());
            assertEquals(2, json.path("items").size());
            assertTrue(ChartQuery.changesSince(ctx.cache(), person.records(), "bob").items().isEmpty(), "bob never reviewed");
        }
        try (ChartLensContext ctx = context(null)) {
            assertEquals(System.getProperty("user.name"), Reviews.reviewer(ctx), "without a name: the OS user");
        }
    }
}
