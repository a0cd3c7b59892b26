package org.chartlens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.Completeness;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.SignInState;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.Freshness;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.chart.CompletenessFixes;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the chart's Completeness tab for a person at three organizations (the records of
 * {@link PersonScreenshotsTest}): the hospital's last medication pull failed and its sign-in runs out
 * in 3 days, the pharmacy offers no problems and did not grant immunizations. Checks the words, the
 * line under the banner and that each fix button reaches the desktop's fixes; light and dark PNGs.
 */
class CompletenessScreenshotsTest {
    private static final Instant NOW = Instant.now();

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    /** The three organizations' records with their sync state. */
    static final class WithFreshness implements ChartStore {
        final PersonScreenshotsTest.ThreeOrganizations records = new PersonScreenshotsTest.ThreeOrganizations();

        @Override
        public List<CachedPatient> patients() {
            return records.patients();
        }

        @Override
        public List<StoredResource> chart(String org, String patientId) {
            return records.chart(org, patientId);
        }

        @Override
        public Optional<StoredResource> resource(String org, String type, String id) {
            return Optional.empty();
        }

        @Override
        public List<Freshness> freshness(String org) {
            Instant ok = PersonScreenshotsTest.earlierToday(Duration.ofMinutes(90));
            List<Freshness> out = new ArrayList<>();
            for (String type : Completeness.TYPES.keySet()) {
                out.add(new Freshness(org, type, ok, null, null, "ok"));
            }
            if (org.equals("stmary")) {
                out.replaceAll(f -> f.type().equals("MedicationRequest") ? new Freshness(org, f.type(), ok.minus(Duration.ofDays(6)),
                        "St. Mary's Hospital answered 503 (temporarily unavailable)", ok, "failed") : f);
            }
            if (org.equals("corner")) {
                out.replaceAll(f -> switch (f.type()) {
                    case "Condition", "Encounter", "Procedure", "CarePlan", "DiagnosticReport", "DocumentReference" ->
                            new Freshness(org, f.type(), null, "The server does not offer " + f.type() + ".", ok, "unsupported");
                    case "Immunization" -> new Freshness(org, f.type(), null, "The sign-in did not grant Immunization.", ok,
                            "not-granted");
                    default -> f;
                });
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    /** The desktop's fixes, recorded. */
    static final class Recorded implements CompletenessFixes {
        final List<String> done = new ArrayList<>();

        @Override
        public Map<String, SignInState> signIns(Collection<String> orgs) {
            return Map.of("riverside", new SignInState("riverside", true, NOW.plus(Duration.ofDays(61)), true),
                    "stmary", new SignInState("stmary", true, NOW.plus(Duration.ofDays(3)).plusSeconds(600), true),
                    "corner", new SignInState("corner", true, null, true));
        }

        @Override
        public void signInAgain(String org) {
            done.add("sign-in " + org);
        }

        @Override
        public void syncNow(String org, String patientId) {
            done.add("sync " + org + ":" + patientId);
        }
    }

    @Test
    void completenessTabForThreeOrganizationsInBothThemes() throws Exception {
        WithFreshness store = new WithFreshness();
        String id = store.records.patientId;
        List<PatientRef> refs = List.of(new PatientRef("riverside", id), new PatientRef("stmary", id),
                new PatientRef("corner", id));
        ChartData data = ChartQuery.openPerson(store, refs, UnitSystem.METRIC, LocalDate.now());
        for (boolean dark : List.of(false, true)) {
            Path out = ChartScreenshotsTest.OUT.resolve("completeness-" + (dark ? "dark" : "light") + ".png");
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
            ChartView[] view = new ChartView[1];
            Recorded fixes = new Recorded();
            Screenshots.render(() -> {
                ChartViewModel vm = new ChartViewModel(store, new SameThreadTaskExecutor(), refs, () -> PersonScreenshotsTest.NAMES);
                vm.setFixes(fixes);
                vm.show(data, PersonScreenshotsTest.NAMES);
                view[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark);
                return view[0];
            }, () -> view[0].select("completeness"), dark, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, out);

            String line = Fx.call(() -> view[0].completenessLine().isVisible() ? view[0].completenessLine().getText() : "");
            assertEquals("⚠ Medications unknown at St. Mary's Hospital: the last sync failed (1 more gap) · sign-in at "
                    + "St. Mary's Hospital runs out in 3 days (see Completeness)", line);
            String all = String.join("\n", Fx.call(() -> ChartScreenshotsTest.visibleTexts(view[0].tabContent("completeness"))));
            for (String words : List.of("Riverside Family Clinic", "St. Mary's Hospital", "Corner Pharmacy",
                    "Unknown: failed at the last sync", "503 (temporarily unavailable)", "The sign-in runs out in 3 days",
                    "Unknown: not offered by this organization's server", "Unknown: not granted at sign-in", "pulled today",
                    "Sign in again", "Sync now")) {
                assertTrue(all.contains(words), words + " in: " + all);
            }
            assertFalse(all.contains(id), "no FHIR id where names suffice");
            Button sync = Fx.call(() -> (Button) view[0].tabContent("completeness").lookup("#fix-stmary-medicationrequest"));
            assertNotNull(sync, "the failed cell offers its fix");
            assertEquals("Sync now", sync.getText());
            Fx.run(sync::fire);
            Button signIn = Fx.call(() -> (Button) view[0].tabContent("completeness").lookup("#fix-stmary-sign-in"));
            Fx.run(signIn::fire);
            assertEquals(List.of("sync stmary:" + id, "sign-in stmary"), fixes.done);
            ChartScreenshotsTest.assertPicture(out, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, dark);
            if (Boolean.getBoolean("chartlens.updateScreenshots")) {
                Files.copy(out, Path.of("docs/screenshots").resolve(out.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
