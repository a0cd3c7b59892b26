package org.chartlens.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start the demo EHR.
 *
 * @param profile            demo, credible, insync, veracity, carecloud or payer
 * @param port               0 for an OS-chosen port
 * @param autoApprove        skip the login/consent page
 * @param dataDir            serve bundles from here instead of the built-in demo patients; null
 * @param accessTokenLifetime  access token lifetime (null: the profile's default)
 * @param refreshTokenLifetime refresh grant lifetime (null: the profile's default)
 */
public record SandboxOptions(String profile, int port, boolean autoApprove, Path dataDir,
                             Duration accessTokenLifetime, Duration refreshTokenLifetime) {

    public static SandboxOptions demo() {
        return new SandboxOptions("demo", 0, true, null, null, null);
    }
}
