package org.chartlens.sync;

import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.chartlens.auth.AccessTokenSource;
import org.chartlens.connect.Organization;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.FhirJson;
import org.chartlens.store.ChartCache;

/**
 * A sync in its own process, to be killed mid-way by {@link KillAndResumeTest}. Arguments:
 * FHIR base, cache file; env CHILD_TOKEN (access token) and CHILD_KEY (hex cache key).
 */
public final class SyncChild {
    private SyncChild() {
    }

    public static void main(String[] args) throws Exception {
        String token = System.getenv("CHILD_TOKEN");
        AccessTokenSource tokens = new AccessTokenSource() {
            @Override
            public String accessToken() {
                return token;
            }

            @Override
            public String refreshAfterRejection(String rejected) throws org.chartlens.auth.AuthException {
                throw new org.chartlens.auth.AuthException("no refresh in the child");
            }
        };
        Organization org = new Organization("demo", "Demo", URI.create(args[0]), Organization.Flow.PKCE, "chartlens",
                List.of(), Set.of(), "demo", false, "");
        FhirHttp http = new FhirHttp(org, tokens, FhirHttp.Options.defaults().withLimits(5000, 64L << 20, 100),
                new FhirJson());
        try (ChartCache cache = ChartCache.open(Path.of(args[1]), HexFormat.of().parseHex(System.getenv("CHILD_KEY")))) {
            System.out.println("started");
            new ChartSync(http, cache, 1).run(SyncRequest.everyone(), SyncListener.NONE);
            System.out.println("finished");
        }
    }
}
