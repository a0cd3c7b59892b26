package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What the FHIR server and the authorization server of one demo EHR share. Thread safe (all
 * parts are).
 */
final class DemoEhrContext {
    final VendorProfile profile;
    final SandboxOptions options;
    final ObjectMapper mapper;
    final ServedResources data;
    final Clients clients;
    final Grants grants;
    final ServerKeys keys;
    final Faults faults;
    final boolean autoApprove;
    private volatile URI fhirBase;
    private volatile URI issuer;
    private volatile String clinician;

    DemoEhrContext(VendorProfile profile, SandboxOptions options, ObjectMapper mapper, ServedResources data,
                   Grants grants, ServerKeys keys, Faults faults) {
        this.profile = profile;
        this.options = options;
        this.mapper = mapper;
        this.data = data;
        this.clients = new Clients(profile);
        this.grants = grants;
        this.keys = keys;
        this.faults = faults;
        this.autoApprove = options.autoApprove();
    }

    void bind(URI origin) {
        String o = origin.toString();
        this.fhirBase = URI.create(o + "/fhir");
        this.issuer = URI.create(o + "/oauth");
    }

    URI fhirBase() {
        return fhirBase;
    }

    URI issuer() {
        return issuer;
    }

    Duration accessTokenLifetime() {
        return options.accessTokenLifetime() != null ? options.accessTokenLifetime() : profile.accessTokenLifetime;
    }

    Duration refreshTokenLifetime() {
        return options.refreshTokenLifetime() != null ? options.refreshTokenLifetime() : profile.refreshTokenLifetime;
    }

    /** The demo clinician's {@code fhirUser}: the first practitioner in the data. */
    String clinicianReference() {
        String c = clinician;
        if (c == null) {
            List<StoredEntry> practitioners = data.ofType("Practitioner");
            c = practitioners.isEmpty() ? "Practitioner/clinician" : practitioners.get(0).key();
            clinician = c;
        }
        return c;
    }
}
