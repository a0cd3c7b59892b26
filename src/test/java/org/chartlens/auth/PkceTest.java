package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** security.md 3: PKCE S256 only, verifier from 32 random bytes, RFC 7636 Appendix B. */
class PkceTest {
    @Test
    void rfc7636AppendixBTestVector() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void verifierIs32RandomBytesAndChallengeMatches() {
        Pkce a = Pkce.generate();
        Pkce b = Pkce.generate();
        assertEquals(43, a.verifier().length());
        assertEquals(32, Base64.getUrlDecoder().decode(a.verifier()).length);
        assertTrue(a.verifier().matches("[A-Za-z0-9_-]{43}"));
        assertEquals(Pkce.challengeFor(a.verifier()), a.challenge());
        assertNotEquals(a.verifier(), b.verifier());
        assertEquals("S256", Pkce.METHOD);
        assertTrue(!a.toString().contains(a.verifier()), "toString hides the verifier");
    }
}
