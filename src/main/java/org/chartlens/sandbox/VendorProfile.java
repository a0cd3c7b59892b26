package org.chartlens.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What one vendor's server does differently, as written in its document in
 * {@code shared/vendor-docs/}. Immutable.
 */
enum VendorProfile {
    /** The friendliest: every flow, every type, auto-approve. */
    DEMO(Duration.ofHours(1), Duration.ofDays(90), true, true, true, true, false, null),
    /** Credible Behavioral Health: OIDC, PKCE, JWT tokens, US Core 3.1.1 list, bulk data. */
    CREDIBLE(Duration.ofHours(1), Duration.ofDays(30), false, false, true, false, true, Types.US_CORE_311),
    /** InSync EMR (Smile CDR): client id + secret, US Core 3.1.1 list. */
    INSYNC(Duration.ofHours(1), Duration.ofDays(30), false, true, false, false, false, Types.US_CORE_311),
    /** Veracity: discovery + PKCE required, single-use rotating 90-day refresh tokens. */
    VERACITY(Duration.ofHours(1), Duration.ofDays(90), true, true, false, false, false, null),
    /** CareCloud Connector: password grant, {@code _search?Patient=}, odd data. */
    CARECLOUD(Duration.ofHours(1), Duration.ofDays(30), false, false, false, true, false, null),
    /** A payer's Patient Access API (CMS-0057F): Coverage, CARIN BB EOBs, sub = patient id. */
    PAYER(Duration.ofHours(1), Duration.ofDays(30), false, false, false, false, false, Types.PAYER);

    final Duration accessTokenLifetime;
    final Duration refreshTokenLifetime;
    final boolean rotatesRefreshTokens;
    final boolean confidentialClient;
    final boolean backendServices;
    final boolean passwordGrant;
    final boolean jwtAccessTokens;
    /** null: every loaded type. */
    final Set<String> supportedTypes;

    VendorProfile(Duration access, Duration refresh, boolean rotates, boolean confidential,
                  boolean backend, boolean password, boolean jwtTokens, Set<String> types) {
        this.accessTokenLifetime = access;
        this.refreshTokenLifetime = refresh;
        this.rotatesRefreshTokens = rotates;
        this.confidentialClient = confidential;
        this.backendServices = backend;
        this.passwordGrant = password;
        this.jwtAccessTokens = jwtTokens;
        this.supportedTypes = types;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VendorProfile of(String name) {
        if (name == null || name.isBlank()) {
            return DEMO;
        }
        for (VendorProfile p : values()) {
            if (p.id().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown profile '" + name
                + "' (known: demo, credible, insync, veracity, carecloud, payer)");
    }

    boolean supports(String type) {
        return supportedTypes == null || supportedTypes.contains(type);
    }

    /**
     * The token response field saying how many seconds are left on the refresh grant, where the
     * profile sends one, else null. Only {@code demo} (SMART's and Epic's {@code refresh_token_expires_in}):
     * none of the vendor documents mentions such a field (Veracity states its 90 days in prose and
     * returns tokens "as per RFC 6749"; Credible's refresh tokens are JWTs with an {@code exp}), so the
     * vendor profiles do not send it and the client must know the lifetime another way (issue 17).
     */
    String refreshLifetimeField() {
        return this == DEMO ? "refresh_token_expires_in" : null;
    }

    /** Unsupported requests: Veracity documents 400 + OperationOutcome; others answer 404. */
    int unsupportedStatus() {
        return this == VERACITY ? 400 : 404;
    }

    static final class Types {
        static final Set<String> US_CORE_311 = Set.of("AllergyIntolerance", "CarePlan", "CareTeam",
                "Condition", "Device", "DiagnosticReport", "DocumentReference", "Encounter", "Goal",
                "Immunization", "Location", "Medication", "MedicationRequest", "Observation",
                "Organization", "Patient", "Practitioner", "PractitionerRole", "Procedure",
                "Provenance");
        static final Set<String> PAYER = Set.of("Patient", "Coverage", "ExplanationOfBenefit",
                "Condition", "MedicationRequest", "Observation", "DocumentReference",
                "AllergyIntolerance", "Immunization", "Procedure", "Organization", "Practitioner",
                "Location", "PractitionerRole");

        private Types() {
        }
    }
}
