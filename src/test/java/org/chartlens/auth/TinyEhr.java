package org.chartlens.auth;

import java.nio.file.Path;
import java.time.Duration;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;

/** The real demo EHR serving one tiny patient bundle, so auth tests start it in well under a second. */
final class TinyEhr {
    static final Path DATA = Path.of("src/test/resources/org/chartlens/auth/tiny-ehr").toAbsolutePath();

    private TinyEhr() {
    }

    static DemoEhr start(String profile) {
        return DemoEhr.start(SandboxOptions.builder().profile(profile).autoApprove(true).dataDir(DATA).build());
    }

    static DemoEhr start(String profile, Duration accessTokenLifetime) {
        return DemoEhr.start(SandboxOptions.builder().profile(profile).autoApprove(true).dataDir(DATA)
                .accessTokenLifetime(accessTokenLifetime).build());
    }
}
