package org.chartlens.ui.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import org.chartlens.clinical.LabelledBundle;
import org.chartlens.fhir.FhirJson;
import org.chartlens.store.ChartCache;
import org.chartlens.sync.ChartImport;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 in the worklist: a person with restricted records says so under the name ("Restricted
 * records"), never what; a person without says nothing; ChartLens's inference from codes counts
 * only when that setting is on.
 */
class WorklistRestrictedTest {
    static ChartCache cache;

    @BeforeAll
    static void setUp() throws Exception {
        Fx.stage();
        Path dir = Files.createTempDirectory("chartlens-wl-restricted");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        cache = ChartCache.open(dir.resolve("cache.db"), key);
        LabelledBundle.importInto(cache, dir);
        // no label anywhere, but an ICD-10-CM F11.20 diagnosis: restricted only by ChartLens's inference
        Path unlabelled = dir.resolve("clinic-export.json");
        Files.writeString(unlabelled, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p-infer\",\"name\":[{\"family\":\"Ibarra\","
                + "\"given\":[\"Lena\"]}],\"birthDate\":\"1980-05-05\"}},"
                + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p-infer\"},"
                + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"F11.20\","
                + "\"display\":\"Opioid dependence, uncomplicated\"}]}}},"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p-open\",\"name\":[{\"family\":\"Nakamura\","
                + "\"given\":[\"Ken\"]}],\"birthDate\":\"1970-01-01\"}}]}");
        new ChartImport(cache, new FhirJson()).importPath(unlabelled);
    }

    @AfterAll
    static void tearDown() {
        cache.close();
    }

    static WorklistViewModel model(boolean infer) {
        WorklistViewModel vm = new WorklistViewModel(() -> cache, new SameThreadTaskExecutor());
        vm.setInferSensitive(() -> infer);
        return vm;
    }

    static Map<String, String> notes(WorklistViewModel vm) throws Exception {
        Fx.run(vm::refresh);
        Fx.settle();
        return Fx.call(() -> vm.rows().stream().collect(Collectors.toMap(r -> r.summary().name(), vm::restrictedNote)));
    }

    @Test
    void aPersonWithRestrictedRecordsIsMarkedInWordsWithoutTheirContent() throws Exception {
        WorklistViewModel vm = model(false);
        WorklistView v = Fx.call(() -> new WorklistView(vm, r -> { }, r -> { }, () -> { }));
        Fx.show(v);
        Map<String, String> notes = notes(vm);
        assertEquals(3, notes.size(), notes.toString());
        assertEquals("Restricted records", notes.get("Dana Okafor"), notes.toString());
        assertEquals("", notes.get("Ken Nakamura"));
        assertEquals("", notes.get("Lena Ibarra"), "no label, inference off");
        List<String> texts = Fx.call(() -> v.lookupAll(".label").stream().map(n -> ((Label) n).getText())
                .filter(t -> t != null).toList());
        assertEquals(1, texts.stream().filter("Restricted records"::equals).count(), texts.toString());
        String all = String.join("\n", texts);
        for (String secret : LabelledBundle.SECRETS) {
            assertFalse(all.contains(secret), secret + " in the worklist");
        }
        assertTrue(all.contains("Dana Okafor"), all);
    }

    @Test
    void chartLensInferenceCountsOnlyWhenTheSettingIsOn() throws Exception {
        Map<String, String> notes = notes(model(true));
        assertEquals("Restricted records", notes.get("Lena Ibarra"), notes.toString());
        assertEquals("Restricted records", notes.get("Dana Okafor"));
        assertEquals("", notes.get("Ken Nakamura"));
    }
}
