package org.chartlens.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.ScratchFolders;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.connect.Organization;
import org.chartlens.sandbox.DemoEhr;

/** A data folder signed in to one demo EHR, with a cache that can be emptied between runs. */
final class Workspace implements AutoCloseable {
    final ChartLensContext ctx;
    final Organization org;
    final Path dir;

    static final String PASSPHRASE = "bench-passphrase";

    Workspace(Path dir, DemoEhr ehr) throws IOException {
        ScratchFolders.deleteTree(dir);
        this.dir = dir;
        Map<String, String> env = Map.of("CHARTLENS_SECRET_STORE", "file");
        this.ctx = new ChartLensContext(dir, PassphraseSource.fixed(PASSPHRASE.toCharArray()), env);
        this.org = ctx.organizations().require("demo").withFhirBase(ehr.fhirBase());
    }

    void signIn() throws Exception {
        ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
    }

    void resetCache() throws IOException {
        ctx.cache().purgeOrganization(org.id());
    }

    @Override
    public void close() {
        ctx.close();
    }
}

