package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** security.md 8: token response checks. */
class TokenResponseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static TokenResponse parse(String json) throws Exception {
        return TokenResponse.parse(JSON.readTree(json), NOW);
    }

    @Test
    void refreshGrantLifetimeUnderSmartsNameOrKeycloaks() throws Exception {
        assertEquals(86400L, parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\","
                + "\"refresh_token_expires_in\":86400}").refreshExpiresInSeconds());
        assertEquals(600L, parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\","
                + "\"refresh_expires_in\":600}").refreshExpiresInSeconds());
        assertNull(parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\"}").refreshExpiresInSeconds());
    }

    @Test
    void requiresAnAccessToken() {
        AuthException e = assertThrows(AuthException.class, () -> parse("{\"token_type\":\"Bearer\"}"));
        assertEquals("invalid_token_response", e.code());
        assertThrows(AuthException.class, () -> parse("{\"access_token\":\"\",\"token_type\":\"Bearer\"}"));
    }

    @Test
    void requiresBearerInAnyCase() throws Exception {
        assertEquals("Bearer", parse("{\"access_token\":\"a\",\"token_type\":\"BEARER\"}").tokenType());
        assertEquals("Bearer", parse("{\"access_token\":\"a\",\"token_type\":\"bearer\"}").tokenType());
        assertThrows(AuthException.class, () -> parse("{\"access_token\":\"a\",\"token_type\":\"DPoP\"}"));
        assertThrows(AuthException.class, () -> parse("{\"access_token\":\"a\"}"));
    }

    @Test
    void expiryIsReceiptTimePlusExpiresInMinusSkew() throws Exception {
        TokenResponse r = parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        assertEquals(NOW.plusSeconds(3600 - 30), r.expiresAt());
        TokenResponse shortLived = parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":\"10\"}");
        assertEquals(NOW.plusSeconds(8), shortLived.expiresAt());
        assertThrows(AuthException.class, () -> parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\"}"));
    }

    @Test
    void readsScopesAndLaunchContext() throws Exception {
        TokenResponse r = parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"scope\":\"patient/Patient.read  openid\","
                + "\"patient\":\"p1\",\"encounter\":\"e1\",\"fhirUser\":\"Practitioner/9\",\"need_patient_banner\":true,"
                + "\"refresh_token\":\"r\"}");
        assertEquals(List.of("patient/Patient.read", "openid"), r.scopes());
        assertEquals("p1", r.patient());
        assertEquals("e1", r.encounter());
        assertEquals("Practitioner/9", r.fhirUser());
        assertTrue(r.needPatientBanner());
        assertEquals("r", r.refreshToken());
        assertFalse(r.toString().contains("\"a\""));
        assertNull(parse("{\"access_token\":\"a\",\"token_type\":\"Bearer\"}").scopes(), "absent scope = as requested");
    }

    @Test
    void grantedScopesMayBeFewerThanRequested() {
        Session s = new Session("o", null, "c", null, "a", "Bearer", NOW, null, null,
                List.of("openid", "patient/*.read", "patient/Coverage.read"), List.of("openid", "patient/*.read"),
                null, null, null, false, null, NOW, NOW);
        assertEquals(List.of("patient/Coverage.read"), s.refusedScopes());
        assertTrue(s.isGranted("openid"));
        assertFalse(s.isGranted("patient/Coverage.read"));
        assertFalse(s.toString().contains("Bearer a"));
    }
}
