package org.chartlens.ui.chart;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.Screenshots;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.common.Themes;
import org.chartlens.ui.testing.RealCache;
import org.chartlens.ui.testing.SyntheaBundles;

/**
 * Hand-run probe (not a test): the same steps as bench figure 6 for the large chart, with a
 * per-step breakdown. {@code java -cp ... org.chartlens.ui.chart.VitalsRenderProbe [runs] [tab...]}
 */
public final class VitalsRenderProbe {
    private static Stage stage;

    public static void main(String[] args) throws Exception {
        Screenshots.useHeadless();
        Screenshots.startToolkit();
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<String> tabs = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("vitals", "timeline");
        ChartStore store = RealCache.of(Files.createTempDirectory("probe"), Instant.now(), SyntheaBundles.large());
        CachedPatient p = store.patients().get(0);
        ChartData data = ChartQuery.open(store, new PatientRef(p.org(), p.id()), UnitSystem.METRIC, LocalDate.now());
        for (String tab : tabs) {
            List<double[]> all = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                double[] r = once(store, p, data, tab);
                if (i >= 3) {
                    all.add(r);
                }
            }
            String[] names = {"total", "view+scene+show", "select(build)", "applyCss", "layout", "snapshot", "fxCpu"};
            StringBuilder sb = new StringBuilder(tab + ":");
            for (int k = 0; k < names.length; k++) {
                final int kk = k;
                double[] v = all.stream().mapToDouble(a -> a[kk]).sorted().toArray();
                sb.append(String.format("  %s=%.1f", names[k], v[v.length / 2]));
            }
            System.out.println(sb);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void count(javafx.scene.Node node, java.util.Map<String, Integer> n) {
        n.merge(node.getClass().getSimpleName(), 1, Integer::sum);
        if (node instanceof javafx.scene.Parent par) {
            for (javafx.scene.Node c : par.getChildrenUnmodifiable()) {
                count(c, n);
            }
        }
    }

    private static double[] once(ChartStore store, CachedPatient p, ChartData data, String tab) throws Exception {
        CompletableFuture<double[]> out = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                if (stage == null) {
                    Themes.apply(false);
                    stage = new Stage();
                }
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
                ChartViewModel vm = new ChartViewModel(store, tasks, p.org(), p.id());
                vm.dataProperty().set(data);
                ChartView view = new ChartView(vm, tasks, f -> { }, false);
                Scene scene = new Scene(view, 1400, 860);
                Themes.style(scene);
                stage.setScene(scene);
                stage.show();
                long t1 = System.nanoTime();
                view.select(tab);
                long t2 = System.nanoTime();
                scene.getRoot().applyCss();
                long t3 = System.nanoTime();
                scene.getRoot().layout();
                long t4 = System.nanoTime();
                javafx.scene.image.WritableImage img = scene.snapshot(null);
                if (System.getProperty("probe.png") != null) {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                            new java.io.File(System.getProperty("probe.png")));
                }
                long t5 = System.nanoTime();
                long c5 = mx.getCurrentThreadCpuTime();
                if (Boolean.getBoolean("probe.count")) {
                    java.util.Map<String, Integer> n = new java.util.TreeMap<>();
                    count(scene.getRoot(), n);
                    System.out.println(n.values().stream().mapToInt(Integer::intValue).sum() + " nodes " + n);
                }
                out.complete(new double[] {(t5 - t0) / 1e6, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                        (t4 - t3) / 1e6, (t5 - t4) / 1e6, (c5 - c0) / 1e6});
            } catch (Throwable t) {
                out.completeExceptionally(t);
            }
        });
        double[] r = out.get(60, TimeUnit.SECONDS);
        Thread.sleep(50);
        return r;
    }
}
