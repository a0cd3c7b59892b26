package org.chartlens.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.connect.Organization;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.StoredResource;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;

/**
 * The installed app's smoke test: starts the demo EHR, signs in through the real PKCE flow,
 * syncs one patient into a fresh encrypted cache, and renders one view headlessly. Runs in a
 * throw-away data folder so it never touches the user's data. Each step prints one line.
 */
public final class SelfTest {
    /** Renders a view of the cached chart to a PNG; supplied by the UI layer. */
    public interface Renderer {
        void render(ChartLensContext ctx, String org, String patientId, Path png) throws Exception;
    }

    private final PrintStream out;
    private final Renderer renderer;

    public SelfTest(PrintStream out, Renderer renderer) {
        this.out = out;
        this.renderer = renderer;
    }

    /** Returns 0 when every step passed. */
    public int run() throws Exception {
        Path dir = Files.createTempDirectory("chartlens-self-test");
        try (DemoEhr ehr = step("start the demo EHR", () -> DemoEhr.start(SandboxOptions.builder()
                .profile("demo").autoApprove(true).build()));
             ChartLensContext ctx = new ChartLensContext(dir, PassphraseSource.fixed("self-test".toCharArray()),
                     Map.of("CHARTLENS_SECRET_STORE", "file"))) {
            Organization org = ctx.organizations().require("demo").withFhirBase(ehr.fhirBase());
            String patient = ehr.patientIds().get(0);
            step("sign in (authorization code + PKCE, loopback redirect)", () ->
                    ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30)));
            SyncResult result = step("sync one patient into the encrypted cache", () ->
                    ctx.sync(org).run(SyncRequest.patients(patient), SyncListener.NONE));
            if (!result.ok()) {
                throw new IllegalStateException("sync did not complete: " + result.summary());
            }
            List<StoredResource> chart = ctx.cache().chart(org.id(), patient);
            long conditions = chart.stream().filter(r -> r.type().equals("Condition")).count();
            out.println("  cached " + chart.size() + " resources (" + conditions + " conditions)");
            if (chart.isEmpty()) {
                throw new IllegalStateException("the cache holds nothing for the synced patient");
            }
            Path png = dir.resolve("problems.png");
            step("render the Problems view headlessly", () -> {
                renderer.render(ctx, org.id(), patient, png);
                return png;
            });
            if (!Files.isRegularFile(png) || Files.size(png) < 1000) {
                throw new IllegalStateException("the rendered view is missing or empty");
            }
            out.println("self-test passed");
            return 0;
        } finally {
            org.chartlens.app.ScratchFolders.deleteTreeQuietly(dir);
        }
    }

    interface Step<T> {
        T run() throws Exception;
    }

    private <T> T step(String what, Step<T> s) throws Exception {
        long t0 = System.nanoTime();
        T value = s.run();
        out.printf("ok   %-58s %6d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
        return value;
    }
}
