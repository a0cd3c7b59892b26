package org.chartlens.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.MedicationGroup;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.Freshness;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a person's summary, medications and timeline with items from three organizations, in
 * both themes (target/screenshots; copied to docs/screenshots with
 * -Dchartlens.updateScreenshots=true). A Synthea patient's record as three organizations would
 * hold it: a clinic with the older history, a hospital with the recent years and what is current (a
 * hyphenated family name, one order stopped, one condition's onset in another year), a pharmacy with recent orders and
 * an allergy nobody else recorded. Checks the scene names every organization and shows the
 * disagreements.
 */
class PersonScreenshotsTest {
    static final Function<String, String> NAMES = Map.of("riverside", "Riverside Family Clinic",
            "stmary", "St. Mary's Hospital", "corner", "Corner Pharmacy")::get;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    /** Three organizations' records of Babette (see the class comment). */
    static final class ThreeOrganizations implements ChartStore {
        final List<StoredResource> rows = new ArrayList<>();
        String patientId;

        ThreeOrganizations() {
            List<StoredResource> base = SyntheaBundles.read(SyntheaBundles.columbus("Babette571"), "x");
            boolean stopped = false;
            boolean shifted = false;
            for (StoredResource r : base) {
                if (r.type().equals("Patient")) {
                    patientId = r.id();
                    rows.add(copy(r, "riverside", r.json()));
                    rows.add(copy(r, "stmary", r.json().replaceFirst("\"family\"\\s*:\\s*\"([^\"]+)\"", "\"family\":\"$1-Lind\"")));
                    rows.add(copy(r, "corner", r.json()));
                    continue;
                }
                String when = r.effective() == null ? "" : r.effective();
                if (when.compareTo("2019") < 0) {
                    rows.add(copy(r, "riverside", r.json()));
                }
                boolean current = r.json().contains("\"status\":\"active\"") || r.json().contains("\"code\":\"active\"");
                if (when.compareTo("2012") >= 0 || when.isEmpty() || current) {
                    String json = r.json();
                    if (!stopped && r.type().equals("MedicationRequest") && json.contains("\"status\":\"active\"")) {
                        json = json.replace("\"status\":\"active\"", "\"status\":\"stopped\"");
                        stopped = true;
                    } else if (!shifted && r.type().equals("Condition") && json.contains("\"code\":\"active\"")
                            && !json.contains("(finding)")) {
                        json = json.replaceFirst("\"onsetDateTime\":\"(\\d{4})", "\"onsetDateTime\":\"2013");
                        shifted = true;
                    }
                    rows.add(copy(r, "stmary", json));
                }
                if (r.type().equals("MedicationRequest") && when.compareTo("2016") >= 0) {
                    rows.add(copy(r, "corner", r.json()));
                }
            }
            rows.add(new StoredResource("corner", "AllergyIntolerance", "pen-1", patientId, "2020-02-01", "active", null,
                    "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"pen-1\",\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},"
                            + "\"criticality\":\"high\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                            + "\"code\":\"91936005\",\"display\":\"Allergy to penicillin\"}]},\"recordedDate\":\"2020-02-01\"}"));
        }

        static StoredResource copy(StoredResource r, String org, String json) {
            return new StoredResource(org, r.type(), r.id(), r.patientId(), r.effective(), r.status(), r.code(), json);
        }

        @Override
        public List<CachedPatient> patients() {
            return rows.stream().filter(r -> r.type().equals("Patient"))
                    .map(r -> new CachedPatient(r.org(), r.id(), r.json(), earlierToday(java.time.Duration.ofMinutes(90)))).toList();
        }

        @Override
        public List<StoredResource> chart(String org, String patient) {
            return rows.stream().filter(r -> r.org().equals(org) && patient.equals(r.patientId())).toList();
        }

        @Override
        public Optional<StoredResource> resource(String org, String type, String id) {
            return Optional.empty();
        }

        @Override
        public List<Freshness> freshness(String org) {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPersonsSummaryMedicationsAndTimelineFromThreeOrganizationsInBothThemes() throws Exception {
        ThreeOrganizations store = new ThreeOrganizations();
        List<PatientRef> records = List.of(new PatientRef("riverside", store.patientId),
                new PatientRef("stmary", store.patientId), new PatientRef("corner", store.patientId));
        ChartData data = ChartQuery.openPerson(store, records, UnitSystem.METRIC, LocalDate.now());
        assertTrue(data.model().medicationGroups().stream().anyMatch(MedicationGroup::statusesDiffer),
                "one medication is active at one organization and stopped at another");
        for (boolean dark : List.of(false, true)) {
            for (String tab : List.of("summary", "medications", "timeline")) {
                String name = "person-" + (dark ? "dark" : "light") + "-" + tab + (tab.equals("timeline") ? "-by-org" : "");
                Path out = ChartScreenshotsTest.OUT.resolve(name + ".png");
                Files.createDirectories(out.getParent());
                Files.deleteIfExists(out);
                ChartView[] view = new ChartView[1];
                Screenshots.render(() -> {
                    ChartViewModel vm = new ChartViewModel(store, new SameThreadTaskExecutor(), records, () -> NAMES);
                    vm.show(data, NAMES);
                    view[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark);
                    return view[0];
                }, () -> {
                    view[0].select(tab);
                    if (tab.equals("medications")) {
                        ((javafx.scene.control.CheckBox) view[0].tabContent(tab).lookup("#medications-current-only"))
                                .setSelected(false);
                        ((javafx.scene.control.TableView<?>) view[0].tabContent(tab).lookup("#medications-table"))
                                .getSelectionModel().select(0);
                    }
                    if (tab.equals("timeline")) {
                        ((javafx.scene.control.ToggleButton) view[0].tabContent(tab).lookup("#timeline-lanes-org"))
                                .setSelected(true);
                    }
                }, dark, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, out);
                List<String> texts = Fx.call(() -> ChartScreenshotsTest.visibleTexts(view[0]));
                String all = String.join("\n", texts);
                for (String org : List.of("Riverside Family Clinic", "St. Mary's Hospital", "Corner Pharmacy")) {
                    assertTrue(all.contains(org), tab + " names " + org + ": " + texts);
                }
                if (tab.equals("summary")) {
                    // every abnormal result names the organization(s) it came from; flags say their word
                    List<String> resultOrgs = Fx.call(() -> {
                        javafx.scene.Parent card = (javafx.scene.Parent) view[0].tabContent(tab).lookup("#summary-results");
                        List<String> found = new java.util.ArrayList<>();
                        for (javafx.scene.Node n : card.getChildrenUnmodifiable().subList(1, card.getChildrenUnmodifiable().size())) {
                            if (n instanceof javafx.scene.control.Label l && l.getText().startsWith("+ ")) {
                                continue;
                            }
                            found.add(String.join(", ", n.lookupAll(".org-chip").stream()
                                    .map(c -> ((javafx.scene.control.Label) c).getText()).toList()));
                        }
                        return found;
                    });
                    assertFalse(resultOrgs.isEmpty(), "the person has abnormal results");
                    assertTrue(resultOrgs.stream().noneMatch(String::isEmpty), "each result's organizations: " + resultOrgs);
                    assertTrue(all.contains("▲ H High"), "a flag says its word: " + texts);
                    assertFalse(all.contains("▲ H  "), "no flag without its word: " + texts);
                }
                assertTrue(all.contains("Also named") && all.contains("-Lind (St. Mary's Hospital)"),
                        "the banner shows both family names: " + texts);
                if (tab.equals("medications")) {
                    assertTrue(all.contains("active (Riverside Family Clinic)") || all.contains("stopped (St. Mary's Hospital)"),
                            "the statuses side by side: " + texts);
                }
                ChartScreenshotsTest.assertPicture(out, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, dark);
                if (Boolean.getBoolean("chartlens.updateScreenshots")) {
                    Path docs = Path.of("docs/screenshots").resolve(out.getFileName());
                    Files.copy(out, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** {@code ago} before now, but not before today's midnight: "pulled today" also just after midnight. */
    static java.time.Instant earlierToday(java.time.Duration ago) {
        java.time.Instant midnight = java.time.LocalDate.now().atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
        java.time.Instant then = java.time.Instant.now().minus(ago);
        return then.isBefore(midnight) ? midnight : then;
    }
}
