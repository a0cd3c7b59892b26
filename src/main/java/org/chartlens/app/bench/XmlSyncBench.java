package org.chartlens.app.bench;

import java.io.PrintStream;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.sync.SyncListener;
import org.chartlens.sync.SyncRequest;
import org.chartlens.sync.SyncResult;

/**
 * Issue 15 bench row 11: the sync of one chart (the first demo patient, full) from a demo EHR
 * answering JSON and from one answering only XML (decision 0301: each XML reply turned into JSON
 * once by HAPI). The first XML reply of the process also makes HAPI's context: a warm-up absorbs
 * it, and it is reported on its own.
 */
final class XmlSyncBench {
    private final BenchSuite.Settings settings;
    private final PrintStream log;
    private final BenchReport report;

    XmlSyncBench(BenchSuite.Settings settings, PrintStream log, BenchReport report) {
        this.settings = settings;
        this.log = log;
        this.report = report;
    }

    void run() throws Exception {
        log.println("bench: sync of one chart, JSON vs XML-only server");
        Figure json = measure(false, "11. sync of one chart, JSON server");
        Figure xml = measure(true, "11. sync of one chart, XML-only server");
        report.add(json);
        report.add(xml).comparedTo(json);
        double ratio = xml.median() / json.median();
        report.add(new Figure("11. sync of one chart, XML-only vs JSON server", "ratio").add(ratio))
                .target("reported (XML is taken only when a server gives nothing else)", true);
    }

    private Figure measure(boolean xmlOnly, String name) throws Exception {
        Figure f = new Figure(name, "ms");
        try (DemoEhr ehr = DemoEhr.start(SandboxOptions.builder().profile("demo").autoApprove(true)
                .dataDir(settings.demoData()).xmlOnly(xmlOnly).build());
             Workspace ws = new Workspace(settings.workDir().resolve("xml-ws"), ehr)) {
            ws.signIn();
            String patient = ehr.patientIds().get(0);
            for (int i = 0; i < settings.warmups() + settings.runs(); i++) {
                ws.resetCache();
                long t0 = System.nanoTime();
                SyncResult r = ws.ctx.sync(ws.org).run(SyncRequest.patients(patient).full(true), SyncListener.NONE);
                long t1 = System.nanoTime();
                if (!r.ok()) {
                    throw new IllegalStateException("sync failed: " + r.summary());
                }
                if (i == 0 && xmlOnly) {
                    report.add(new Figure("11. first XML sync of the process (HAPI context made)", "ms").add((t1 - t0) / 1e6));
                }
                if (i >= settings.warmups()) {
                    f.add((t1 - t0) / 1e6);
                }
            }
        }
        return f;
    }
}
