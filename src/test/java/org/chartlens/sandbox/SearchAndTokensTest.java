package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo profile's search parameters, formats, id_token, revocation and other clients. */
class SearchAndTokensTest {
    private static DemoEhr ehr;
    private static PlainSmartClient client;
    private static String token;
    private static String patient;

    @BeforeAll
    static void start() {
        ehr = DemoEhr.start(SandboxOptions.demo());
        client = new PlainSmartClient(ehr);
        JsonNode t = client.signIn("launch/patient patient/*.rs openid fhirUser");
        token = t.path("access_token").asText();
        patient = t.path("patient").asText();
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    private static JsonNode search(String query) {
        PlainSmartClient.Response r = client.get(client.fhir(query), token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<JsonNode> resources(JsonNode bundle, String mode) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : bundle.path("entry")) {
            if (mode.equals(e.path("search").path("mode").asText())) {
                out.add(e.path("resource"));
            }
        }
        return out;
    }

    @Test
    void categoryCodeAndIdFilter() {
        JsonNode vitals = search("Observation?patient=" + patient + "&category=vital-signs&_count=1000");
        assertTrue(vitals.path("total").asInt() > 10);
        for (JsonNode o : resources(vitals, "match")) {
            assertTrue(o.path("category").toString().contains("vital-signs"));
        }
        JsonNode weight = search("Observation?patient=" + patient + "&code=http://loinc.org%7C29463-7&_count=1000");
        assertTrue(weight.path("total").asInt() > 0);
        for (JsonNode o : resources(weight, "match")) {
            assertEquals("29463-7", o.path("code").path("coding").get(0).path("code").asText());
        }
        assertEquals(weight.path("total").asInt(), search("Observation?patient=" + patient + "&code=29463-7").path("total").asInt());
        String id = resources(weight, "match").get(0).path("id").asText();
        assertEquals(1, search("Observation?_id=" + id).path("total").asInt());
    }

    @Test
    void dateFiltersSplitTheRecord() {
        int all = search("Encounter?patient=" + patient + "&_count=0").path("total").asInt();
        int before = search("Encounter?patient=" + patient + "&date=lt2010-01-01&_count=0").path("total").asInt();
        int after = search("Encounter?patient=" + patient + "&date=ge2010-01-01&_count=0").path("total").asInt();
        assertTrue(before > 0 && after > 0);
        assertTrue(before + after >= all);
        for (JsonNode e : resources(search("Encounter?patient=" + patient + "&date=ge2010-01-01&_count=1000"), "match")) {
            assertTrue(e.path("period").path("end").asText().compareTo("2010") >= 0);
        }
    }

    @Test
    void includeBringsReferencedPractitionersAndOrganizations() {
        JsonNode b = search("Encounter?patient=" + patient + "&_count=3&_include=Encounter:participant"
                + "&_include=Encounter:service-provider&_include=Encounter:serviceProvider");
        List<JsonNode> included = resources(b, "include");
        Set<String> types = new HashSet<>();
        included.forEach(r -> types.add(r.path("resourceType").asText()));
        assertTrue(types.contains("Practitioner"), types.toString());
        assertTrue(types.contains("Organization"), types.toString());
        assertEquals(3, resources(b, "match").size());
    }

    @Test
    void everythingIsPagedAndComplete() {
        String url = client.fhir("Patient/" + patient + "/$everything?_count=500");
        Set<String> seen = new HashSet<>();
        int patientRows = 0;
        while (url != null) {
            JsonNode b = client.get(url, token).json();
            for (JsonNode r : resources(b, "match")) {
                assertTrue(seen.add(r.path("resourceType").asText() + "/" + r.path("id").asText()));
                if ("Patient".equals(r.path("resourceType").asText())) {
                    patientRows++;
                }
            }
            url = null;
            for (JsonNode l : b.path("link")) {
                if ("next".equals(l.path("relation").asText())) {
                    url = l.path("url").asText();
                }
            }
        }
        assertEquals(1, patientRows);
        int compartment = ehr.sourceCounts(patient).values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(seen.size() > compartment, "compartment plus referenced practitioners/organizations");
    }

    @Test
    void xmlByFormatAndByAccept() {
        PlainSmartClient.Response byFormat = client.get(client.fhir("Patient/" + patient + "?_format=xml"), token);
        assertEquals(200, byFormat.status());
        assertTrue(byFormat.header("Content-Type").startsWith("application/fhir+xml"));
        assertTrue(byFormat.body().startsWith("<Patient xmlns=\"http://hl7.org/fhir\">"));
        PlainSmartClient.Response byAccept = client.get(client.fhir("Condition?patient=" + patient + "&_count=2"),
                token, "application/fhir+xml");
        assertTrue(byAccept.body().startsWith("<Bundle"));
        PlainSmartClient.Response error = client.get(client.fhir("Patient/nope?_format=xml"), token);
        assertEquals(404, error.status());
        assertTrue(error.body().contains("<OperationOutcome"));
    }

    @Test
    void v2ScopesLimitTypesAndOperationOutcomeExplains() {
        JsonNode t = client.signIn("launch/patient patient/Observation.rs");
        String obsOnly = t.path("access_token").asText();
        assertEquals(200, client.get(client.fhir("Observation?patient=" + patient), obsOnly).status());
        PlainSmartClient.Response denied = client.get(client.fhir("Condition?patient=" + patient), obsOnly);
        assertEquals(403, denied.status());
        assertEquals("OperationOutcome", denied.json().path("resourceType").asText());
        assertTrue(denied.header("WWW-Authenticate").contains("insufficient_scope"));
    }

    @Test
    void idTokenVerifiesAgainstJwks() throws Exception {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens", "openid fhirUser launch/patient patient/*.read");
        JsonNode t = client.exchange(client.code(p), p.verifier(), "chartlens").json();
        JsonNode oidc = client.get(ehr.issuer() + "/.well-known/openid-configuration", null).json();
        assertEquals(ehr.issuer().toString(), oidc.path("issuer").asText());
        JWKSet jwks = JWKSet.parse(client.get(oidc.path("jwks_uri").asText(), null).body());
        assertFalse(jwks.getKeys().get(0).isPrivate());
        SignedJWT idToken = SignedJWT.parse(t.path("id_token").asText());
        assertEquals("RS256", idToken.getHeader().getAlgorithm().getName());
        assertTrue(idToken.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(idToken.getHeader().getKeyID()))));
        assertEquals(ehr.issuer().toString(), idToken.getJWTClaimsSet().getIssuer());
        assertEquals(List.of("chartlens"), idToken.getJWTClaimsSet().getAudience());
        assertEquals(ehr.fhirBase() + "/Patient/" + patient, idToken.getJWTClaimsSet().getStringClaim("fhirUser"));
        assertEquals(PlainSmartClient.query(java.net.URI.create(p.url())).get("nonce"),
                idToken.getJWTClaimsSet().getStringClaim("nonce"));
        JsonNode userinfo = client.get(oidc.path("userinfo_endpoint").asText(), t.path("access_token").asText()).json();
        assertEquals(idToken.getJWTClaimsSet().getSubject(), userinfo.path("sub").asText());
        assertEquals(401, client.get(oidc.path("userinfo_endpoint").asText(), null).status());
    }

    @Test
    void revokedTokenStopsWorking() {
        JsonNode t = client.signIn("launch/patient patient/*.read offline_access");
        String access = t.path("access_token").asText();
        assertEquals(200, client.postForm(ehr.issuer() + "/revoke",
                Map.of("token", t.path("refresh_token").asText(), "client_id", "chartlens"), null).status());
        assertEquals("invalid_grant", client.refresh(t.path("refresh_token").asText(), "chartlens").json().path("error").asText());
        assertEquals(401, client.get(client.fhir("Patient/" + patient), access).status());
    }

    @Test
    void confidentialClientUsesBasicAuth() {
        PlainSmartClient.Pending p = client.authorizeUrl("chartlens-confidential", "launch/patient patient/*.read");
        String code = client.code(p);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", PlainSmartClient.REDIRECT);
        f.put("code_verifier", p.verifier());
        String wrong = Base64.getEncoder().encodeToString("chartlens-confidential:nope".getBytes(StandardCharsets.UTF_8));
        PlainSmartClient.Response bad = client.postForm(ehr.issuer() + "/token", f, wrong);
        assertEquals(401, bad.status());
        assertEquals("invalid_client", bad.json().path("error").asText());
        String right = Base64.getEncoder().encodeToString(
                "chartlens-confidential:chartlens-demo-secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, client.postForm(ehr.issuer() + "/token", f, right).status());
    }

    @Test
    void passwordGrantForClinicianSeesEveryPatient() {
        PlainSmartClient.Response r = client.postForm(ehr.issuer() + "/token",
                Map.of("grant_type", "password", "username", "clinician", "password", "demo-password",
                        "client_id", "chartlens", "scope", "user/*.read"), null);
        assertEquals(200, r.status(), r.body());
        String clinician = r.json().path("access_token").asText();
        for (String id : ehr.patientIds()) {
            assertEquals(200, client.get(client.fhir("Patient/" + id), clinician).status());
        }
        PlainSmartClient.Response wrong = client.postForm(ehr.issuer() + "/token",
                Map.of("grant_type", "password", "username", "clinician", "password", "guess"), null);
        assertEquals("invalid_grant", wrong.json().path("error").asText());
    }

    @Test
    void unsupportedGrantAndMissingFieldsAreRfc6749Errors() {
        assertEquals("unsupported_grant_type", client.postForm(ehr.issuer() + "/token",
                Map.of("grant_type", "urn:example:magic"), null).json().path("error").asText());
        assertEquals("invalid_request", client.postForm(ehr.issuer() + "/token",
                Map.of("client_id", "chartlens"), null).json().path("error").asText());
        assertEquals("invalid_client", client.postForm(ehr.issuer() + "/token",
                Map.of("grant_type", "authorization_code", "code", "x", "client_id", "who"), null).json().path("error").asText());
    }
}
