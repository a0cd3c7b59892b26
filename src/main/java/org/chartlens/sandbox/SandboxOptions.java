package org.chartlens.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start the demo EHR. Immutable.
 *
 * @param profile            demo, credible, insync, veracity, carecloud or payer
 * @param port               0 for an OS-chosen port
 * @param autoApprove        skip the login/consent page
 * @param dataDir            serve bundles from here instead of the built-in demo patients; null
 * @param accessTokenLifetime  access token lifetime (null: the profile's default)
 * @param refreshTokenLifetime refresh grant lifetime (null: the profile's default)
 * @param xmlOnly            every FHIR reply in XML ({@code application/fhir+xml}), whatever the
 *                           request asks (a server that speaks only XML; CareCloud documents both)
 */
public record SandboxOptions(String profile, int port, boolean autoApprove, Path dataDir,
                             Duration accessTokenLifetime, Duration refreshTokenLifetime, boolean xmlOnly) {

    public static SandboxOptions demo() {
        return new SandboxOptions("demo", 0, true, null, null, null, false);
    }

    /** A builder starting from {@link #demo()}: profile demo, OS port, auto-approve on. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.profile = profile;
        b.port = port;
        b.autoApprove = autoApprove;
        b.dataDir = dataDir;
        b.accessTokenLifetime = accessTokenLifetime;
        b.refreshTokenLifetime = refreshTokenLifetime;
        b.xmlOnly = xmlOnly;
        return b;
    }

    /** Not thread safe; build once. */
    public static final class Builder {
        private String profile = "demo";
        private int port;
        private boolean autoApprove = true;
        private Path dataDir;
        private Duration accessTokenLifetime;
        private Duration refreshTokenLifetime;
        private boolean xmlOnly;

        private Builder() {
        }

        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder autoApprove(boolean autoApprove) {
            this.autoApprove = autoApprove;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = lifetime;
            return this;
        }

        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = lifetime;
            return this;
        }

        /** Every FHIR reply in XML, whatever the request asks. */
        public Builder xmlOnly(boolean xmlOnly) {
            this.xmlOnly = xmlOnly;
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(profile == null ? "demo" : profile, port, autoApprove, dataDir,
                    accessTokenLifetime, refreshTokenLifetime, xmlOnly);
        }
    }
}
