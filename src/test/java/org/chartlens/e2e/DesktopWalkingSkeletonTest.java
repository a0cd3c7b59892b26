package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import org.chartlens.app.DesktopServices;
import org.chartlens.domain.Problem;
import org.chartlens.ui.chart.ChartView;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.shell.MainWindow;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's desktop path, headless (Monocle), with every real part: the main window on the
 * app's real services; the user's sign-in action ("Open the demo organization") starts the
 * embedded demo EHR, signs in by authorization code + PKCE over loopback HTTP, syncs into the
 * encrypted SQLite cache, and opens the chart. The Problems tab's rows must carry the texts of the
 * Conditions in that patient's source bundle.
 */
class DesktopWalkingSkeletonTest {
    @TempDir
    Path data;

    @Test
    void signInActionLeadsToProblemRowsFromTheDemoBundle() throws Exception {
        Fx.stage();
        DesktopServices services = new DesktopServices(data, Map.of(
                "CHARTLENS_PASSPHRASE", "desktop-e2e-pass", "CHARTLENS_SECRET_STORE", "file"));
        try (BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(2)) {
            MainWindow window = Fx.call(() -> new MainWindow(services.ports(), tasks, false));
            Fx.show(window);

            // The welcome screen shows once the (empty) worklist has loaded in the background.
            Button openDemo = null;
            for (int i = 0; i < 400 && openDemo == null; i++) {
                openDemo = (Button) Fx.call(() -> window.lookup("#welcome-demo"));
                if (openDemo == null) {
                    Thread.sleep(50);
                    Fx.settle();
                }
            }
            assertNotNull(openDemo, "the welcome screen offers the demo organization");
            Button action = openDemo;
            Fx.run(action::fire);

            ChartView chart = null;
            for (int i = 0; i < 1200 && chart == null; i++) { // the first sign-in derives keys: allow minutes on a busy CI
                chart = Fx.call(() -> window.tabs().getTabs().stream()
                        .filter(t -> t.getId() != null && t.getId().startsWith("chart-"))
                        .map(Tab::getContent).filter(ChartView.class::isInstance).map(ChartView.class::cast)
                        .findFirst().orElse(null));
                if (chart == null) {
                    Thread.sleep(250);
                }
            }
            assertNotNull(chart, "a chart tab should open after the demo sign-in; status: "
                    + Fx.call(() -> window.status().toString()));
            ChartView view = chart;
            for (int i = 0; i < 400 && Fx.call(() -> view.tabContent("summary")) == null; i++) {
                Thread.sleep(50);
            }
            Fx.run(() -> view.select("problems"));
            Fx.settle();

            Set<String> shown = new TreeSet<>();
            // issue 16: social and situational findings have their own (collapsed) section
            for (String id : new String[] {"problems-active", "problems-findings", "problems-inactive"}) {
                @SuppressWarnings("unchecked")
                TableView<Problem> table = (TableView<Problem>) Fx.call(() -> {
                    Node n = view.tabContent("problems").lookup("#" + id);
                    return n;
                });
                assertNotNull(table, id);
                Fx.call(() -> table.getItems().stream().map(p -> p.code().label()).toList()).forEach(shown::add);
            }
            String patient = view.viewModel().patientId();
            Set<String> expected = conditionTexts(patient);
            assertTrue(expected.size() > 3, "the demo patient has conditions: " + expected);
            for (String text : expected) {
                assertTrue(shown.contains(text), "Problems should show '" + text + "'; shown: " + shown);
            }
        } finally {
            services.context().close();
        }
    }

    static Set<String> conditionTexts(String patientId) throws Exception {
        Path bundle;
        try (Stream<Path> files = Files.list(Path.of("resources/demo-data"))) {
            bundle = files.filter(p -> p.getFileName().toString().contains(patientId)).findFirst().orElseThrow();
        }
        Set<String> texts = new TreeSet<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(bundle))) {
            for (JsonNode e : new ObjectMapper().readTree(in).path("entry")) {
                JsonNode r = e.path("resource");
                if ("Condition".equals(r.path("resourceType").asText())) {
                    texts.add(r.path("code").path("coding").path(0).path("display").asText(r.path("code").path("text").asText()));
                }
            }
        }
        return texts;
    }
}
