package org.chartlens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.chart.ChartViewModel;
import org.chartlens.ui.common.BeforeAfterDialog;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.Fx;
import org.chartlens.ui.testing.SyntheaBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a person (a clinic's and a hospital's record of one Synthea patient, linked) that Alice
 * reviewed; since then the clinic amended a problem, the hospital added a problem and a weight, and
 * re-sent an encounter with only a new {@code meta.lastUpdated}. The Summary's "What's new" lists
 * the three by organization, the Problems tab marks the amended and the new one in words, the
 * re-stamped encounter is not marked, and the changed problem opens as before/after. Both themes
 * (target/screenshots; docs/screenshots with -Dchartlens.updateScreenshots=true).
 */
class ReviewScreenshotsTest {
    static final Function<String, String> NAMES = Map.of("riverside", "Riverside Family Clinic",
            "stmary", "St. Mary's Hospital")::get;

    @TempDir
    static Path dir;

    /** Alice, reviewing on this workstation (marks go to the store directly in this test). */
    static final org.chartlens.ui.port.ReviewPort ALICE = new org.chartlens.ui.port.ReviewPort() {
        @Override
        public String reviewer() {
            return "alice";
        }

        @Override
        public Instant mark(List<PatientRef> records) {
            throw new UnsupportedOperationException();
        }
    };

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    @Test
    void whatsNewOnTheSummaryAndMarksInTheProblemsTabInBothThemes() throws Exception {
        try (ChartCache cache = ChartCache.open(dir.resolve("cache.db"), new byte[32])) {
            List<StoredResource> base = SyntheaBundles.read(SyntheaBundles.columbus("Babette571"), "x");
            String patient = base.stream().filter(r -> r.type().equals("Patient")).findFirst().orElseThrow().id();
            List<StoredResource> rows = new ArrayList<>();
            for (StoredResource r : base) {
                rows.add(copy(r, "riverside", r.json()));
                if (r.type().equals("Patient") || (r.effective() != null && r.effective().compareTo("2015") >= 0)) {
                    rows.add(copy(r, "stmary", r.json()));
                }
            }
            cache.putAll(rows);
            PatientRef clinic = new PatientRef("riverside", patient);
            PatientRef hospital = new PatientRef("stmary", patient);
            cache.persons().link(clinic, hospital, List.of(), "test");
            List<PatientRef> records = List.of(clinic, hospital);
            Instant reviewedAt = Instant.now().minusSeconds(3 * 86400);
            ChartQuery.reviewSnapshot(cache, records).forEach((ref, snap) ->
                    cache.reviews().mark("alice", ref, reviewedAt, snap.resources(), snap.json(), "test"));

            // since Alice's review: an amended problem, a new problem and a weight, a re-stamped encounter
            StoredResource problem = rows.stream().filter(r -> r.org().equals("riverside") && r.type().equals("Condition")
                    && r.json().contains("\"active\"") && !r.json().contains("(finding)")).findFirst().orElseThrow();
            StoredResource encounter = rows.stream().filter(r -> r.org().equals("stmary") && r.type().equals("Encounter"))
                    .findFirst().orElseThrow();
            String amended = problem.json().substring(0, problem.json().lastIndexOf('}'))
                    + ",\"note\":[{\"text\":\"Reviewed with cardiology; plan changed\"}]}";
            String stamped = "{\"meta\":{\"lastUpdated\":\"2026-12-05T09:00:00Z\",\"versionId\":\"7\"},"
                    + encounter.json().substring(encounter.json().indexOf('{') + 1);
            cache.putAll(List.of(copy(problem, "riverside", amended), copy(encounter, "stmary", stamped),
                    new StoredResource("stmary", "Condition", "new-htn", patient, "2026-12-04", "active", null,
                            "{\"resourceType\":\"Condition\",\"id\":\"new-htn\",\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},"
                                    + "\"verificationStatus\":{\"coding\":[{\"code\":\"confirmed\"}]},\"category\":[{\"coding\":"
                                    + "[{\"code\":\"problem-list-item\"}]}],\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                                    + "\"code\":\"59621000\",\"display\":\"Essential hypertension (disorder)\"}]},"
                                    + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"onsetDateTime\":\"2026-12-04\"}"),
                    new StoredResource("stmary", "Observation", "new-weight", patient, "2026-12-04T10:00:00Z", "final",
                            "http://loinc.org|29463-7", "{\"resourceType\":\"Observation\",\"id\":\"new-weight\",\"status\":\"final\","
                                    + "\"category\":[{\"coding\":[{\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":"
                                    + "\"http://loinc.org\",\"code\":\"29463-7\",\"display\":\"Body Weight\"}]},\"subject\":"
                                    + "{\"reference\":\"Patient/" + patient + "\"},\"effectiveDateTime\":\"2026-12-04T10:00:00Z\","
                                    + "\"valueQuantity\":{\"value\":71.5,\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}}")));

            ReviewDiff diff = ChartQuery.changesSince(cache, records, "alice");
            assertEquals(2, diff.newCount());
            assertEquals(1, diff.changedCount(), "the re-stamped encounter is not a change: " + diff.items());
            assertEquals(List.of("note"), ReviewDiff.changedFields(diff.items().stream()
                    .filter(i -> i.kind() == ReviewDiff.Kind.CHANGED).findFirst().orElseThrow().beforeJson(), amended));
            assertTrue(ChartQuery.changesSince(cache, records, "bob").items().isEmpty(), "Bob has not reviewed: no marks for him");
            ChartData data = ChartQuery.openPerson(cache, records, UnitSystem.METRIC, LocalDate.now());

            for (boolean dark : List.of(false, true)) {
                for (String tab : List.of("summary", "problems")) {
                    String name = "review-" + (dark ? "dark" : "light") + "-" + tab;
                    Path out = ChartScreenshotsTest.OUT.resolve(name + ".png");
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    ChartView[] view = new ChartView[1];
                    Screenshots.render(() -> {
                        ChartViewModel vm = new ChartViewModel(cache, new SameThreadTaskExecutor(), records, () -> NAMES)
                                .withReviews(ALICE);
                        vm.show(data, NAMES, diff);
                        view[0] = new ChartView(vm, new SameThreadTaskExecutor(), f -> { }, dark);
                        return view[0];
                    }, () -> view[0].select(tab), dark, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, out);
                    String all = String.join("\n", Fx.call(() -> ChartScreenshotsTest.visibleTexts(view[0])));
                    assertTrue(all.contains("2 new, 1 changed since "), "the banner's review line counts them: " + all);
                    assertTrue(all.contains("Reviewer: alice"), all);
                    if (tab.equals("summary")) {
                        assertTrue(all.contains("What's new"), all);
                        assertTrue(all.contains("Riverside Family Clinic (1)") && all.contains("St. Mary's Hospital (2)"),
                                "grouped by organization: " + all);
                        assertTrue(all.contains("Essential hypertension (disorder) · Problem") && all.contains("Body Weight"), all);
                    } else {
                        TableView<?> active = Fx.call(() -> (TableView<?>) view[0].tabContent("problems").lookup("#problems-active"));
                        List<String> marks = Fx.call(() -> {
                            TableColumn<?, ?> c = active.getColumns().get(0);
                            List<String> out2 = new ArrayList<>();
                            for (int i = 0; i < active.getItems().size(); i++) {
                                Object v = c.getCellData(i);
                                if (v != null && !v.toString().isEmpty()) {
                                    out2.add(v.toString());
                                }
                            }
                            return out2;
                        });
                        assertEquals("Since review", Fx.call(() -> active.getColumns().get(0).getText()));
                        assertEquals(List.of("Changed", "New"), marks.stream().sorted().toList(),
                                "the amended and the new problem are marked, nothing else");
                    }
                    ChartScreenshotsTest.assertPicture(out, ChartScreenshotsTest.WIDTH, ChartScreenshotsTest.HEIGHT, dark);
                    if (Boolean.getBoolean("chartlens.updateScreenshots")) {
                        Files.copy(out, Path.of("docs/screenshots").resolve(out.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            ReviewDiff.Item changed = diff.items().stream().filter(i -> i.kind() == ReviewDiff.Kind.CHANGED).findFirst().orElseThrow();
            String fields = Fx.call(() -> ((Label) BeforeAfterDialog.dialog(changed, new OrgLegend(List.of("riverside", "stmary"), NAMES))
                    .getDialogPane().getContent().lookup("#before-after-fields")).getText());
            assertEquals("Changed: note", fields);
        }
    }

    static StoredResource copy(StoredResource r, String org, String json) {
        return new StoredResource(org, r.type(), r.id(), r.patientId(), r.effective(), r.status(), r.code(), json);
    }
}
