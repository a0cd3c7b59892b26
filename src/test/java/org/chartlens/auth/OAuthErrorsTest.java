package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** security.md 26: OAuth errors in plain words. */
class OAuthErrorsTest {
    @ParameterizedTest
    @ValueSource(strings = {"access_denied", "invalid_grant", "invalid_client", "invalid_scope", "temporarily_unavailable"})
    void eachCommonErrorHasItsOwnPlainMessage(String code) {
        String m = OAuthErrors.plainWords(code, "Veracity");
        assertTrue(m.contains("Veracity"));
        assertFalse(m.contains(code), "no protocol jargon: " + m);
        assertNotEquals(OAuthErrors.plainWords("something_else", "Veracity"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void unknownCodesAreSanitised(String code) {
        String m = OAuthErrors.plainWords(code, null);
        assertFalse(m.contains("<"));
        assertTrue(m.length() < 200);
    }
}
