package org.chartlens.sync;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.AuthSessions;
import org.chartlens.auth.BackendKey;
import org.chartlens.auth.PassphraseSecretStore;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.connect.Organization.Quirk;
import org.chartlens.domain.Compartment;
import org.chartlens.fhir.FhirHttp;
import org.chartlens.fhir.FhirJson;
import org.chartlens.sandbox.DemoEhr;
import org.chartlens.sandbox.SandboxOptions;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;

/**
 * A real demo EHR of one profile, signed in to through the real auth code (PKCE via a scripted
 * loopback browser, or the password grant for CareCloud), and a real encrypted cache.
 */
final class DemoFixture implements AutoCloseable {
    final DemoEhr ehr;
    final Organization org;
    final AuthSessions auth;
    final Session session;
    final ChartCache cache;
    final FhirHttp http;
    final Path dir;
    final byte[] key;

    DemoFixture(String profile, Path dir, Duration accessTokens, FhirHttp.Options options) throws Exception {
        this(profile, dir, accessTokens, options, false, null, false);
    }

    private DemoFixture(String profile, Path dir, Duration accessTokens, FhirHttp.Options options, boolean preset,
                        Organization.Flow flow, boolean xmlOnly) throws Exception {
        this.dir = dir;
        SandboxOptions.Builder b = SandboxOptions.builder().profile(profile).autoApprove(true).xmlOnly(xmlOnly);
        if (accessTokens != null) {
            b.accessTokenLifetime(accessTokens);
        }
        this.ehr = DemoEhr.start(b.build());
        this.auth = new AuthSessions(PassphraseSecretStore.open(dir.resolve("secrets.bin"),
                PassphraseSource.fixed("test-passphrase".toCharArray()), 1000));
        Organization o = preset ? shipped(profile, ehr, flow) : organization(profile, ehr);
        switch (o.flow()) {
            case PASSWORD -> this.session = auth.signInWithPassword(o, null, "clinician", "demo-password".toCharArray());
            case BACKEND -> {
                BackendKey backend = auth.sessionStore().backendKeyOrCreate(o.id());
                o = o.withClientId(ehr.registerBackendClient(backend.publicJwks()));
                this.session = auth.signInBackend(o, null);
            }
            case SECRET -> {
                o = o.withClientId("chartlens-confidential");
                auth.sessionStore().saveClientSecret(o.id(), "chartlens-demo-secret".toCharArray());
                this.session = auth.signInWithBrowser(o, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            }
            default -> this.session = auth.signInWithBrowser(o, null, new ScriptedBrowser(), Duration.ofSeconds(30));
        }
        this.org = o;
        this.key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.cache = ChartCache.open(dir.resolve("cache.db"), key);
        this.http = new FhirHttp(org, auth.tokens(org), options, new FhirJson());
    }

    DemoFixture(String profile, Path dir) throws Exception {
        this(profile, dir, null, fastRetries());
    }

    /**
     * Signed in as the shipped preset of {@code profile} says (resources/organizations.json: its
     * flow and scopes; the demo EHR's public, confidential or backend client stands in for the
     * registration the vendor would give).
     */
    static DemoFixture preset(String profile, Path dir) throws Exception {
        return new DemoFixture(profile, dir, null, fastRetries(), true, null, false);
    }

    /** As {@link #preset(String, Path)} against a demo EHR that answers every FHIR request in XML only. */
    static DemoFixture presetXmlOnly(String profile, Path dir) throws Exception {
        return new DemoFixture(profile, dir, null, fastRetries(), true, null, true);
    }

    /** As {@link #preset(String, Path)} with another flow the preset documents (Credible: PKCE), and its scopes. */
    static DemoFixture preset(String profile, Path dir, Organization.Flow flow) throws Exception {
        return new DemoFixture(profile, dir, null, fastRetries(), true, flow, false);
    }

    private static Organization shipped(String profile, DemoEhr ehr, Organization.Flow flow) {
        var p = OrganizationDirectory.loadPresets().get(profile);
        Organization o = p.organization().withFhirBase(ehr.fhirBase());
        if (flow != null) {
            o = o.withFlow(flow).withScopes(p.flows().get(flow));
        }
        // CareCloud's password grant needs no client id: the preset is used as shipped
        return o.clientId() == null && o.flow() != Organization.Flow.PASSWORD ? o.withClientId("chartlens") : o;
    }

    static FhirHttp.Options fastRetries() {
        return FhirHttp.Options.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    static Organization organization(String profile, DemoEhr ehr) {
        List<String> user = List.of("openid", "fhirUser", "offline_access", "user/*.read");
        return switch (profile) {
            case "veracity" -> new Organization("veracity", "Veracity (demo)", ehr.fhirBase(), Organization.Flow.PKCE,
                    "chartlens", user, Set.of(Quirk.ROTATING_REFRESH_TOKENS, Quirk.DISCOVERY_REQUIRED), "veracity", false, "");
            case "carecloud" -> new Organization("carecloud", "CareCloud (demo)", ehr.fhirBase(),
                    Organization.Flow.PASSWORD, "chartlens", List.of("user/*.read"),
                    Set.of(Quirk.SEARCH_VIA_UNDERSCORE_SEARCH, Quirk.FORMAT_PARAM_UPPERCASE, Quirk.NON_ISO_DATES),
                    "carecloud", true, "");
            case "payer" -> new Organization("payer", "Payer (demo)", ehr.fhirBase(), Organization.Flow.PKCE, "chartlens",
                    List.of("openid", "fhirUser", "launch/patient", "offline_access", "patient/Patient.read",
                            "patient/Coverage.read", "patient/ExplanationOfBenefit.read", "patient/Condition.read",
                            "patient/MedicationRequest.read", "patient/Observation.read",
                            "patient/DocumentReference.read", "patient/AllergyIntolerance.read",
                            "patient/Immunization.read", "patient/Procedure.read", "patient/Organization.read",
                            "patient/Practitioner.read", "patient/Location.read"),
                    Set.of(Quirk.PATIENT_FROM_ID_TOKEN_SUB), "payer", false, "");
            default -> new Organization(profile, profile + " (demo)", ehr.fhirBase(), Organization.Flow.PKCE,
                    "chartlens", user, Set.of(), profile, false, "");
        };
    }

    ChartSync sync() {
        return new ChartSync(http, cache);
    }

    /** Every patient the server lists under this sign-in (the sign-in's patient included). */
    SyncRequest request() {
        return new SyncRequest(List.of(), session.patient(), false, Set.copyOf(session.grantedScopes()), null, true);
    }

    /** The source bundle's counts the server can serve under this sign-in. */
    Map<String, Integer> expected(String patient, Capabilities caps) {
        Map<String, Integer> out = new TreeMap<>();
        ehr.sourceCounts(patient).forEach((type, n) -> {
            boolean granted = session.grantedScopes().isEmpty()
                    || Planner.granted(Set.copyOf(session.grantedScopes()), type);
            if (caps.supports(type) && granted) {
                out.put(type, n);
            }
        });
        return out;
    }

    /** What the cached chart holds per type (shared Practitioner/Organization/Location left out). */
    Map<String, Integer> cached(String patient) {
        Map<String, Integer> out = new TreeMap<>();
        for (StoredResource r : cache.chart(org.id(), patient)) {
            if (!Compartment.isShared(r.type()) || "Medication".equals(r.type())) {
                out.merge(r.type(), 1, Integer::sum);
            }
        }
        return out;
    }

    @Override
    public void close() {
        cache.close();
        ehr.close();
    }
}
